import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan } from '../../shared/model/plan';
import { defaultProbeGroups } from '../verify/default-groups';
import { runVerification } from '../verify/run-verification';

/** Runs the checker for a plan: what `export` does when it was given no --results file. */
export type RunCheck = (
  plan: Plan,
  options: VerifyOptions,
  signal: AbortSignal,
) => Promise<CheckDocument>;

/** The checker's own run, with the same probe groups (DNS, SMTP) as `mailwright check`. */
export const runCheckForExport: RunCheck = async (plan, options, signal) =>
  runVerification({ plan, options, signal, groups: await defaultProbeGroups() });
