/**
 * Which CAA domain names a certificate authority, told from the issuer of a certificate. A CA
 * publishes the domain it checks for in CAA `issue` properties; the list holds the common ones
 * for mail server certificates. An issuer not listed stays unknown (the CAA check then says so).
 * Sources: each CA's own CAA page (read 2026-12-07): letsencrypt.org/docs/caa,
 * pki.goog/faq, zerossl.com (CAA: sectigo.com), digicert.com/kb/dns-caa-records, buypass.com.
 */
export const CA_IDENTITIES: readonly { caa: string; label: string; issuerOrg: RegExp }[] = [
  { caa: 'letsencrypt.org', label: "Let's Encrypt", issuerOrg: /^Let's Encrypt$/i },
  { caa: 'pki.goog', label: 'Google Trust Services', issuerOrg: /^Google Trust Services/i },
  { caa: 'sectigo.com', label: 'Sectigo / ZeroSSL', issuerOrg: /^(Sectigo|ZeroSSL)/i },
  { caa: 'digicert.com', label: 'DigiCert', issuerOrg: /^DigiCert/i },
  { caa: 'buypass.com', label: 'Buypass', issuerOrg: /^Buypass/i },
  { caa: 'globalsign.com', label: 'GlobalSign', issuerOrg: /^GlobalSign/i },
  { caa: 'ssl.com', label: 'SSL.com', issuerOrg: /^SSL Corp/i },
];

/** The CA behind an issuer organisation (O= of the issuer), or undefined when not known. */
export function caOfIssuer(
  issuerOrg: string | undefined,
): (typeof CA_IDENTITIES)[number] | undefined {
  if (!issuerOrg) return undefined;
  return CA_IDENTITIES.find((c) => c.issuerOrg.test(issuerOrg.trim()));
}
