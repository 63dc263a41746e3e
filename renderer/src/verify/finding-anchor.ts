import type { Finding } from '../../../shared/checks/finding';

/** A stable element id for a finding, for links from the summary at the top. */
export function findingAnchor(f: Pick<Finding, 'check' | 'subject'>): string {
  return `finding-${f.check}-${f.subject}`.replace(/[^a-zA-Z0-9-]/g, '-');
}
