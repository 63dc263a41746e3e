import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';
import { ZONES } from '../../fixtures/zones/scenarios';
import { startDnsWorld, type DnsWorld } from './dns-world';

// spf.authorizes against an independent implementation: pyspf (python3-spf, Debian), asking
// the same Unbound that serves the same Knot zones.

const run = promisify(execFile);
let world: DnsWorld;

beforeAll(async () => {
  world = await startDnsWorld(ZONES, { noDnsbl: true });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

async function pyspf(ip: string, domain: string, helo: string): Promise<string> {
  const script = [
    'import sys, DNS, spf',
    "DNS.defaults['server'] = ['127.0.0.1']",
    `DNS.defaults['port'] = ${world.unbound.port}`,
    "DNS.defaults['timeout'] = 5",
    'r = spf.check2(i=sys.argv[1], s=sys.argv[2], h=sys.argv[3])',
    'print(r[0])',
  ].join('\n');
  const { stdout } = await run(
    '/usr/bin/python3',
    ['-c', script, ip, `postmaster@${domain}`, helo],
    { timeout: 20_000 },
  );
  return stdout.trim();
}

const CASES: [string, string][] = [
  ['good.test', '192.0.2.10'],
  ['good.test', '2001:db8::10'],
  ['good.test', '198.51.100.7'], // through include:_spf.senders.test
  ['good.test', '203.0.113.99'], // not authorised: -all
  ['bad.test', '192.0.2.20'], // two SPF records
  ['weak.test', '203.0.113.5'], // +all
  ['syntax.test', '192.0.2.40'], // unknown mechanism
  ['lookups.test', '192.0.2.50'], // matches before the includes
  ['lookups.test', '203.0.113.1'], // walks eleven includes
  ['nothing.test', '192.0.2.60'], // no SPF
  ['quoted.test', '192.0.2.70'], // quoted text is not SPF
];

describe('SPF results agree with pyspf', () => {
  it.each(CASES)('%s from %s', async (domain, ip) => {
    const plan = planSchema.parse({
      domain,
      mailHost: `mail.${domain}`,
      [ip.includes(':') ? 'ipv6' : 'ipv4']: [ip],
      mode: 'send-only',
    });
    const doc = await runVerification({ plan, options: world.options });
    const finding = doc.findings.find((f) => f.check === 'spf.authorizes' && f.subject === ip);
    const ours = (finding?.evidence?.evaluation as { result: string } | undefined)?.result;
    const theirs = await pyspf(ip, domain, `mail.${domain}`);
    expect(ours).toBe(theirs);
  });
});
