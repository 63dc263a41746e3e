import { BrowserWindow, dialog } from 'electron';
import writeFileAtomic from 'write-file-atomic';
import type { CallRequestParsed, CallResponse } from '../../shared/api/contract';

const FILTERS: Record<CallRequestParsed<'export.save'>['kind'], Electron.FileFilter> = {
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  zone: { name: 'Zone file', extensions: ['zone', 'txt'] },
  json: { name: 'JSON', extensions: ['json'] },
};

/** Ask where to save an export, then write it atomically (a crash leaves the old file or the new). */
export async function saveWithDialog(
  req: CallRequestParsed<'export.save'>,
): Promise<CallResponse<'export.save'>> {
  const options = { defaultPath: req.suggestedName, filters: [FILTERS[req.kind]] };
  const parent = BrowserWindow.getFocusedWindow();
  const choice = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  await writeFileAtomic(choice.filePath, Buffer.from(req.base64, 'base64'), { fsync: true });
  return { saved: true, path: choice.filePath };
}
