import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ApiError } from '../../shared/api/result';
import type { CallRequestParsed, CallResponse } from '../../shared/api/contract';
import type { ApiContext } from './context';

/**
 * The private key file of a project's generated DKIM key, on the user's request: shown in the
 * file manager or saved elsewhere by the desktop app (main does the copying, the key never
 * reaches the renderer), or read once for browser mode's download. The file is found from the
 * saved project and must sit in that project's own folder: a path written into the project by
 * anything else (a hand-edited file, a misbehaving page) is refused, so this call cannot read
 * other files.
 */
export async function projectDkimKeyFile(
  req: CallRequestParsed<'dkim.keyFile'>,
  ctx: ApiContext,
): Promise<CallResponse<'dkim.keyFile'>> {
  const project = await ctx.store.get(req.projectId);
  const key = [project.draft.dkimGenerated, project.draft.dkimGeneratedEd25519].find(
    (k) => k?.selector === req.selector,
  );
  if (!key) {
    throw new ApiError(
      'no-key',
      `No key was made on this computer for the selector "${req.selector}" of this project.`,
    );
  }
  let file: string;
  try {
    file = await realpath(key.keyFile);
  } catch {
    throw new ApiError(
      'key-missing',
      `The key file ${key.keyFile} is not there any more. Make a new key on the DKIM step (and publish its new record).`,
    );
  }
  if (dirname(file) !== (await realpath(ctx.store.projectDir(project.id)))) {
    throw new ApiError('not-project-key', "This file is not in the project's own folder.");
  }
  const fileName = basename(file);
  if (req.action === 'download') {
    if (ctx.transport !== 'http') {
      throw new ApiError(
        'desktop-only',
        'In the desktop app, use "Show in folder" or "Save a copy".',
      );
    }
    const pem = await readFile(file, 'utf8');
    return { path: null, fileName, pem };
  }
  if (ctx.transport === 'http') {
    throw new ApiError(
      'not-in-browser',
      'Showing or saving the file through a dialog works only in the desktop app. In the browser, download it instead.',
    );
  }
  // Loaded only inside Electron: the CLI and browser mode never touch its shell or dialog.
  const { revealKeyFile, saveKeyFileCopy } = await import('../electron/key-file-actions');
  if (req.action === 'reveal') {
    revealKeyFile(file);
    return { path: file, fileName };
  }
  return { path: await saveKeyFileCopy(file, fileName), fileName };
}
