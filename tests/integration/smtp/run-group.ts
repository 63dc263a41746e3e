import type { Finding } from '../../../shared/checks/finding';
import type { VerifyOptions } from '../../../shared/checks/verify-options';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import type { ProbeGroup } from '../../../main/verify/probe-group';

/** What a group run produced, as the orchestrator would have streamed it. */
export interface GroupRun {
  findings: Finding[];
  started: string[];
  notes: string[];
  durationMs: number;
}

/** Run a probe group with a stand-in for the orchestrator: fixed addresses and PTR names. */
export async function runGroup(
  group: ProbeGroup,
  input: {
    plan: PlanInput;
    options?: VerifyOptions;
    addresses: string[];
    ptr?: Record<string, string[]>;
    signal?: AbortSignal;
  },
): Promise<GroupRun> {
  const run: GroupRun = { findings: [], started: [], notes: [], durationMs: 0 };
  const start = performance.now();
  await group.run({
    plan: planSchema.parse(input.plan),
    options: input.options ?? {},
    signal: input.signal ?? new AbortController().signal,
    facts: {
      mailHostAddresses: () => Promise.resolve(input.addresses),
      ptrNames: (ip) => Promise.resolve(input.ptr?.[ip] ?? []),
    },
    started: (check, subject) => run.started.push(`${check} ${subject}`),
    emit: (finding) => run.findings.push(finding),
    note: (message) => run.notes.push(message),
  });
  run.durationMs = performance.now() - start;
  return run;
}

/** The finding of one check (and subject, when several addresses ran). */
export function finding(run: GroupRun, check: string, subject?: string): Finding {
  const found = run.findings.find((f) => f.check === check && (!subject || f.subject === subject));
  if (!found)
    throw new Error(
      `no ${check} finding; got ${run.findings.map((f) => `${f.check}:${f.status}`).join(', ')}`,
    );
  return found;
}

/** "check status" pairs, for compact assertions. */
export function statuses(run: GroupRun): Record<string, string> {
  return Object.fromEntries(run.findings.map((f) => [f.check, f.status]));
}
