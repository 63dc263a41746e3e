import { DEFAULT_DNSBLS } from '../../shared/checks/dnsbl-lists';

/**
 * The hosts the app itself links to: the block lists' removal pages (shown with a listing). Only
 * these open in the user's browser; any other address is shown as text to copy, so a link that
 * got into a record, a DNS answer or a block list's reason cannot send the user anywhere by a click.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set(
  DEFAULT_DNSBLS.map((list) => new URL(list.removal).host),
);

/** True for an https address on EXTERNAL_LINK_HOSTS (exact host, default port, no user name). */
export function isAllowedExternalUrl(
  url: string,
  hosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS,
): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.port === '' &&
    u.username === '' &&
    u.password === '' &&
    hosts.has(u.hostname)
  );
}

/**
 * True when a URL is the app's own page: the same scheme and host as appOrigin, compared on the
 * parsed URL (a prefix test would accept mailwright://apple/ for mailwright://app).
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const u = new URL(url);
    const o = new URL(appOrigin);
    return u.protocol === o.protocol && u.host === o.host && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
