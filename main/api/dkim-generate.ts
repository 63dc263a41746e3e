import { normalizeDomainInput } from '../../shared/model/domain-input';
import { ApiError } from '../../shared/api/result';
import type { CallRequestParsed, CallResponse } from '../../shared/api/contract';
import { generateDkimKey } from '../dkim/dkim-keygen';
import type { ProjectStore } from '../store/project-store';
import { storageMessage } from '../store/storage-error';

/**
 * Make a DKIM key pair for a project: the private key goes into the project's folder (0600, by
 * main/dkim), and only its path and the public record travel back to the renderer.
 */
export async function generateProjectDkimKey(
  req: CallRequestParsed<'dkim.generate'>,
  store: ProjectStore,
): Promise<CallResponse<'dkim.generate'>> {
  const project = await store.get(req.projectId);
  const domain = normalizeDomainInput(project.draft.domain);
  if (!domain.ok) {
    throw new ApiError(
      'no-domain',
      'Enter your domain on the Domain step first: the key is made for it.',
      'domain',
    );
  }
  try {
    const key = await generateDkimKey({
      folder: store.projectDir(project.id),
      domain: domain.domain,
      selector: req.selector,
      type: req.keyType,
      ...(req.replace ? { overwrite: true } : {}),
    });
    return {
      selector: key.selector,
      keyType: key.keyType,
      bits: key.bits,
      publicKey: key.publicKey,
      record: key.record,
      txtStrings: key.txtStrings,
      keyFile: key.privateKeyPath,
      warnings: key.warnings,
    };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ApiError(
        'key-exists',
        `A key for the selector "${req.selector}" was already made for this project. If your server already uses it, keep it; otherwise choose "Replace the key".`,
        'selector',
      );
    }
    throw new ApiError(
      'keygen-failed',
      `The key could not be made: ${storageMessage(e)}. Nothing was written; try again once this is fixed.`,
    );
  }
}
