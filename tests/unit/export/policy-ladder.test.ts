import { describe, expect, it } from 'vitest';
import { periodDays, policyLadder } from '../../../shared/summary/policy-ladder';
import { planRecords } from '../../../shared/records/plan-records';
import { basicPlan } from './summary-fixtures';

describe('SPF/DMARC ladder dates', () => {
  it('reads periods, ranges and number words', () => {
    expect(periodDays('after 2 weeks')).toEqual({ min: 14, max: 14 });
    expect(periodDays('usually after 2–4 weeks')).toEqual({ min: 14, max: 28 });
    expect(periodDays('in thirty days')).toEqual({ min: 30, max: 30 });
    expect(periodDays('once the reports are clean')).toBeUndefined();
  });

  it("dates the planner's next steps from the verification", () => {
    const from = new Date('2026-11-22T10:00:00Z');
    const ladder = policyLadder(planRecords(basicPlan), from);
    expect(ladder.map((s) => s.label).sort()).toEqual(['DMARC', 'SPF']);
    for (const step of ladder) {
      expect(step.next).not.toBe(step.current);
      expect(step.earliest?.getTime()).toBeGreaterThan(from.getTime());
    }
  });
});
