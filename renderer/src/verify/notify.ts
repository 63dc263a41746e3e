/**
 * Tell the user about a change with a system notification when the browser allows it. The
 * page's live region says the same thing in every case, so a refusal loses nothing.
 */
export function notifyChange(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body });
  } catch {
    // Some browsers allow notifications only from a service worker; the live region remains.
  }
}
