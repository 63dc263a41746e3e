/**
 * A DKIM key delegated by CNAME, as mail services hand it out (Amazon SES, SendGrid, Microsoft
 * 365, Mailchimp, Postmark): "s1._domainkey CNAME s1.domainkey.u123.wl.sendgrid.net". The
 * service publishes the key at the target and rotates it there; the user publishes the CNAME.
 */

/** A CNAME paste read: the selector (and domain) of its owner name, and the target. */
export interface DkimCnamePaste {
  selector?: string;
  domain?: string;
  /** The CNAME target, lowercase, without the final dot. */
  target: string;
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)+$/;

/** Whether a name is a valid CNAME target (a host name of at least two labels). */
export function isCnameTarget(name: string): boolean {
  return HOST_NAME.test(name.toLowerCase().replace(/\.$/, ''));
}

/**
 * Read a pasted "<selector>._domainkey[.domain] [TTL] [IN] CNAME <target>" line (zone-file or DNS
 * panel style, also "Name  CNAME  Value" columns); null when the paste is not a CNAME record.
 */
export function parseDkimCnamePaste(text: string): DkimCnamePaste | null {
  const m =
    /^\s*([A-Za-z0-9_.-]+?)\.?\s+(?:\d+\s+)?(?:IN\s+)?(?:\d+\s+)?CNAME\s+([A-Za-z0-9_.-]+?)\.?\s*$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const target = (m[2] as string).toLowerCase();
  if (!isCnameTarget(target)) return null;
  const owner = /^(.+?)\._domainkey(?:\.(.+))?$/i.exec(m[1] as string);
  return {
    target,
    ...(owner && { selector: (owner[1] as string).toLowerCase() }),
    ...(owner?.[2] && { domain: owner[2].toLowerCase() }),
  };
}
