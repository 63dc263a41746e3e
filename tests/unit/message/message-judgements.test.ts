import { describe, expect, it } from 'vitest';
import { evaluateMessage, messagePassed } from '../../../shared/checks/message-evaluate';
import type {
  MessageDkimSignature,
  MessageObservation,
} from '../../../shared/checks/message-observation';
import { planSchema } from '../../../shared/model/plan';

const plan = planSchema.parse({
  domain: 'example.test',
  mailHost: 'mail.example.test',
  ipv4: ['192.0.2.25'],
  dkim: { selector: 'mail', publicKey: 'AAAA' },
  dmarc: { policy: 'quarantine' },
});

const sig = (over: Partial<MessageDkimSignature> = {}): MessageDkimSignature => ({
  domain: 'example.test',
  selector: 'mail',
  algorithm: 'rsa-sha256',
  result: 'pass',
  bodyHashMatches: true,
  headerSignature: 'verifies',
  key: { state: 'found' },
  keyIsPlanKey: true,
  signedHeaders: ['from', 'to', 'subject', 'list-unsubscribe', 'list-unsubscribe-post'],
  ...over,
});

const good = (over: Partial<MessageObservation> = {}): MessageObservation => ({
  source: 'file',
  shape: 'whole',
  bytes: 2000,
  headerCount: 12,
  lineEnds: 'crlf',
  from: ['news@example.test'],
  returnPath: 'bounce@example.test',
  dkim: [sig()],
  spf: {
    ip: '192.0.2.25',
    helo: 'mail.example.test',
    mailFrom: 'bounce@example.test',
    domain: 'example.test',
    identity: 'mailfrom',
    result: 'pass',
    detail: 'matched ip4',
  },
  dmarc: {
    result: 'pass',
    fromDomain: 'example.test',
    p: 'quarantine',
    policy: 'quarantine',
    alignment: {
      dkim: { aligned: 'example.test', strict: false },
      spf: { aligned: 'example.test', strict: false },
    },
  },
  arc: null,
  receiver: [
    {
      authservId: 'mx.google.com',
      provider: 'gmail',
      dkim: 'pass',
      dkimDomains: ['example.test'],
      spf: 'pass',
      dmarc: 'pass',
    },
  ],
  hop: {
    by: 'mx.google.com',
    ip: '192.0.2.25',
    helo: 'mail.example.test',
    tls: 'yes',
    tlsWords: 'version=TLS1_3',
    line: 'from mail.example.test (mail.example.test. [192.0.2.25]) by mx.google.com with ESMTPS',
    ptr: ['mail.example.test'],
    ptrConfirmed: true,
  },
  bulk: {
    fromCount: 1,
    messageIds: ['<abc@example.test>'],
    dates: ['Mon, 7 Dec 2026 02:00:00 +0000'],
    listUnsubscribe: '<https://example.test/u?x=1>, <mailto:u@example.test>',
    listUnsubscribePost: 'List-Unsubscribe=One-Click',
    bulkSigns: ['List-Id'],
  },
  checkedAt: '2026-12-07T02:00:00Z',
  ...over,
});

const find = (obs: MessageObservation, check: string) =>
  evaluateMessage(obs, { plan }).filter((f) => f.check === check);

