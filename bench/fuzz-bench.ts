// `npm run bench:fuzz [-- CASES [SEED]]`: the plan/API fuzz run at scale (default 100,000 cases:
// 80% plans, 20% API calls on a temp data folder), the same generators and oracles as the
// 10,000-case run in `npm test` (tests/fuzz/plan-api-fuzz.ts). Prints one line of counts and
// exits 1 on any crash, wrong pass or lost/half-written project, printing the first few.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzApi, fuzzPlans, type FuzzTally } from '../tests/fuzz/plan-api-fuzz';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const planCases = Math.round(total * 0.8);
const dir = await mkdtemp(join(tmpdir(), 'mw-fuzz-bench-'));
const started = performance.now();
try {
  const tally: FuzzTally = fuzzPlans(planCases, seed);
  await fuzzApi(total - planCases, seed, join(dir, 'data'), tally);
  const s = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `fuzz (seed ${seed}): ${tally.cases} cases (${planCases} plans, ${total - planCases} API calls) in ${s} s: ${tally.crashes.length} crashes, ${tally.lostProjects.length} lost or half-written projects, ${tally.wrongPasses.length} wrong passes; ${tally.accepted} plans validated`,
  );
  for (const line of [...tally.crashes, ...tally.lostProjects, ...tally.wrongPasses].slice(0, 10))
    console.log(`  ${line}`);
  if (tally.crashes.length + tally.lostProjects.length + tally.wrongPasses.length > 0)
    process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
