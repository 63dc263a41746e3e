/**
 * Well-known mail services recognised from a domain's MX hosts, so the wizard can say "Your mail
 * is received today by Google Workspace" instead of showing a host name. Patterns are the MX
 * host names these services tell their customers to publish; an unknown host is shown as is.
 */
const RECEIVERS: { name: string; patterns: RegExp[] }[] = [
  { name: 'Google Workspace', patterns: [/(^|\.)google\.com$/, /(^|\.)googlemail\.com$/] },
  { name: 'Microsoft 365', patterns: [/\.mail\.protection\.outlook\.com$/] },
  { name: 'Zoho Mail', patterns: [/(^|\.)zoho\.(com|eu|in|com\.au|jp)$/, /(^|\.)zohomail\.com$/] },
  { name: 'Proton Mail', patterns: [/(^|\.)protonmail\.ch$/] },
  { name: 'Fastmail', patterns: [/(^|\.)messagingengine\.com$/] },
  { name: 'iCloud Mail', patterns: [/(^|\.)mail\.icloud\.com$/] },
  { name: 'Cloudflare Email Routing', patterns: [/(^|\.)mx\.cloudflare\.net$/] },
  { name: 'Amazon SES (receiving)', patterns: [/^inbound-smtp\.[a-z0-9-]+\.amazonaws\.com$/] },
  { name: 'Mailgun', patterns: [/(^|\.)mailgun\.org$/] },
  { name: 'GoDaddy / Microsoft 365 by GoDaddy', patterns: [/(^|\.)secureserver\.net$/] },
  { name: 'Namecheap Private Email', patterns: [/(^|\.)privateemail\.com$/] },
  { name: 'OVHcloud mail', patterns: [/(^|\.)mail\.ovh\.net$/] },
  { name: 'IONOS mail', patterns: [/^mx\d*\.ionos\.[a-z.]+$/] },
  { name: 'Yandex Mail', patterns: [/(^|\.)yandex\.(net|ru)$/] },
];

/** The service behind one MX host name, or null when it is not a service we know. */
export function receiverOf(mxHost: string): string | null {
  const host = mxHost.toLowerCase().replace(/\.$/, '');
  return RECEIVERS.find((r) => r.patterns.some((p) => p.test(host)))?.name ?? null;
}

/**
 * Who receives the domain's mail, in words: known services by name, other hosts by their name,
 * e.g. "Google Workspace (aspmx.l.google.com, alt1.aspmx.l.google.com)".
 */
export function describeReceivers(mxHosts: readonly string[]): string {
  const hosts = [...new Set(mxHosts.map((h) => h.toLowerCase().replace(/\.$/, '')))];
  const byName = new Map<string, string[]>();
  for (const h of hosts) {
    const name = receiverOf(h) ?? h;
    byName.set(name, [...(byName.get(name) ?? []), h]);
  }
  return [...byName]
    .map(([name, hs]) => (name === hs[0] && hs.length === 1 ? name : `${name} (${hs.join(', ')})`))
    .join(' and ');
}
