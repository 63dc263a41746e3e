import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePastedDkim } from '../../../shared/records/dkim-paste';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const expected = `v=DKIM1; k=rsa; p=${key}`;

function ok(text: string) {
  const r = normalizePastedDkim(text);
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r;
}

describe('normalizePastedDkim', () => {
  it('accepts an opendkim-genkey BIND snippet', () => {
    const snippet = `default._domainkey\tIN\tTXT\t( "v=DKIM1; h=sha256; k=rsa; "\n\t  "p=${key.slice(0, 250)}"\n\t  "${key.slice(250)}" )  ; ----- DKIM key default for example.com\n`;
    const r = ok(snippet);
    expect(r.record).toBe(`v=DKIM1; k=rsa; h=sha256; p=${key}`);
    expect(r.selector).toBe('default');
    expect(r.bits).toBe(2048);
    expect(r.txtStrings.join('')).toBe(r.record);
  });

  it('accepts an rspamadm snippet with a full name and escaped semicolons', () => {
    const r = ok(
      `mail._domainkey.example.com. 3600 IN TXT ( "v=DKIM1\\; k=rsa\\; "\n "p=${key}" ) ;`,
    );
    expect(r.record).toBe(expected);
    expect(r.selector).toBe('mail');
    expect(r.domain).toBe('example.com');
  });

  it('accepts the value as a web panel shows it, with line breaks', () => {
    expect(ok(`v=DKIM1;k=rsa;t=s;s=email;p=${key.slice(0, 100)}\n${key.slice(100)}`).record).toBe(
      `v=DKIM1; k=rsa; t=s; s=email; p=${key}`,
    );
  });

  it('accepts "p=..." only and a bare key, adding v= and k=', () => {
    const p = ok(`p=${key}`);
    expect(p.record).toBe(expected);
    expect(p.notes.join(' ')).toContain('v=DKIM1');
    expect(ok(`  ${key}\n`).record).toBe(expected);
  });

  it('accepts a PEM public key, and a PKCS#1 "RSA PUBLIC KEY" file', () => {
    const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(ok(pem).record).toBe(expected);
    const pkcs1 = pair.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const r = ok(pkcs1);
    expect(r.record).toBe(expected);
    expect(r.notes.join(' ')).toContain('converted');
  });

  it('turns an Ed25519 PEM into the 32 raw bytes DKIM wants', () => {
    const ed = generateKeyPairSync('ed25519').publicKey;
    const raw = ed.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
    const r = ok(ed.export({ type: 'spki', format: 'pem' }).toString());
    expect(r.record).toBe(`v=DKIM1; k=ed25519; p=${raw}`);
    expect(r.keyType).toBe('ed25519');
    expect(ok(raw).record).toBe(`v=DKIM1; k=ed25519; p=${raw}`);
    expect(ok(`v=DKIM1; p=${raw}`).record).toBe(`v=DKIM1; k=ed25519; p=${raw}`);
  });

  it.each([
    ['', 'empty', 'Paste'],
    [
      pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'private-key',
      'Never publish',
    ],
    ['hello world', 'not-dkim', 'v=DKIM1'],
    [`v=DKIM1; k=rsa; p=${key.slice(0, 300)}`, 'truncated', 'cut off'],
    ['v=DKIM1; k=rsa; p=', 'revoked', 'withdrawn'],
    ['v=DKIM1; k=rsa;', 'missing-key', 'p='],
  ])('explains a bad paste (%#: %s)', (text, code, words) => {
    const r = normalizePastedDkim(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(words);
    }
  });

  it('reads back a record however a program splits and quotes it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: expected.length - 1 }), { maxLength: 4 }),
        fc.constantFrom('\n\t', ' ', '\r\n   '),
        fc.boolean(),
        (cuts, gap, named) => {
          const points = [...new Set(cuts)].sort((a, b) => a - b);
          const pieces = [0, ...points].map((p, i) =>
            expected.slice(p, points[i] ?? expected.length),
          );
          const body = `( ${pieces.map((p) => `"${p}"`).join(gap)} )`;
          const text = named ? `mail._domainkey IN TXT ${body}` : body;
          const r = normalizePastedDkim(text);
          expect(r.ok && r.record).toBe(expected);
          if (named) expect(r.ok && r.selector).toBe('mail');
        },
      ),
      { numRuns: 200 },
    );
  });
});
