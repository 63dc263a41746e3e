import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { overallStatus, type OverallStatus } from '../../../shared/summary/overall-status';

/** The run that speaks for this plan: the last one, unless it checked another domain. */
export function runForDomain(
  run: CheckDocument | undefined,
  domain: string,
): CheckDocument | undefined {
  if (!run) return undefined;
  return run.domain.toLowerCase().replace(/\.$/, '') === domain.toLowerCase().replace(/\.$/, '')
    ? run
    : undefined;
}

/**
 * The Summary's headline: the PDF cover's words, except that before any check the screen says
 * "Not checked yet" and sends the user to the Verify step rather than to the CLI.
 */
export function summaryStatus(run: CheckDocument | undefined): OverallStatus {
  const status = overallStatus(run);
  // The PDF has a Findings section; on screen the same list sits right under the headline.
  if (status.kind !== 'not-verified')
    return {
      ...status,
      detail: status.detail.replace(/under Findings|\(see Findings\)|See Findings/g, (m) =>
        m === 'under Findings' ? 'below' : m === 'See Findings' ? 'See below' : '(see below)',
      ),
    };
  return {
    kind: 'not-verified',
    headline: 'Not checked yet',
    detail:
      'Nothing has been checked yet, so this page lists what to publish but cannot say whether it works.',
  };
}
