import type { Finding } from '../../../shared/checks/finding';
import { checkInfo } from '../../../shared/checks/catalogue';

/**
 * The heading of a finding. A check that could not run has a generic title ("Could not be
 * checked"), so the catalogue's name of the check says which one it was.
 */
export function findingHeading(f: Finding): string {
  if (f.status !== 'unknown') return f.title;
  const name = checkInfo(f.check)?.title;
  return name ? `${name}: could not be checked` : f.title;
}
