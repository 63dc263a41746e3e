import type { PlannedRecord } from '../records/planned-record';

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
  /** The latest usual date, when `when` names a range ("2–4 weeks"). */
  latest?: Date;
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

function count(word: string): number | undefined {
  const raw = word.toLowerCase();
  return /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
}

/**
 * The days a phrase names: "after 2 weeks" gives 14 to 14, "usually after 2–4 weeks" 14 to 28,
 * "in thirty days" 30 to 30. Undefined when it names no period.
 */
export function periodDays(when: string): { min: number; max: number } | undefined {
  const m = /\b(\d+|[a-z]+)(?:\s*[–-]\s*(\d+|[a-z]+))?[\s-]+(day|week|month)s?\b/i.exec(when);
  if (!m?.[1] || !m[3]) return undefined;
  const unit = UNIT_DAYS[m[3].toLowerCase()];
  const low = count(m[1]);
  const high = m[2] !== undefined ? count(m[2]) : low;
  if (unit === undefined || low === undefined || high === undefined) return undefined;
  return { min: low * unit, max: Math.max(low, high) * unit };
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
    if (days !== undefined) {
      step.earliest = new Date(from.getTime() + days.min * 86_400_000);
      if (days.max > days.min) step.latest = new Date(from.getTime() + days.max * 86_400_000);
    }
    steps.push(step);
  }
  return steps;
}
