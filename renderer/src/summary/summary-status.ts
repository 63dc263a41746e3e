import type { CheckDocument } from '../../../shared/checks/verify-progress';
import {
  overallStatus,
  type FindingsPlace,
  type OverallStatus,
} from '../../../shared/summary/overall-status';

/** On screen the findings sit right under the headline (the PDF has a Findings section). */
export const SCREEN_FINDINGS_PLACE: FindingsPlace = { where: 'below', see: 'below' };

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
 * The Summary's headline: the PDF cover's status, except that before any check the screen says
 * "Not checked yet" and sends the user to the Verify step rather than asking for an export.
 */
export function summaryStatus(run: CheckDocument | undefined): OverallStatus {
  const status = overallStatus(run);
  if (status.kind !== 'not-verified') return status;
  return {
    kind: 'not-verified',
    headline: 'Not checked yet',
    parts: [
      {
        kind: 'text',
        text: 'Nothing has been checked yet, so this page lists what to publish but cannot say whether it works.',
      },
    ],
  };
}
