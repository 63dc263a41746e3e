import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import { renderZone } from '../../../shared/records/zone-render';
import type { PlannedRecord } from '../../../shared/records/planned-record';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-zone-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Run kzonecheck on a zone text; resolves with its output, rejects with it on failure. */
async function kzonecheck(zone: string, origin: string): Promise<string> {
  const file = join(dir, `${origin}.zone`);
  await writeFile(file, zone);
  const { stdout, stderr } = await run('kzonecheck', ['-o', origin, file], { timeout: 10_000 });
  return stdout + stderr;
}

const soa = { primary: 'ns1.example.com', contact: 'host.master@example.com' };
const rsa4096 = generateKeyPairSync('rsa', { modulusLength: 4096 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

describe('renderZone output passes kzonecheck (Knot)', () => {
  it('a full send-receive plan with a 4096-bit DKIM key and IPv6', async () => {
    const plan = planSchema.parse({
      domain: 'example.com',
      mailHost: 'mail.example.com',
      ipv4: ['203.0.113.10', '198.51.100.20'],
      ipv6: ['2001:db8::10'],
      senders: ['google-workspace', 'amazon-ses'],
      dkim: { selector: 'mail', publicKey: rsa4096 },
      dmarc: { policy: 'none', rua: 'mailto:dmarc@example.com' },
    });
    const zone = renderZone(planRecords(plan), 'example.com', {
      soa,
      nameServers: ['ns1.example.com', 'ns2.example.net'],
    });
    // The 4096-bit key needs 3 strings; MX targets carry the trailing dot; PTRs are comments.
    expect(zone).toMatch(
      /^mail\._domainkey 3600 IN TXT "v=DKIM1; k=rsa; p=[^"]{237}" "[^"]{255}" "[^"]+"$/m,
    );
    expect(zone).toContain('@ 3600 IN MX 10 mail.example.com.');
    expect(zone).toContain('mail 3600 IN A 203.0.113.10');
    expect(zone).toContain(';   10.113.0.203.in-addr.arpa. PTR mail.example.com');
    expect(zone).toContain('$ORIGIN example.com.');
    // kzonecheck exits non-zero (rejects) on an invalid zone and prints nothing for a clean one.
    expect(await kzonecheck(zone + 'ns1 3600 IN A 192.0.2.53\n', 'example.com')).toBe('');
  });

  it('a send-only plan at the apex, with an incomplete DKIM record left as a comment', async () => {
    const plan = planSchema.parse({
      domain: 'example.org',
      mailHost: 'example.org',
      ipv4: ['192.0.2.25'],
      mode: 'send-only',
    });
    const zone = renderZone(planRecords(plan), 'example.org', {
      soa,
      nameServers: ['ns1.example.net'],
    });
    expect(zone).toContain('@ 3600 IN A 192.0.2.25');
    expect(zone).toMatch(/^;\s+mail\._domainkey TXT/m);
    expect(zone).not.toMatch(/^@ \d+ IN MX/m);
    await kzonecheck(zone, 'example.org');
  });

  it('escapes quotes, backslashes and non-ASCII bytes in TXT values', async () => {
    const odd: PlannedRecord = {
      key: 'odd',
      name: 'odd.example.com',
      type: 'TXT',
      subject: { kind: 'name' },
      value: 'say "hi" \\ café',
      ttl: 300,
      where: 'dns-host',
      why: 'test',
      checks: [],
    };
    const zone = renderZone([odd], 'example.com', { soa, nameServers: ['ns1.example.net'] });
    expect(zone).toContain('odd 300 IN TXT "say \\"hi\\" \\\\ caf\\195\\169"');
    await kzonecheck(zone, 'example.com');
  });

  it('kzonecheck does reject a broken zone (the check is real)', async () => {
    await expect(
      kzonecheck('$ORIGIN example.com.\n@ 3600 IN MX 10\n', 'example.com'),
    ).rejects.toThrow();
  });
});
