import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDkimRecord } from '../../../shared/records/dkim-parse';

const fixtures = new URL('../../fixtures/dkim/', import.meta.url);

/** FAKE_DNS.dat: "<name> <TXT value>" per line; # comments; NXDOMAIN / timeouts are not records. */
function fakeDns(): Map<string, string> {
  const text = readFileSync(new URL('mail-dkim/FAKE_DNS.dat', fixtures), 'utf8');
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (/^\s*([#;]|$)/.test(line)) continue;
    const m = /^(\S+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const value = (m[2] as string).trim();
    if (value === 'NXDOMAIN' || value.startsWith('~~')) continue;
    out.set((m[1] as string).replace(/\._domainkey\./, '@'), value);
  }
  return out;
}

const spkiB64 = (type: 'rsa' | 'ed25519', bits = 2048) => {
  const { publicKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: bits })
      : generateKeyPairSync('ed25519');
  return publicKey.export({ type: 'spki', format: 'der' });
};

describe('parseDkimRecord on the Mail::DKIM key records (EXPECTATIONS.md)', () => {
  const dns = fakeDns();
  const rec = (name: string) => {
    const v = dns.get(name);
    if (v === undefined) throw new Error(`no ${name} in FAKE_DNS.dat`);
    return parseDkimRecord(v);
  };
  const errors = (name: string) =>
    rec(name)
      .problems.filter((p) => p.level === 'error')
      .map((p) => p.code);

  it('reads every record in the file without throwing', () => {
    expect(dns.size).toBeGreaterThan(20);
    for (const v of dns.values()) expect(() => parseDkimRecord(v)).not.toThrow();
  });

  it('t=y: testing flag set (512-bit test key is too weak by RFC 8301)', () => {
    const r = rec('test1@messiah.edu');
    expect(r.testing).toBe(true);
    expect(r.bits).toBe(512);
    expect(errors('test1@messiah.edu')).toEqual(['weak-key']);
  });

  it('test2: unknown tags, spaces around "=", unknown flags are accepted; h= without sha256 is flagged', () => {
    const r = rec('test2@messiah.edu');
    expect(r.tags.x1).toBe('extra');
    expect(r.testing).toBe(true);
    expect(errors('test2@messiah.edu')).toEqual(['no-sha256', 'weak-key']);
  });

  it('old g= tags are noted, not fatal', () => {
    expect(rec('test3@messiah.edu').problems.map((p) => p.code)).toContain('obsolete-tag');
    expect(errors('test4@messiah.edu')).toEqual(['weak-key']);
  });

  it('t=s is read as the strict-subdomain flag', () => {
    expect(rec('test5@messiah.edu').strictSubdomains).toBe(true);
    const r6 = rec('test6@messiah.edu');
    expect(r6.strictSubdomains).toBe(true);
    expect(r6.valid).toBe(true);
    expect(r6.bits).toBe(1024);
  });

  it.each([
    ['testbad1@messiah.edu', 'bad-version'],
    ['testbad2@messiah.edu', 'syntax'],
    ['testbad3@messiah.edu', 'bad-key-type'],
    ['testbad4@messiah.edu', 'not-email'],
    ['testbad7@messiah.edu', 'no-sha256'],
    ['testrevoked@messiah.edu', 'revoked'],
    ['invalid@wander.science', 'key-type-mismatch'],
  ])('%s is unusable (%s)', (name, code) => {
    const r = rec(name);
    expect(r.valid).toBe(false);
    expect(errors(name)).toContain(code);
  });

  it('an empty TXT is not a key record', () => {
    expect(errors('2023-05-ed25519-empty@wander.science')).toEqual(['quotes', 'missing-key']);
  });

  it('a raw 32-byte Ed25519 key passes', () => {
    const r = rec('2023-05-ed25519@wander.science');
    expect(r.valid).toBe(true);
    expect(r.key).toEqual({ ok: true, type: 'ed25519', bits: 256, format: 'raw' });
  });

  it('records without v=, with tags in any order, and n= notes are fine', () => {
    for (const name of [
      'selector1@messiah.edu',
      's1024@yahoo.com',
      'beta@gmail.com',
      'jakla2@ijs.si',
    ]) {
      const r = rec(name);
      expect(r.valid, name).toBe(true);
      expect(r.bits, name).toBe(1024);
      expect(r.problems.find((p) => p.code === 'short-key')?.level).toBe('warning');
    }
    expect(rec('shan@vmt2.cis.att.net').bits).toBe(768);
  });

  it('the stalwart RFC 8463 and PKCS#1 key records parse', () => {
    for (const file of ['001.txt', '002.txt']) {
      const text = readFileSync(new URL(`stalwart-mail-auth/${file}`, fixtures), 'utf8');
      const header = text.split('\n\n')[0] as string;
      for (const line of header.split('\n')) {
        const value = line.slice(line.indexOf(' ') + 1);
        if (!/p=/.test(value)) continue;
        const r = parseDkimRecord(value);
        expect(r.key?.ok, `${file}: ${line.slice(0, 40)}`).toBe(true);
        if (file === '002.txt') {
          // The key is a PKCS#1 RSAPublicKey ("MIGJAoGB..."); real verifiers accept it.
          expect(r.valid).toBe(true);
          expect(r.key).toEqual({ ok: true, type: 'rsa', bits: 1024, format: 'pkcs1' });
        }
      }
    }
  });
});

describe('parseDkimRecord on generated keys and common mistakes', () => {
  const rsa = spkiB64('rsa').toString('base64');

  it('passes a 2048-bit key, with folding whitespace inside p=', () => {
    const folded = `v=DKIM1; k=rsa; p=${rsa.slice(0, 200)}\r\n\t${rsa.slice(200)}`;
    const r = parseDkimRecord(folded);
    expect(r.valid).toBe(true);
    expect(r.bits).toBe(2048);
    expect(r.publicKey).toBe(rsa);
  });

  it('finds a key cut short', () => {
    const r = parseDkimRecord(`v=DKIM1; k=rsa; p=${rsa.slice(0, 252)}`);
    expect(r.problems[0]?.code).toBe('truncated');
    expect(r.problems[0]?.message).toContain('cut off');
  });

  it('finds a key with the wrong length for base64', () => {
    expect(parseDkimRecord(`v=DKIM1; p=${rsa.slice(0, 253)}`).problems[0]?.code).toBe('bad-base64');
  });

  it('finds literal quotes from a split record pasted as one', () => {
    const r = parseDkimRecord(`v=DKIM1; k=rsa; p=${rsa.slice(0, 230)}" "${rsa.slice(230)}`);
    expect(r.valid).toBe(false);
    expect(r.problems[0]?.code).toBe('quotes');
    expect(r.problems[0]?.message).toContain('two pieces');
  });

  it('requires v=DKIM1 first when present', () => {
    expect(parseDkimRecord(`k=rsa; v=DKIM1; p=${rsa}`).problems[0]?.code).toBe('version-not-first');
  });

  it('says when an Ed25519 key is published as RSA', () => {
    const raw = spkiB64('ed25519').subarray(12).toString('base64');
    expect(parseDkimRecord(`v=DKIM1; p=${raw}`).problems[0]?.message).toContain('k=ed25519');
    const spki = spkiB64('ed25519').toString('base64');
    expect(parseDkimRecord(`v=DKIM1; p=${spki}`).problems[0]?.code).toBe('key-type-mismatch');
  });

  it('reads key sizes of 1024, 3072 and 4096 bits', () => {
    for (const bits of [1024, 3072, 4096]) {
      expect(parseDkimRecord(`v=DKIM1; p=${spkiB64('rsa', bits).toString('base64')}`).bits).toBe(
        bits,
      );
    }
  });

  it('never throws on damaged keys (property)', () => {
    fc.assert(
      fc.property(fc.nat(rsa.length), fc.string({ maxLength: 5 }), (cut, junk) => {
        const r = parseDkimRecord(`v=DKIM1; p=${rsa.slice(0, cut)}${junk}`);
        if (!r.valid) expect(r.problems.some((p) => p.level === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
