import { copyFile, chmod } from 'node:fs/promises';
import { BrowserWindow, dialog, shell } from 'electron';

/** Open the file manager at the key file, selected (main side: the key stays on disk). */
export function revealKeyFile(file: string): void {
  shell.showItemInFolder(file);
}

/**
 * Ask where to save a copy of the key, then copy it there readable only by the user. Returns
 * the new path, or null when the dialog was closed.
 */
export async function saveKeyFileCopy(file: string, fileName: string): Promise<string | null> {
  const options = {
    defaultPath: fileName,
    filters: [{ name: 'Private key', extensions: ['key', 'private', 'pem'] }],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const choice = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await copyFile(file, choice.filePath);
  await chmod(choice.filePath, 0o600);
  return choice.filePath;
}
