import type { Mode } from './plan-choices';
import type { PublishedRecords } from './project';

/**
 * Which mode applies when the user has not chosen one. None when another server receives the
 * domain's mail today: "Send and receive" would replace that provider's MX and move the mail
 * away from it, so the user must choose, with the consequence in front of them. Pure and
 * zod-free: the Domain step and draftToPlan both use it.
 */

/** The MX hosts of today that are not the mail host; empty when nobody looked or could read them. */
export function receiversElsewhere(
  published: (Pick<PublishedRecords, 'mx' | 'unread'> & { domain?: string }) | null | undefined,
  mailHost: string,
): string[] {
  if (!published || published.unread?.includes('mx')) return [];
  const host = mailHost.toLowerCase().replace(/\.$/, '');
  return published.mx
    .map((m) => m.exchange.toLowerCase().replace(/\.$/, ''))
    .filter((h) => h !== host);
}

/** The mode in force: the user's choice, else "send-receive" unless mail is received elsewhere today. */
export function modeInForce(
  chosen: Mode | '' | undefined,
  elsewhere: readonly string[],
): Mode | null {
  if (chosen) return chosen;
  return elsewhere.length > 0 ? null : 'send-receive';
}
