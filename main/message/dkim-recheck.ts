import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

/** SPKI prefix of an Ed25519 public key (RFC 8410): the 32 raw bytes of p= follow it. */
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

/** A public key from a DKIM p= value (RSA SPKI or PKCS#1; Ed25519 raw), or null. */
export function keyFromDkimP(p: string, keyType: 'rsa' | 'ed25519' = 'rsa'): KeyObject | null {
  try {
    const der = Buffer.from(p.replace(/\s+/g, ''), 'base64');
    if (keyType === 'ed25519' || der.length === 32)
      return createPublicKey({
        key: Buffer.concat([ED25519_SPKI, der]),
        format: 'der',
        type: 'spki',
      });
    try {
      return createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
    }
  } catch {
    return null;
  }
}

/** A public key from mailauth's result (PEM text or a key), or null. */
export function keyFromPem(pem: string | Buffer | undefined): KeyObject | null {
  if (!pem) return null;
  try {
    return createPublicKey(pem);
  } catch {
    return null;
  }
}

/** Whether two keys are the same key (compared as SPKI DER). */
export function sameKey(a: KeyObject | null, b: KeyObject | null): boolean {
  if (!a || !b) return false;
  return a
    .export({ format: 'der', type: 'spki' })
    .equals(b.export({ format: 'der', type: 'spki' }));
}

/**
 * Verify a DKIM signature over the signed headers alone, with a given key: mailauth stops at a
 * body-hash mismatch, but a pasted message changes its body, not its headers, so this tells
 * "pasting changed the body" from "the signature is broken".
 */
export function headerSignatureVerifies(args: {
  algorithm: string;
  canonicalizedHeaderBase64: string;
  signatureBase64: string;
  key: KeyObject;
}): boolean {
  const data = Buffer.from(args.canonicalizedHeaderBase64, 'base64');
  const sig = Buffer.from(args.signatureBase64.replace(/\s+/g, ''), 'base64');
  try {
    if (/^ed25519/i.test(args.algorithm))
      return verify(null, createHash('sha256').update(data).digest(), args.key, sig);
    const hash = /sha1$/i.test(args.algorithm) ? 'sha1' : 'sha256';
    return verify(`RSA-${hash.toUpperCase()}`, data, args.key, sig);
  } catch {
    return false;
  }
}
