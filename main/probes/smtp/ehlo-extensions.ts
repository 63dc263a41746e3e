import type { SmtpReply } from '../../../shared/checks/smtp-observation';

/**
 * The extensions an EHLO reply announces: every line after the first (which names the server),
 * keyword upper-cased, parameters kept, e.g. "SIZE 10240000".
 */
export function ehloExtensions(reply: SmtpReply | undefined): string[] {
  if (!reply || reply.code !== 250) return [];
  return reply.lines
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return [keyword.toUpperCase(), ...rest].join(' ');
    });
}
