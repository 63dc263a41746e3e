import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerification } from '../main/verify/run-verification';
import { planSchema } from '../shared/model/plan';
import { startKnot } from '../tests/peers/knot';
import { startUnbound } from '../tests/peers/unbound';
import { getFreePort } from '../tests/peers/ports';
import { PLANS, ZONES } from '../tests/fixtures/zones/scenarios';
import { startDelayProxy } from './dns-delay-proxy';

const DELAY_MS = 50;

/**
 * The longest chain of queries that depend on each other in a full check of the "good" plan
 * (every other query can go out beside it). Discovery of the domain's nameservers is four
 * steps (SOA walk, NS, the nameserver's address, its SOA answered directly); then the records
 * are asked from the nameservers. SPF evaluation's follow-ups (the "mx" term's MX, the mail
 * host's address) and the MX target's and PTR name's addresses are the same questions the other
 * groups ask at that step, so the run's cache answers them without another round trip; the
 * reverse zone's chain (its discovery, then PTR) is as long.
 */
export const CRITICAL_CHAIN = [
  'SOA good.test (resolver: find the zone)',
  'NS good.test (resolver)',
  'A ns1.good.test (resolver)',
  'SOA good.test @ns1 (is it authoritative?)',
  'TXT, MX, A... good.test @ns1 (the records)',
];

async function firstQueryMs(cliFile: string, planFile: string): Promise<number> {
  // A resolver that only notes when the first packet arrives: the CLI's start-to-first-query time.
  const port = await getFreePort();
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(port, '127.0.0.1', () => r()));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      cliFile,
      'check',
      '--plan',
      planFile,
      '--json',
      '--resolver',
      `127.0.0.1:${port}`,
      '--ns-port',
      String(port),
      '--no-smtp',
      '--no-dnsbl',
      '--timeout',
      '300',
    ],
    { stdio: 'ignore' },
  );
  const ms = await new Promise<number>((resolve, reject) => {
    socket.once('message', () => resolve(performance.now() - t0));
    child.once('exit', () => reject(new Error('the CLI exited before sending a query')));
  });
  child.kill();
  socket.close();
  return ms;
}

interface World {
  options: {
    resolvers: string[];
    nsPort: number;
    noSmtp: boolean;
    dnsblZones: string[];
    timeoutMs: number;
  };
  count(): number;
  stop(): Promise<void>;
}

/** Knot and Unbound, each behind a delay proxy: every query the checker sends costs `delayMs`. */
async function delayedWorld(
  knotPort: number,
  unboundPort: number,
  delayMs: number,
): Promise<World> {
  const nsProxy = await startDelayProxy({ upstreamPort: knotPort, delayMs });
  const resolverProxy = await startDelayProxy({ upstreamPort: unboundPort, delayMs });
  return {
    options: {
      resolvers: [resolverProxy.address],
      nsPort: nsProxy.port,
      noSmtp: true,
      dnsblZones: ['zen.dnsbl.test', 'domain:dbl.dnsbl.test'],
      timeoutMs: 2000,
    },
    count: () => nsProxy.count() + resolverProxy.count(),
    stop: async () => {
      await Promise.allSettled([nsProxy.stop(), resolverProxy.stop()]);
    },
  };
}

/** The median wall time of `runs` full checks, and the queries of one. */
async function timeChecks(
  world: World,
  runs: number,
): Promise<{ wall: number; walls: number[]; queries: number }> {
  const plan = planSchema.parse(PLANS.good);
  const walls: number[] = [];
  let queries = 0;
  for (let i = 0; i < runs; i += 1) {
    const before = world.count();
    const t0 = performance.now();
    const doc = await runVerification({ plan, options: world.options });
    walls.push(performance.now() - t0);
    queries = world.count() - before;
    if (doc.summary.fail > 0 || doc.summary.unknown > 0)
      throw new Error(`bench plan did not check clean: ${JSON.stringify(doc.summary)}`);
  }
  const sorted = [...walls].sort((a, b) => a - b);
  return { wall: sorted[Math.floor(sorted.length / 2)] ?? 0, walls, queries };
}

/** Bench section: a full check behind a +50 ms/query delay proxy, and the CLI's start-up (needs `npm run build`). */
export async function verifyBench(): Promise<void> {
  const knot = await startKnot({ zones: ZONES, port: await getFreePort() });
  const unbound = await startUnbound({
    stubs: Object.keys(ZONES).map((zone) => ({ zone, port: knot.port })),
  });
  const dir = await mkdtemp(join(tmpdir(), 'mw-bench-'));
  const w50 = await delayedWorld(knot.port, unbound.port, DELAY_MS);
  const w100 = await delayedWorld(knot.port, unbound.port, DELAY_MS * 2);
  try {
    // Warm Unbound's cache once, so every run pays the same: the proxy's delay per query.
    await runVerification({ plan: planSchema.parse(PLANS.good), options: w50.options });
    const at50 = await timeChecks(w50, 7);
    const at100 = await timeChecks(w100, 3);
    const bound = CRITICAL_CHAIN.length * DELAY_MS;
    // Doubling the delay adds one delay per round trip on the longest path: the measured depth.
    const depth = (at100.wall - at50.wall) / DELAY_MS;
    console.log(
      `verify: full check of good.test, every query +${DELAY_MS} ms (delay proxies in front of Knot and Unbound)`,
    );
    console.log(
      `  wall time (median of ${at50.walls.length}): ${at50.wall.toFixed(0)} ms  [${at50.walls.map((w) => w.toFixed(0)).join(', ')}]`,
    );
    console.log(`  queries sent: ${at50.queries}`);
    console.log(
      `  critical path: ${CRITICAL_CHAIN.length} dependent queries x ${DELAY_MS} ms = ${bound} ms (${CRITICAL_CHAIN.join(' -> ')})`,
    );
    console.log(
      `  ratio to the critical path: ${(at50.wall / bound).toFixed(2)}x (target <= 1.3x)`,
    );
    console.log(
      `  cross-check: at +${DELAY_MS * 2} ms the run takes ${at100.wall.toFixed(0)} ms, i.e. ${depth.toFixed(1)} round trips in a row`,
    );

    // The CLI as shipped: what `npm run build` (scripts/build-main.mjs) put in dist/cli.
    const cliFile = join('dist', 'cli', 'index.js');
    if (!existsSync(cliFile)) throw new Error(`${cliFile} is missing: run \`npm run build\` first`);
    const planFile = join(dir, 'plan.json');
    await writeFile(planFile, JSON.stringify(PLANS.good));
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) starts.push(await firstQueryMs(cliFile, planFile));
    const start = starts.sort((a, b) => a - b)[Math.floor(starts.length / 2)] ?? 0;
    console.log(
      `  CLI start to first query (median of ${starts.length}): ${start.toFixed(0)} ms (target < 200 ms) [${starts.map((s) => s.toFixed(0)).join(', ')}]`,
    );
  } finally {
    await Promise.allSettled([
      w50.stop(),
      w100.stop(),
      unbound.stop(),
      knot.stop(),
      rm(dir, { recursive: true, force: true }),
    ]);
  }
}
