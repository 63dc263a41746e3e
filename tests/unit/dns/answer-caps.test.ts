import { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { buildWireQuery, decodeWireResponse } from '../../../main/dns/wire-message';
import { interpretResponse } from '../../../main/dns/answer-interpret';
import { createFailoverTransport } from '../../../main/dns/failover-transport';
import { DNS_LIMITS } from '../../../shared/checks/dns-limits';
import { withCapNotes } from '../../../shared/checks/cap-notes';
import {
  describeRecords,
  lookupEvidence,
  publishedAnswers,
} from '../../../shared/checks/dns-observation';
import type { DnsResult, DnsTransport } from '../../../main/dns/types';
import type { Lookup } from '../../../shared/checks/dns-observation';

function response(query: ReturnType<typeof buildWireQuery>, answers: packet.Answer[]): Buffer {
  return packet.encode({
    type: 'response',
    id: query.id,
    flags: packet.AUTHORITATIVE_ANSWER,
    questions: [{ type: query.type, name: query.name }],
    answers,
  });
}

const mx = (i: number): packet.Answer => ({
  type: 'MX',
  name: 'example.test',
  ttl: 60,
  data: { preference: i, exchange: `mx${i}.example.test` },
});

describe('what one answer keeps', () => {
  it('keeps the first 100 records of the asked type, counts the rest, and skips other types', () => {
    const q = buildWireQuery('example.test', 'MX', { recursionDesired: true });
    const answers = [
      ...Array.from({ length: 1000 }, (_, i) => mx(i)),
      { type: 'TXT', name: 'example.test', ttl: 60, data: ['other type'] } as packet.Answer,
    ];
    const r = decodeWireResponse(response(q, answers), q);
    expect(r.answers).toHaveLength(DNS_LIMITS.recordsPerAnswer);
    expect(r.answers.every((a) => a.type === 'MX')).toBe(true);
    const meaning = interpretResponse(r);
    expect(meaning.outcome).toBe('answer');
    expect(meaning.records).toHaveLength(100);
    expect(meaning.recordsOmitted).toBe(900);
  });

  it('keeps 20 addresses per host; a small answer is read whole and decodes like dns-packet', () => {
    const q = buildWireQuery('mail.example.test', 'A', { recursionDesired: true });
    const many = Array.from({ length: 50 }, (_, i) => ({
      type: 'A' as const,
      name: 'mail.example.test',
      ttl: 60,
      data: `192.0.2.${i + 1}`,
    }));
    const capped = interpretResponse(decodeWireResponse(response(q, many), q));
    expect(capped.records).toHaveLength(DNS_LIMITS.addressesPerHost);
    expect(capped.recordsOmitted).toBe(30);
    const small = interpretResponse(decodeWireResponse(response(q, many.slice(0, 2)), q));
    expect(small.records).toEqual([
      { type: 'A', name: 'mail.example.test', ttl: 60, address: '192.0.2.1' },
      { type: 'A', name: 'mail.example.test', ttl: 60, address: '192.0.2.2' },
    ]);
    expect(small.recordsOmitted).toBeUndefined();
  });

  it('a record that runs past the end of the message is garbage, even one it would skip', () => {
    const q = buildWireQuery('example.test', 'MX', { recursionDesired: true });
    const whole = response(
      q,
      Array.from({ length: 150 }, (_, i) => mx(i)),
    );
    expect(() => decodeWireResponse(whole.subarray(0, whole.length - 3), q)).toThrow(
      /past the end/,
    );
  });
});

describe('what a finding shows of a cut answer', () => {
  const lookup: Lookup = {
    name: 'example.test',
    type: 'MX',
    answers: [
      {
        view: 'authoritative:ns1',
        kind: 'authoritative',
        label: 'ns1',
        answer: {
          name: 'example.test',
          type: 'MX',
          outcome: 'answer',
          records: Array.from({ length: 100 }, (_, i) => ({
            type: 'MX' as const,
            name: 'example.test',
            ttl: 60,
            preference: i,
            exchange: `mx${i}.example.test`,
          })),
          recordsOmitted: 900,
          server: '127.0.0.1',
          elapsedMs: 1,
        },
      },
    ],
  };

  it('10 records in words and in evidence, the rest counted, and the cap named in the detail', () => {
    const answer = lookup.answers[0]!.answer;
    expect(describeRecords(answer)).toMatch(
      /^0 mx0\.example\.test, .*9 mx9\.example\.test and 990 more$/,
    );
    const evidence = lookupEvidence(lookup);
    expect(evidence.answers).toMatchObject([{ recordsNotShown: 90, recordsOmitted: 900 }]);
    const f = withCapNotes({
      check: 'mx.present',
      subject: 'example.test',
      status: 'pass',
      title: 't',
      detail: 'd',
      evidence: { mx: evidence },
    });
    expect(f.detail).toBe(
      'd\nexample.test publishes 1,000 MX records: only the first 100 were read.',
    );
  });
});

describe('an answer that could not be read whole', () => {
  const base = { name: 'x.test', type: 'A' as const, records: [], elapsedMs: 1 };
  const unreadable: DnsResult = {
    ...base,
    outcome: 'error',
    server: 'a',
    error: 'cut short',
    unreadable: true,
  };
  const none: DnsResult = { ...base, outcome: 'nodata', server: 'b' };
  const fixed = (r: DnsResult): DnsTransport => ({ server: r.server, query: async () => r });

  it('is not undone by a later "no record" from the next server in a failover', async () => {
    const t = createFailoverTransport([fixed(unreadable), fixed(none)]);
    expect(await t.query('x.test', 'A')).toMatchObject({ outcome: 'error', unreadable: true });
  });

  it("outweighs a resolver's 'no record' when the domain's nameserver said so", () => {
    const both: Lookup = {
      name: 'x.test',
      type: 'A',
      answers: [
        { view: 'authoritative:ns1', kind: 'authoritative', label: 'ns1', answer: unreadable },
        { view: 'public:r', kind: 'public', label: 'r', answer: none },
      ],
    };
    expect(publishedAnswers(both).source).toBe('none');
    const plain = {
      ...both,
      answers: [
        { ...both.answers[0]!, answer: { ...unreadable, unreadable: undefined } },
        both.answers[1]!,
      ],
    };
    expect(publishedAnswers(plain as Lookup).source).toBe('recursive');
  });
});
