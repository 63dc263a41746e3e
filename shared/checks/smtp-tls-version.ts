/** Protocol names TLS libraries report that are older than TLS 1.2. */
const OUTDATED = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/** Whether a negotiated protocol ("TLSv1.3") is TLS 1.2 or newer. Unknown names count as modern. */
export function isModernTls(protocol: string | undefined): boolean {
  return !protocol || !OUTDATED.has(protocol);
}

/** "TLSv1.3" as "TLS 1.3" for people. */
export function tlsLabel(protocol: string | undefined): string {
  if (!protocol) return 'TLS';
  if (protocol === 'TLSv1') return 'TLS 1.0';
  return protocol.replace(/^TLSv/, 'TLS ').replace(/^SSLv/, 'SSL ');
}
