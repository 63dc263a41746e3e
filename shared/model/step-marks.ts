import { checkInfo } from '../checks/catalogue';
import type { Finding } from '../checks/finding';
import type { DraftPlan, FilledDraft } from './draft-to-plan';
import type { StepId } from './steps';
import { messagePassed } from '../checks/message-evaluate';

/**
 * The marks in the step list: which steps are done, which need the user again, judged from what
 * they typed and from the last check. A step is "done" only on evidence (valid input, or checks
 * that passed); a check that could not run or is still waiting for DNS leaves it open.
 */

/** One step's mark: done (✓), needs attention (!), or still open (its number). */
export type StepMark = 'done' | 'attention' | 'open';

/** Each step's mark and, for a mark, one sentence saying why (the step list's tooltip). */
export type StepMarks = Record<StepId, { mark: StepMark; why: string }>;

const OPEN = { mark: 'open' as const, why: '' };

/** Statuses that leave a checked step open: nothing wrong found, but nothing confirmed either. */
const UNSETTLED = new Set<Finding['status']>(['pending', 'unknown']);

/** Fields whose value the user typed (a problem on an empty field is a to-do, not a mistake). */
function typed(draft: FilledDraft, field: string): boolean {
  const v = (draft as Record<string, unknown>)[field];
  return typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined;
}

function fromChecks(
  findings: readonly Finding[],
  fixWhere: string,
): { mark: StepMark; why: string } {
  if (findings.length === 0) return OPEN;
  const failed = findings.filter((f) => f.status === 'fail').length;
  if (failed > 0)
    return {
      mark: 'attention',
      why: `The last check found ${failed === 1 ? 'a problem' : `${failed} problems`} ${fixWhere}.`,
    };
  if (findings.some((f) => UNSETTLED.has(f.status))) return OPEN;
  return { mark: 'done', why: 'The last check found this right.' };
}

/** Whether a finding comes from the mail server's checks (port 25), which a DNS-only run skips. */
export function isSmtpFinding(f: Finding): boolean {
  return checkInfo(f.check)?.group === 'smtp';
}

/**
 * Mark every step. `findings` are the last check's (null before any check): they decide the steps
 * whose work happens elsewhere (records at the DNS host, PTR at the VPS host) and Verify itself.
 * `wholeRun` is the newest check that also looked at the mail server: when the last check was
 * the Records step's DNS-only one, Verify is judged from its DNS answers plus that run's server
 * checks, so checking the records again does not take Verify's ✓ away.
 */
export function stepMarks(
  draft: FilledDraft,
  planned: DraftPlan,
  findings: readonly Finding[] | null,
  wholeRun: readonly Finding[] | null = null,
  messageFindings: readonly Finding[] | null = null,
): StepMarks {
  const problems = planned.ok ? [] : planned.problems;
  const all = findings ?? [];
  const found = (step: StepId) => all.filter((f) => checkInfo(f.check)?.step === step);

  /** A step with fields: a typed value that is wrong, or a failed check, needs attention. */
  const input = (step: StepId, complete: boolean): { mark: StepMark; why: string } => {
    const mistake = problems.find((p) => p.step === step && typed(draft, p.field));
    if (mistake) return { mark: 'attention', why: mistake.message };
    const checked = fromChecks(found(step), 'to fix on this step');
    if (checked.mark === 'attention') return checked;
    return complete && !problems.some((p) => p.step === step)
      ? { mark: 'done', why: 'Filled in.' }
      : OPEN;
  };
  /** A step whose work happens elsewhere: done when the last check confirmed it. */
  const checked = (step: StepId): { mark: StepMark; why: string } => {
    const m = input(step, false);
    return m.mark === 'attention' ? m : fromChecks(found(step), 'to fix on this step');
  };

  const smtpChecked = all.some(isSmtpFinding);
  const verifyFindings = smtpChecked ? all : [...all, ...(wholeRun ?? []).filter(isSmtpFinding)];
  return {
    projects: OPEN,
    domain: input('domain', draft.domain.trim() !== ''),
    server: input('server', `${draft.ipv4}${draft.ipv6}`.trim() !== ''),
    'dns-host': input('dns-host', draft.dnsHost !== ''),
    records: checked('records'),
    // The DKIM step's work is the key; publishing it is a Records card (checked there too).
    dkim: input('dkim', planned.ok && Boolean(planned.plan.dkim?.publicKey)),
    'reverse-dns': checked('reverse-dns'),
    // Optional hardening: marked only from the last check (info-only findings leave it done).
    secure: checked('secure'),
    // Verify is done only after a whole check: one without the mail server's checks confirms
    // the DNS alone (the Records step's "Check these now").
    verify: verifyFindings.some((f) => f.status === 'fail')
      ? fromChecks(verifyFindings, 'in all: the steps marked ! say what to fix')
      : verifyFindings.some(isSmtpFinding)
        ? fromChecks(verifyFindings, '')
        : OPEN,
    // Skippable, and done only when a test message passed (read, signed, DMARC aligned).
    'message-test': !messageFindings
      ? OPEN
      : messagePassed(messageFindings)
        ? { mark: 'done', why: 'The last test message passed.' }
        : messageFindings.some((f) => f.status === 'fail')
          ? { mark: 'attention', why: 'The last test message has problems to fix.' }
          : OPEN,
    summary: OPEN,
  };
}
