import { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { txtStringText } from '../../../main/dns/txt-text';
import {
  WireMismatchError,
  buildWireQuery,
  decodeWireResponse,
} from '../../../main/dns/wire-message';

function respond(
  query: ReturnType<typeof buildWireQuery>,
  patch: Partial<packet.Packet> = {},
): Buffer {
  return packet.encode({
    type: 'response',
    id: query.id,
    flags: packet.AUTHORITATIVE_ANSWER,
    questions: [{ type: query.type, name: query.name }],
    answers: [
      { type: 'TXT', name: query.name, ttl: 60, data: [Buffer.from('one'), Buffer.from('two')] },
    ],
    ...patch,
  });
}

describe('wire queries', () => {
  it('carry EDNS0 with a 1232-byte buffer, the RD flag as asked, and random ids', () => {
    const q = buildWireQuery('Example.COM.', 'TXT', { recursionDesired: false });
    const decoded = packet.decode(q.bytes);
    expect(decoded.questions).toEqual([{ name: 'example.com', type: 'TXT', class: 'IN' }]);
    expect(decoded.flag_rd).toBe(false);
    const opt = decoded.additionals?.[0] as packet.OptAnswer;
    expect(opt.type).toBe('OPT');
    expect(opt.udpPayloadSize).toBe(1232);
    expect(packet.decode(buildWireQuery('x', 'A', { recursionDesired: true }).bytes).flag_rd).toBe(
      true,
    );
    expect(
      buildWireQuery('x', 'A', { recursionDesired: true, edns: false }).bytes.length,
    ).toBeLessThan(q.bytes.length);
    const ids = new Set(
      Array.from({ length: 50 }, () => buildWireQuery('x', 'A', { recursionDesired: true }).id),
    );
    expect(ids.size).toBeGreaterThan(45);
  });
});

describe('wire responses', () => {
  it('decode with flags and TXT strings kept apart', () => {
    const q = buildWireQuery('example.com', 'TXT', { recursionDesired: false });
    const r = decodeWireResponse(respond(q), q);
    expect(r.authoritative).toBe(true);
    expect(r.truncated).toBe(false);
    expect(r.answers).toEqual([
      { type: 'TXT', name: 'example.com', ttl: 60, strings: ['one', 'two'] },
    ]);
  });

  it('reject another id or another question (a stray or forged packet)', () => {
    const q = buildWireQuery('example.com', 'TXT', { recursionDesired: false });
    expect(() => decodeWireResponse(respond(q, { id: (q.id + 1) % 65536 }), q)).toThrow(
      WireMismatchError,
    );
    expect(() =>
      decodeWireResponse(respond(q, { questions: [{ type: 'TXT', name: 'evil.com' }] }), q),
    ).toThrow(WireMismatchError);
    expect(() =>
      decodeWireResponse(respond(q, { questions: [{ type: 'A', name: 'example.com' }] }), q),
    ).toThrow(WireMismatchError);
    expect(() => decodeWireResponse(Buffer.from([1, 2, 3]), q)).toThrow();
  });
});

describe('TXT text', () => {
  it('decodes UTF-8 when valid and keeps every byte otherwise', () => {
    expect(txtStringText(Buffer.from('“v=spf1”', 'utf8'))).toBe('“v=spf1”');
    expect(txtStringText(Uint8Array.from([0x61, 0x80, 0xff]))).toBe('a\u0080\u00ff');
  });
});
