import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';
import { fuzzApi, fuzzPlans } from '../../fuzz/plan-api-fuzz';

// 10,000 fuzz cases in `npm test` (7,000 plans, 3,000 API calls); `npm run bench` runs 100,000.
// The seed is fixed so a failure reproduces; the bench varies it.

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('fuzz');
});
afterAll(async () => removeTempDir(dir));

describe('fuzzed plans and API calls', () => {
  it('7,000 plans: no crash, no record our parsers refuse from a plan that validated', () => {
    const t = fuzzPlans(7000, 17);
    expect(t.crashes).toEqual([]);
    expect(t.wrongPasses).toEqual([]);
    expect(t.cases).toBe(7000);
    expect(t.accepted).toBeGreaterThan(100);
  }, 120_000);

  it('3,000 API calls: every one answers a Result, no project lost or half-written', async () => {
    const t = await fuzzApi(3000, 17, dir);
    expect(t.crashes).toEqual([]);
    expect(t.lostProjects).toEqual([]);
    expect(t.cases).toBe(3000);
  }, 180_000);
});
