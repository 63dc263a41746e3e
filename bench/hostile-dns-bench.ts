import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostileDns, type HostileMode } from '../tests/peers/hostile-dns';

/** What one `check --json` run against the hostile server cost. */
interface Cost {
  peakMb: number;
  jsonBytes: number;
  queries: number;
  exit: number | null;
  wallMs: number;
}

/** Run the built CLI's `check --json` with every DNS question going to `address`. */
async function checkCost(cliFile: string, planFile: string, address: string, port: number) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      join(import.meta.dirname, 'peak-rss.cjs'),
      cliFile,
      'check',
      '--plan',
      planFile,
      '--json',
      '--resolver',
      address,
      '--ns-port',
      String(port),
      '--no-smtp',
      '--no-dnsbl',
      '--timeout',
      '5000',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let jsonBytes = 0;
  const out: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    jsonBytes += c.length;
    if (jsonBytes < 5_000_000) out.push(c);
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(err)?.[1] ?? NaN);
  let queries = NaN;
  try {
    queries = (JSON.parse(Buffer.concat(out).toString()) as { queries?: number }).queries ?? NaN;
  } catch {
    // too big or not JSON: the size line says enough
  }
  const cost: Cost = {
    peakMb: peakKb / 1024,
    jsonBytes,
    queries,
    exit,
    wallMs: performance.now() - started,
  };
  return cost;
}

/**
 * Bench section: `check --json` against a hostile DNS server (tests/peers/hostile-dns) that
 * answers every question with 1,000 or 1,500 records (MX hosts, addresses, SPF records, PTR
 * names), or one 62 KB TXT record. Targets: under 150 MB peak memory and 2 MB of JSON whatever
 * the server sends (needs `npm run build`).
 */
export async function hostileDnsBench(): Promise<void> {
  const cliFile = join('dist', 'cli', 'index.js');
  if (!existsSync(cliFile)) throw new Error(`${cliFile} is missing: run \`npm run build\` first`);
  const dir = await mkdtemp(join(tmpdir(), 'mw-hostile-bench-'));
  const planFile = join(dir, 'plan.json');
  await writeFile(
    planFile,
    JSON.stringify({ domain: 'hostile.test', mailHost: 'mail.hostile.test', ipv4: ['192.0.2.10'] }),
  );
  const cases: [string, HostileMode][] = [
    ['10 records per answer', { kind: 'amplify', count: 10, firstMx: 'mail.hostile.test' }],
    ['1,000 records per answer', { kind: 'amplify', count: 1000, firstMx: 'mail.hostile.test' }],
    ['1,500 records per answer', { kind: 'amplify', count: 1500, firstMx: 'mail.hostile.test' }],
    ['one 62 KB TXT record', { kind: 'amplify', count: 1000, hugeTxt: true }],
  ];
  console.log('hostile DNS: `check --json` against a server that amplifies every answer');
  try {
    for (const [label, mode] of cases) {
      const dns = await startHostileDns('hostile.test', mode);
      try {
        const c = await checkCost(cliFile, planFile, dns.address, dns.port);
        console.log(
          `  ${label}: peak memory ${c.peakMb.toFixed(0)} MB (target < 150 MB), JSON ${(c.jsonBytes / 1024).toFixed(0)} KB (target < 2048 KB), ${c.queries} queries, exit ${c.exit}, ${(c.wallMs / 1000).toFixed(1)} s`,
        );
      } finally {
        await dns.stop();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
