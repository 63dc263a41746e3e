import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { PLANS, ZONES } from '../../fixtures/zones/scenarios';
import { startDnsWorld, type DnsWorld } from './dns-world';

let world: DnsWorld;
const docs: Record<string, CheckDocument> = {};

beforeAll(async () => {
  world = await startDnsWorld(ZONES, { dnsblZones: ['zen.dnsbl.test', 'domain:dbl.dnsbl.test'] });
  await Promise.all(
    Object.entries(PLANS).map(async ([name, plan]) => {
      docs[name] = await runVerification({ plan: planSchema.parse(plan), options: world.options });
    }),
  );
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

function statusOf(doc: CheckDocument | undefined, check: string, subject?: string): string[] {
  return (doc?.findings ?? [])
    .filter((f) => f.check === check && (subject === undefined || f.subject === subject))
    .map((f) => f.status);
}

describe('scenarios', () => {
  it('prints', () => {
    for (const [name, doc] of Object.entries(docs)) {
      console.log(
        `== ${name} ${JSON.stringify(doc.summary)} queries=${doc.queries} ${doc.durationMs}ms`,
      );
      for (const f of doc.findings)
        console.log(
          `${f.check.padEnd(20)} ${f.status.padEnd(8)} ${f.subject.padEnd(28)} ${f.title}`,
        );
    }
    expect(statusOf(docs.good, 'host.a')).toEqual(['pass']);
  });
});
