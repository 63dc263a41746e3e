import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { Buffer } from 'node:buffer';
import type { DkimKeyInfo } from '../../shared/checks/observations';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; DKIM publishes only the 32 raw key bytes (RFC 8463). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function load(bytes: Buffer, keyType: string): KeyObject {
  if (keyType === 'ed25519' && bytes.length === 32) {
    return createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]),
      format: 'der',
      type: 'spki',
    });
  }
  try {
    return createPublicKey({ key: bytes, format: 'der', type: 'spki' });
  } catch {
    // Some software publishes the bare RSAPublicKey (PKCS#1); receivers accept it too.
    return createPublicKey({ key: bytes, format: 'der', type: 'pkcs1' });
  }
}

/**
 * Read a DKIM public key (the base64 of p=) with node:crypto: its type, size, and a fingerprint
 * of its canonical form (SPKI DER), so two keys compare by meaning, whatever their encoding.
 */
export function dkimKeyInfo(base64: string, keyType = 'rsa'): DkimKeyInfo {
  const clean = base64.replace(/\s+/g, '');
  if (clean === '') return { ok: false, reason: 'the key is empty (withdrawn)' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean))
    return { ok: false, reason: 'the key is not valid base64' };
  try {
    const key = load(Buffer.from(clean, 'base64'), keyType.toLowerCase());
    const der = key.export({ type: 'spki', format: 'der' });
    const type = key.asymmetricKeyType ?? 'unknown';
    const bits =
      type === 'rsa'
        ? key.asymmetricKeyDetails?.modulusLength
        : type === 'ed25519'
          ? 256
          : undefined;
    const info: DkimKeyInfo = {
      ok: true,
      keyType: type,
      fingerprint: createHash('sha256').update(der).digest('base64'),
    };
    if (bits !== undefined) info.bits = bits;
    return info;
  } catch (e) {
    return { ok: false, reason: `the key cannot be read (${(e as Error).message.split('\n')[0]})` };
  }
}
