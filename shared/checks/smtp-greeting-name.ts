import type { SmtpReply } from './smtp-observation';

/**
 * The name a 220 greeting introduces the server with: the first word of the first line
 * ("220 mail.example.com ESMTP Postfix" -> "mail.example.com"), lowercase, no trailing dot.
 * Undefined when the first word is not a host name or address literal (e.g. "220 ESMTP ready").
 */
export function greetingName(reply: SmtpReply): string | undefined {
  const first = (reply.lines[0] ?? '').trim().split(/\s+/)[0] ?? '';
  const name = first.toLowerCase().replace(/\.$/, '');
  if (/^\[[^\]]+\]$/.test(name)) return name;
  // A host name has a dot; "ESMTP" or "Ready" alone is not a name.
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(name) ? name : undefined;
}

/** Compare host names the DNS way: case-insensitive, trailing dot ignored. */
export function sameHost(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');
}
