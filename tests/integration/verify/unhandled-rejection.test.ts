import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runVerification } from '../../../main/verify/run-verification';
import { planSchema } from '../../../shared/model/plan';

// A plan whose values were never checked (a contract call that only checks the payload's shape)
// made a gathering reject before any group awaited it: Node counts that as an unhandled
// rejection and ends the process, which ended `mailwright serve` (found by the fuzz run).
const seen: unknown[] = [];
const onRejection = (reason: unknown): void => void seen.push(reason);
beforeEach(() => {
  seen.length = 0;
  process.on('unhandledRejection', onRejection);
});
afterEach(() => void process.off('unhandledRejection', onRejection));

describe('a run on a plan with an address that is not one', () => {
  it('ends with unknown findings for it, and no unhandled rejection', async () => {
    const doc = await runVerification({
      plan: planSchema.parse({
        domain: 'example.test',
        mailHost: 'mail.example.test',
        ipv4: ['999.1.1.1'],
      }),
      // A closed port on loopback: nothing is asked anywhere else, and nothing answers.
      options: {
        resolvers: ['127.0.0.1:9'],
        nsPort: 9,
        noDnsbl: true,
        noSmtp: true,
        timeoutMs: 200,
      },
    });
    await new Promise((r) => setTimeout(r, 50)); // let Node report what nobody handled
    expect(seen).toEqual([]);
    const ptr = doc.findings.filter((f) => f.check.startsWith('ptr.') && f.subject === '999.1.1.1');
    expect(ptr.length).toBeGreaterThan(0);
    for (const f of ptr) expect(f.status).toBe('unknown');
  });
});
