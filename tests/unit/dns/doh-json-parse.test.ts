import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonTxtData, responseFromJson } from '../../../main/dns/doh-json-parse';
import { interpretResponse } from '../../../main/dns/answer-interpret';

/** Cloudflare's way of writing one character-string in JSON data. */
function cloudflareQuote(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${String(b).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

describe('JSON DoH TXT data', () => {
  it('splits quoted strings and undoes escapes', () => {
    expect(parseJsonTxtData('"v=spf1 -all"')).toEqual(['v=spf1 -all']);
    expect(parseJsonTxtData('"part one" "part two"')).toEqual(['part one', 'part two']);
    expect(parseJsonTxtData('"say \\"hi\\"" "back\\\\slash"')).toEqual(['say "hi"', 'back\\slash']);
    expect(parseJsonTxtData('"caf\\195\\169"')).toEqual(['café']);
    expect(parseJsonTxtData('""')).toEqual(['']);
  });

  it('keeps unquoted (Google-style, joined) data whole', () => {
    expect(parseJsonTxtData('v=spf1 include:_spf.google.com ~all')).toEqual([
      'v=spf1 include:_spf.google.com ~all',
    ]);
  });

  it('round-trips any ASCII character-strings written the Cloudflare way', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 255 }), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const ascii = parts.map((p) => p.replace(/[^\x20-\x7e]/g, '?'));
          const data = ascii.map((p) => cloudflareQuote(new TextEncoder().encode(p))).join(' ');
          expect(parseJsonTxtData(data)).toEqual(ascii);
        },
      ),
    );
  });
});

describe('JSON DoH answers', () => {
  it('maps Status to outcomes and reads the authority SOA', () => {
    const nx = interpretResponse(
      responseFromJson(
        {
          Status: 3,
          Authority: [
            {
              name: 'example.com.',
              type: 6,
              TTL: 900,
              data: 'ns1.example.com. hostmaster.example.com. 7 3600 600 86400 300',
            },
          ],
        },
        'nope.example.com',
        'A',
      ),
    );
    expect(nx.outcome).toBe('nxdomain');
    expect(nx.negativeTtl).toBe(300);
    expect(nx.authoritySoa).toMatchObject({ name: 'example.com', serial: 7, minimum: 300 });
    const mx = interpretResponse(
      responseFromJson(
        {
          Status: 0,
          Answer: [{ name: 'example.com.', type: 15, TTL: 60, data: '10 Mail.Example.com.' }],
        },
        'example.com',
        'MX',
      ),
    );
    expect(mx.records).toEqual([
      { type: 'MX', name: 'example.com', ttl: 60, preference: 10, exchange: 'mail.example.com' },
    ]);
    expect(interpretResponse(responseFromJson({ Status: 2 }, 'x.example', 'A')).outcome).toBe(
      'servfail',
    );
    expect(interpretResponse(responseFromJson({ Status: 5 }, 'x.example', 'A')).outcome).toBe(
      'refused',
    );
  });
});
