import type { PlannedRecord } from '../../shared/records/planned-record';

/** One rung of the SPF/DMARC tightening ladder: what is published now, what comes next, when. */
export interface LadderStep {
  recordKey: string;
  /** "SPF" or "DMARC" (or the record's name for other records with a next step). */
  label: string;
  name: string;
  current: string;
  next: string;
  /** The planner's own words for when ("after two weeks of clean DMARC reports"). */
  when: string;
  /** The earliest date, when `when` names a period; counted from the verification (or today). */
  earliest?: Date;
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 };
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  ten: 10,
  fourteen: 14,
  thirty: 30,
};

/** The number of days a phrase like "after 2 weeks" or "in thirty days" names, if any. */
export function periodDays(when: string): number | undefined {
  const m = /\b(\d+|[a-z]+)[\s-]+(day|week|month)s?\b/i.exec(when);
  if (!m?.[1] || !m[2]) return undefined;
  const raw = m[1].toLowerCase();
  const n = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
  const unit = UNIT_DAYS[m[2].toLowerCase()];
  if (n === undefined || unit === undefined) return undefined;
  return n * unit;
}

function labelOf(record: PlannedRecord): string {
  if (record.value.startsWith('v=spf1')) return 'SPF';
  if (record.value.startsWith('v=DMARC1')) return 'DMARC';
  return record.name;
}

/** The ladder from the planned records' nextStep, dated from `from`. */
export function policyLadder(records: readonly PlannedRecord[], from: Date): LadderStep[] {
  const steps: LadderStep[] = [];
  for (const record of records) {
    if (!record.nextStep) continue;
    const step: LadderStep = {
      recordKey: record.key,
      label: labelOf(record),
      name: record.name,
      current: record.value,
      next: record.nextStep.value,
      when: record.nextStep.when,
    };
    const days = periodDays(record.nextStep.when);
    if (days !== undefined) step.earliest = new Date(from.getTime() + days * 86_400_000);
    steps.push(step);
  }
  return steps;
}
