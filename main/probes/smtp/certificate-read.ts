import { checkServerIdentity, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { createHash, X509Certificate } from 'node:crypto';
import type { CertificateHashes } from '../../../shared/checks/secure-observation';
import type { CertificateObservation } from '../../../shared/checks/smtp-observation';

/** "CN=a\nO=b" (Node's multi-line form) as "CN=a, O=b". */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** The value of one attribute (CN, O) of a distinguished name in Node's multi-line form. */
function attribute(name: string, key: string): string | undefined {
  const line = name.split('\n').find((l) => l.startsWith(`${key}=`));
  return line?.slice(key.length + 1);
}

/** Split Node's subjectAltName text ("DNS:a, IP Address:1.2.3.4") into names and addresses. */
function altNames(text: string | undefined): { dnsNames: string[]; ipAddresses: string[] } {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  for (const part of (text ?? '').split(/,\s*/)) {
    if (part.startsWith('DNS:')) dnsNames.push(part.slice(4).toLowerCase());
    else if (part.startsWith('IP Address:')) ipAddresses.push(part.slice(11));
  }
  return { dnsNames, ipAddresses };
}

/** The subjects of the chain as the server sent it, leaf first (stops at a self-issued root). */
function chainSubjects(peer: DetailedPeerCertificate): string[] {
  const subjects: string[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = peer;
  while (cert && !seen.has(cert.fingerprint256) && subjects.length < 10) {
    seen.add(cert.fingerprint256);
    const cn = cert.subject?.CN;
    subjects.push(
      Array.isArray(cn) ? cn.join(', ') : (cn ?? cert.subject?.O?.toString() ?? '(no name)'),
    );
    cert = cert.issuerCertificate;
  }
  return subjects;
}

/** SHA-256/512 of each certificate of the chain as sent and of its public key, leaf first (DANE). */
function chainHashes(peer: DetailedPeerCertificate): CertificateHashes[] {
  const out: CertificateHashes[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = peer;
  while (cert?.raw && !seen.has(cert.fingerprint256) && out.length < 10) {
    seen.add(cert.fingerprint256);
    const spki = new X509Certificate(cert.raw).publicKey.export({ type: 'spki', format: 'der' });
    const h = (alg: string, data: Buffer): string => createHash(alg).update(data).digest('hex');
    out.push({
      cert: { sha256: h('sha256', cert.raw), sha512: h('sha512', cert.raw) },
      spki: { sha256: h('sha256', spki), sha512: h('sha512', spki) },
    });
    cert = cert.issuerCertificate;
  }
  return out;
}

/** ISO date of a certificate date, keeping the text when it does not parse. */
function isoDate(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/**
 * Read the certificate of an established TLS connection: names, issuer, dates, chain, whether it
 * covers `host`, and the chain verification result TLS reported. Undefined when none was sent.
 */
export function readCertificate(
  socket: TLSSocket,
  host: string,
): CertificateObservation | undefined {
  // Order matters: in Node 22, getPeerCertificate() returns {} once getPeerX509Certificate()
  // has been called on the socket.
  const peer = socket.getPeerCertificate(true);
  const x509: X509Certificate | undefined = socket.getPeerX509Certificate();
  if (!x509 || !peer || Object.keys(peer).length === 0) return undefined;
  const identity = checkServerIdentity(host, peer);
  const selfSigned = x509.checkIssued(x509) && x509.verify(x509.publicKey);
  const subjectCn = attribute(x509.subject, 'CN');
  const issuerName = attribute(x509.issuer, 'CN') ?? attribute(x509.issuer, 'O');
  const issuerOrg = attribute(x509.issuer, 'O');
  let hashes: CertificateHashes[] = [];
  try {
    hashes = chainHashes(peer);
  } catch {
    // A key Node cannot export: DANE then says it could not compare, the rest stands.
  }
  const code = socket.authorizationError ? String(socket.authorizationError) : undefined;
  return {
    ...(subjectCn ? { subjectCn } : {}),
    subject: oneLine(x509.subject),
    ...altNames(x509.subjectAltName),
    issuer: oneLine(x509.issuer),
    ...(issuerName ? { issuerName } : {}),
    validFrom: isoDate(x509.validFrom),
    validTo: isoDate(x509.validTo),
    selfSigned,
    fingerprint256: x509.fingerprint256,
    chain: chainSubjects(peer),
    coversHost: identity ? { host, ok: false, reason: identity.message } : { host, ok: true },
    verification: socket.authorized
      ? { trusted: true }
      : { trusted: false, ...(code ? { code } : {}) },
    ...(issuerOrg ? { issuerOrg } : {}),
    ...(hashes.length ? { hashes } : {}),
  };
}
