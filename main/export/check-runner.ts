import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { Plan } from '../../shared/model/plan';
import { smtpProbeGroup } from '../probes/smtp/smtp-group';
import { runVerification } from '../verify/run-verification';

/** Runs the checker for a plan: what `export` does when it was given no --results file. */
export type RunCheck = (
  plan: Plan,
  options: VerifyOptions,
  signal: AbortSignal,
) => Promise<CheckDocument>;

/** The checker's own run (DNS views plus the SMTP probes), as `mailwright check` runs it. */
export const runCheckForExport: RunCheck = (plan, options, signal) =>
  runVerification({ plan, options, signal, groups: [smtpProbeGroup] });
