import { BrowserWindow, clipboard, dialog } from 'electron';

/**
 * A link the app does not open by itself (not https, or not a site the app links to): shown
 * whole, with a button that copies it, so the user decides whether to paste it into a browser.
 */
export async function showLinkAsText(url: string): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'Link not opened',
    message:
      'Mailwright opens only the help pages it knows. This is the address the page linked to:',
    detail: url,
    buttons: ['Copy address', 'Close'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const parent = BrowserWindow.getFocusedWindow();
  const choice = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (choice.response === 0) clipboard.writeText(url);
}
