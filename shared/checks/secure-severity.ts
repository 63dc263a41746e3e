import type { Plan } from '../model/plan';
import { chose, type SecurityPart } from '../model/security-choices';
import type { Finding } from './finding';
import { makeFinding } from './finding-make';

/** Which plan choice each secure-delivery check serves (DNSSEC matters for DANE). */
const PART_OF: Record<string, SecurityPart> = {
  'mtasts.record': 'mtaSts',
  'mtasts.policy': 'mtaSts',
  'tlsrpt.record': 'tlsRpt',
  'dnssec.domain': 'dane',
  'dnssec.mail-host': 'dane',
  'dane.tlsa': 'dane',
  'caa.mail-host': 'caa',
};

/**
 * A secure-delivery check that could not run for a part the user did not choose is information,
 * not "could not be checked": the run stays "ready" for someone who wants none of this hardening.
 * The reason is kept in the detail; chosen parts keep `unknown`.
 */
export function optionalUnknownAsInfo(finding: Finding, plan: Plan): Finding {
  const part = PART_OF[finding.check];
  if (finding.status !== 'unknown' || !part || chose(plan.security, part)) return finding;
  return makeFinding(finding.check, finding.subject, 'info', {
    title: 'Not checked (optional)',
    detail: `${finding.detail} This is optional hardening you did not choose, so nothing depends on it.`,
    ...(finding.evidence ? { evidence: finding.evidence } : {}),
  });
}
