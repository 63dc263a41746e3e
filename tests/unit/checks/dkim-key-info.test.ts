import { describe, expect, it } from 'vitest';
import { dkimKeyInfo } from '../../../main/verify/dkim-key-info';
import { asPkcs1, ed25519PublicKey, rsaPublicKey } from '../../fixtures/zones/dkim-keys';

describe('DKIM keys read by node:crypto', () => {
  it('compares by meaning: SPKI and PKCS#1 forms of one key have one fingerprint; another key differs', () => {
    const key = rsaPublicKey(1024);
    const a = dkimKeyInfo(key);
    const b = dkimKeyInfo(asPkcs1(key));
    expect(a.ok && b.ok && a.fingerprint === b.fingerprint).toBe(true);
    expect(a.ok && a.bits).toBe(1024);
    const other = dkimKeyInfo(rsaPublicKey(1024));
    expect(a.ok && other.ok && a.fingerprint !== other.fingerprint).toBe(true);
  });

  it('reads a raw Ed25519 key (RFC 8463) and refuses garbage with a reason', () => {
    const ed = dkimKeyInfo(ed25519PublicKey(), 'ed25519');
    expect(ed.ok && ed.keyType).toBe('ed25519');
    expect(dkimKeyInfo('').ok).toBe(false);
    const cut = dkimKeyInfo(rsaPublicKey(1024).slice(0, 100));
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.reason).toMatch(/cannot be read|not valid/);
  });
});
