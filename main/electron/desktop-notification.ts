import { BrowserWindow, Notification } from 'electron';
import type { CallRequestParsed, CallResponse } from '../../shared/api/contract';

/**
 * Show a system notification from the main process (Electron's Notification: it works whether
 * or not the window has focus, and clicking it brings the window back to the user).
 */
export function showDesktopNotification(
  req: CallRequestParsed<'app.notify'>,
): CallResponse<'app.notify'> {
  if (!Notification.isSupported()) return { shown: false };
  const note = new Notification({ title: req.title, body: req.body });
  note.on('click', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  note.show();
  return { shown: true };
}
