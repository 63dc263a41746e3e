import { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { createWireTransport } from '../../../main/dns/wire-transport';
import { reply, startScriptedDns } from '../../peers/scripted-dns';
import type { Script, ScriptedDns } from '../../peers/scripted-dns';

let server: ScriptedDns | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const a = (name: string, address: string): packet.Answer => ({
  type: 'A',
  name,
  ttl: 60,
  data: address,
});

async function ask(script: Script, timeoutMs = 500) {
  server = await startScriptedDns(script);
  const t = createWireTransport({ server: server.address, timeoutMs, retransmitMs: 10_000 });
  const started = Date.now();
  const answer = await t.query('mail.example.test', 'A');
  return { answer, elapsed: Date.now() - started };
}

describe('servers that misbehave', () => {
  it('a forged answer (wrong id) is ignored; the real one that follows is taken', async () => {
    const { answer } = await ask((q) => [
      reply(q, [a('mail.example.test', '6.6.6.6')], { id: ((q.id ?? 0) + 1) % 65536 }),
      reply(q, [a('mail.example.test', '192.0.2.25')]),
    ]);
    expect(answer.outcome).toBe('answer');
    expect(answer.records).toMatchObject([{ address: '192.0.2.25' }]);
  });

  it('an answer to another question is ignored, so the query times out', async () => {
    const { answer, elapsed } = await ask((q) => [
      reply(q, [a('evil.example', '6.6.6.6')], {
        questions: [{ type: 'A', name: 'evil.example' }],
      }),
    ]);
    expect(answer.outcome).toBe('timeout');
    expect(elapsed).toBeLessThan(900);
  });

  it('garbage is an error that says the answer was malformed', async () => {
    const { answer, elapsed } = await ask((q) => {
      const good = reply(q, [a('mail.example.test', '192.0.2.25')]);
      // A header that promises an answer record, then nothing.
      return [good.subarray(0, 12 + 4 + 18 + 3)];
    });
    expect(answer.outcome).toBe('error');
    expect(answer.error).toMatch(/malformed answer/);
    expect(elapsed).toBeLessThan(200);
  });

  it('truncated over UDP and the TCP side hangs up: an error, not a hang', async () => {
    const { answer, elapsed } = await ask((q, via) =>
      via === 'udp' ? [reply(q, [], { flags: packet.TRUNCATED_RESPONSE })] : [],
    );
    expect(answer.outcome).toBe('error');
    expect(answer.error).toMatch(/closed the TCP connection/);
    expect(elapsed).toBeLessThan(200);
  });

  it('an old server that rejects EDNS (FORMERR) is asked again without it', async () => {
    const { answer } = await ask((q) => {
      const hasOpt = (q.additionals ?? []).some((rr) => rr.type === 'OPT');
      return hasOpt
        ? [reply(q, [], { flags: 1 /* FORMERR */ })]
        : [reply(q, [a('mail.example.test', '192.0.2.25')])];
    });
    expect(answer.outcome).toBe('answer');
  });

  it('a response that is not a response (QR unset) is ignored', async () => {
    const { answer } = await ask((q) => [
      Buffer.from(packet.encode({ type: 'query', id: q.id ?? 0, questions: q.questions ?? [] })),
    ]);
    expect(answer.outcome).toBe('timeout');
  });
});
