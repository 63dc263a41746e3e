import { api } from '../state/api-ref';

/**
 * Tell the user about a change with a system notification: the desktop app shows Electron's own
 * (through main); browser mode uses the browser's Notification API when the user allowed it. The
 * page's live region says the same thing in every case, so a refusal loses nothing.
 */
export async function notifyChange(title: string, body: string): Promise<void> {
  const r = await api().call('app.notify', { title, body });
  if (r.ok || r.error.code !== 'not-in-browser') return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body });
  } catch {
    // Some browsers allow notifications only from a service worker; the live region remains.
  }
}
