/**
 * What the request texts and procedures need to know: the plan's names and addresses, the VPS
 * host, and what the user told us about their sending. Nothing here is guessed: a sender fact
 * the user did not give becomes a visible [placeholder] in the text and is listed as missing.
 */

/** What the user told us about the mail the server sends (for port 25 requests). */
export interface SenderFacts {
  /** What the server sends, in the user's words, e.g. "order confirmations for my shop". */
  purpose?: string;
  /** Who receives it and how they agreed to, e.g. "800 subscribers, double opt-in". */
  optInLists?: string;
  /** An estimate, e.g. "about 200 messages a day". */
  expectedVolume?: string;
  /** Which authentication records are published (ideally as verified by the checker). */
  authentication?: { spf: boolean; dkim: boolean; dmarc: boolean };
  /** Reverse DNS of every server IP already points to the mail host. */
  reverseDnsSet?: boolean;
  /** Where bounces and complaints go, e.g. "postmaster@example.com". */
  contactEmail?: string;
}

/** The sender facts a request text asks for. */
export type SenderFactKey = 'purpose' | 'optInLists' | 'expectedVolume' | 'authentication';

/** Input of the PTR and port 25 procedures and request texts. */
export interface ProviderRequestInput {
  domain: string;
  mailHost: string;
  ipv4: readonly string[];
  ipv6: readonly string[];
  /** Catalogue id of the VPS host (vps-hosts.ts); unknown ids are treated as "other". */
  vpsHostId: string;
  sender?: SenderFacts;
  /** A name to sign the request with. */
  signature?: string;
}

/** Every server address, IPv4 first. */
export function allAddresses(input: ProviderRequestInput): string[] {
  return [...input.ipv4, ...input.ipv6];
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Fill a catalogue step template: {mailHost}, {domain} and {ip} (all addresses, joined). */
export function fillStep(
  template: string,
  input: ProviderRequestInput,
  ips?: readonly string[],
): string {
  const addresses = joinList(ips ?? allAddresses(input));
  return template
    .replaceAll('{mailHost}', input.mailHost)
    .replaceAll('{domain}', input.domain)
    .replaceAll('{ip}', addresses);
}
