import { hostnameProblem, toAsciiName } from './domain-input';

/** What the mail host field turned into. */
export type MailHostInputResult =
  | {
      ok: true;
      /** The label in front of the domain ("mail"), or "" when the mail host is the bare domain. */
      label: string;
      /** The full name of the mail host, e.g. mail.example.com. */
      mailHost: string;
      notes: string[];
    }
  | { ok: false; message: string };

/** Why a subdomain: the one sentence the UI shows next to the field. */
export const WHY_SUBDOMAIN =
  'A separate name such as mail.example.com gives your server its own identity: its reverse DNS (PTR) can name it exactly, and its sending reputation is kept apart from your website.';

/**
 * Turn the mail host field (the part before the domain, default "mail") into the full mail
 * host name. Accepts the label ("mail") or the full name ("mail.example.com").
 */
export function normalizeMailHostInput(raw: string, domain: string): MailHostInputResult {
  let s = raw.trim().toLowerCase().replace(/\.$/, '');
  const notes: string[] = [];
  if (s === '@') s = '';
  if (s === domain || s.endsWith(`.${domain}`)) {
    s = s === domain ? '' : s.slice(0, -(domain.length + 1));
  }
  if (s === '') {
    notes.push(
      `Your mail host will be ${domain} itself. That works, but a subdomain such as mail.${domain} is better: its reverse DNS (PTR) can name it exactly and its reputation stays separate from your website.`,
    );
    return { ok: true, label: '', mailHost: domain, notes };
  }
  const ascii = toAsciiName(s);
  if (ascii === null)
    return { ok: false, message: `"${raw.trim()}" cannot be used as a host name.` };
  const full = `${ascii}.${domain}`;
  const problem = hostnameProblem(full);
  if (problem) return { ok: false, message: `The mail host name ${full} ${problem}.` };
  if (ascii === 'www') {
    notes.push(
      '"www" is usually your website. A separate name such as "mail" keeps mail and web apart.',
    );
  }
  return { ok: true, label: ascii, mailHost: full, notes };
}