describe('message judgements', () => {
  it('a good message passes every check and counts as passed', () => {
    const fs = evaluateMessage(good(), { plan });
    expect(fs.map((f) => [f.check, f.status])).toEqual([
      ['message.parsed', 'pass'],
      ['message.dkim', 'pass'],
      ['message.spf', 'pass'],
      ['message.dmarc', 'pass'],
      ['message.receiver', 'pass'],
      ['message.transport', 'pass'],
      ['message.bulk', 'pass'],
    ]);
    expect(messagePassed(fs)).toBe(true);
  });

  it('not a message: only message.parsed, a fail that says what it looks like', () => {
    const fs = evaluateMessage(good({ shape: 'binary', looksLike: 'a PDF file' }), { plan });
    expect(fs).toHaveLength(1);
    expect(fs[0]!.status).toBe('fail');
    expect(fs[0]!.detail).toMatch(/PDF/);
    expect(fs[0]!.fix).toMatch(/Show original/);
    expect(messagePassed(fs)).toBe(false);
    expect(evaluateMessage(good({ shape: 'empty' }), {})[0]!.title).toMatch(/no message/);
    expect(
      evaluateMessage(good({ shape: 'too-large', bytes: 60e6, limitBytes: 25e6 }), {})[0]!.detail,
    ).toMatch(/60 MB.*25 MB/);
  });

  it('no signature: a fail pointing at the signing setup', () => {
    const [f] = find(good({ dkim: [] }), 'message.dkim');
    expect(f!.status).toBe('fail');
    expect(f!.fix).toMatch(/Rspamd, OpenDKIM and mailcow/);
  });

  it('pasted text with a changed body but verifying headers: warn and ask for the .eml', () => {
    const o = good({
      source: 'paste',
      dkim: [
        sig({ bodyHashMatches: false, result: 'neutral', comment: 'body hash did not verify' }),
      ],
    });
    const [f] = find(o, 'message.dkim');
    expect(f!.status).toBe('warn');
    expect(f!.fix).toMatch(/\.eml/);
    const [g] = find({ ...o, source: 'file' }, 'message.dkim');
    expect(g!.status).toBe('fail');
    expect(g!.title).toMatch(/body was changed/);
  });

  it('headers only: body unknown, never pass', () => {
    const o = good({
      shape: 'headers-only',
      dkim: [sig({ bodyHashMatches: false, result: 'neutral' })],
    });
    expect(find(o, 'message.parsed')[0]!.status).toBe('warn');
    expect(find(o, 'message.dkim')[0]!.status).toBe('unknown');
  });

  it('key absent under another selector names the plan selector; key mismatch names the key', () => {
    const [a] = find(
      good({ dkim: [sig({ selector: 'old', key: { state: 'absent' }, result: 'neutral' })] }),
      'message.dkim',
    );
    expect(a!.status).toBe('fail');
    expect(a!.fix).toMatch(/"old".*"mail"/);
    const [b] = find(
      good({
        dkim: [
          sig({
            result: 'fail',
            comment: 'bad signature',
            headerSignature: 'fails',
            keyIsPlanKey: true,
          }),
        ],
      }),
      'message.dkim',
    );
    expect(b!.title).toMatch(/does not match the published key/);
    expect(b!.fix).toMatch(/private key/);
    const [c] = find(
      good({ dkim: [sig({ key: { state: 'lookup-failed', reason: 'timeout' } })] }),
      'message.dkim',
    );
    expect(c!.status).toBe('unknown');
  });

  it('l= and another domain are warnings with the fix', () => {
    const [a] = find(
      good({ dkim: [sig({ bodyLengthLimit: 100, unsignedBodyBytes: 20 })] }),
      'message.dkim',
    );
    expect(a!.status).toBe('warn');
    expect(a!.fix).toMatch(/l=/);
    const [b] = find(good({ dkim: [sig({ domain: 'esp.example.net' })] }), 'message.dkim');
    expect(b!.status).toBe('warn');
    expect(b!.detail).toMatch(/not your domain/);
  });

  it('SPF: a bounce address at another domain is named with the fix', () => {
    const o = good({
      spf: {
        ip: '192.0.2.25',
        mailFrom: 'bounce@other.example',
        domain: 'other.example',
        identity: 'mailfrom',
        result: 'softfail',
        detail: '',
      },
    });
    const [f] = find(o, 'message.spf');
    expect(f!.status).toBe('fail');
    expect(f!.detail).toMatch(/different domain than From/);
    expect(f!.fix).toMatch(/bounce or Return-Path address.*example\.test.*ip4:192\.0\.2\.25/);
    const [t] = find(good({ spf: { ...good().spf!, result: 'temperror' } }), 'message.spf');
    expect(t!.status).toBe('unknown');
    expect(find(good({ spf: null }), 'message.spf')[0]!.status).toBe('unknown');
  });

  it('DMARC: fail spells alignment and the fix; none fails; temperror unknown', () => {
    const o = good({
      dkim: [sig({ domain: 'esp.example.net' })],
      dmarc: {
        result: 'fail',
        fromDomain: 'example.test',
        p: 'reject',
        policy: 'reject',
        alignment: {
          dkim: { aligned: false, strict: false },
          spf: { aligned: false, strict: false },
        },
      },
    });
    const [f] = find(o, 'message.dmarc');
    expect(f!.status).toBe('fail');
    expect(f!.title).toMatch(/refuse/);
    expect(f!.fix).toMatch(/d=example\.test/);
    expect(f!.detail).toMatch(/relaxed/);
    expect(
      find(good({ dmarc: { result: 'none', fromDomain: 'example.test' } }), 'message.dmarc')[0]!
        .status,
    ).toBe('fail');
    expect(
      find(
        good({ dmarc: { result: 'temperror', fromDomain: 'example.test' } }),
        'message.dmarc',
      )[0]!.status,
    ).toBe('unknown');
  });

  it('receiver: agreement passes, disagreement warns and says why', () => {
    const o = good({
      receiver: [
        {
          authservId: 'mx.google.com',
          provider: 'gmail',
          dkim: 'fail',
          dkimDomains: [],
          spf: 'pass',
          dmarc: 'fail',
        },
      ],
    });
    const [f] = find(o, 'message.receiver');
    expect(f!.status).toBe('warn');
    expect(f!.title).toMatch(/Gmail and Mailwright disagree about DKIM, DMARC/);
    expect(f!.detail).toMatch(/DNS changed/);
    expect(find(good({ receiver: [] }), 'message.receiver')[0]!.status).toBe('info');
  });

  it('transport: plain SMTP fails; no PTR fails; unknown TLS is unknown', () => {
    const hop = good().hop!;
    expect(find(good({ hop: { ...hop, tls: 'no' } }), 'message.transport')[0]!.status).toBe('fail');
    expect(find(good({ hop: { ...hop, ptr: [] } }), 'message.transport')[0]!.fix).toMatch(
      /Reverse DNS step/,
    );
    expect(find(good({ hop: { ...hop, tls: 'unknown' } }), 'message.transport')[0]!.status).toBe(
      'unknown',
    );
    expect(find(good({ hop: { ...hop, helo: 'localhost' } }), 'message.transport')[0]!.status).toBe(
      'warn',
    );
  });

  it('transport: the reverse name is judged against the address, the plan and the HELO name', () => {
    const hop = good().hop!;
    const transport = (over: Partial<typeof hop>) =>
      find(good({ hop: { ...hop, ...over } }), 'message.transport')[0]!;
    const back = transport({ ptr: ['other.example.net'], ptrConfirmed: false });
    expect(back.status).toBe('fail');
    expect(back.title).toContain('does not lead back');
    expect(back.title).not.toContain('is not mail.example.test'); // the warn is shown only in the fix
    expect(back.fix).toContain('other.example.net');
    expect(back.fix).toContain('192.0.2.25');
    expect(back.fix).toContain('Reverse DNS step'); // the not-the-mail-host fix follows
    expect(back.detail).toContain('does NOT lead back');
    const relay = transport({
      ip: '198.51.100.9',
      ptr: ['relay.example.net'],
      helo: 'relay.example.net',
    });
    expect(relay.status).toBe('pass'); // not the plan's address: its PTR is its own
    const helo = transport({ helo: 'smtp.example.test' });
    expect(helo.status).toBe('warn');
    expect(helo.fix).toContain('smtp_helo_name');
    expect(helo.fix).toContain('mail.example.test');
    const unread = transport({ ptr: undefined, ptrProblem: 'timed out' });
    expect(unread.status).toBe('unknown');
    expect(unread.detail).toContain('timed out');
    // What was seen, in order: TLS, the Received line, the reverse name, the HELO name.
    const lines = transport({}).detail;
    const order = ['Encrypted', 'Received line', 'Reverse name', 'HELO name'].map((w) =>
      lines.indexOf(w),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('bulk: missing one-click or unsigned headers fail; a personal message is info', () => {
    const b = good().bulk;
    const [a] = find(good({ bulk: { ...b, listUnsubscribePost: undefined } }), 'message.bulk');
    expect(a!.status).toBe('fail');
    expect(a!.fix).toMatch(/List-Unsubscribe=One-Click/);
    const [c] = find(good({ dkim: [sig({ signedHeaders: ['from'] })] }), 'message.bulk');
    expect(c!.title).toMatch(/not signed/);
    const [d] = find(
      good({
        bulk: { ...b, listUnsubscribe: undefined, listUnsubscribePost: undefined, bulkSigns: [] },
      }),
      'message.bulk',
    );
    expect(d!.status).toBe('info');
    const [e] = find(good({ bulk: { ...b, fromCount: 2, messageIds: [] } }), 'message.bulk');
    expect(e!.title).toMatch(/2 From headers; No Message-ID/);
  });
});
