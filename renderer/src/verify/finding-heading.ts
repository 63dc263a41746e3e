import type { Finding } from '../../../shared/checks/finding';
import { shownName } from '../../../shared/model/shown-name';
import { checkInfo } from '../../../shared/checks/catalogue';

/**
 * The heading of a finding. A check that could not run, or was skipped because an earlier one
 * failed, has a generic title ("Could not be checked", "Not checked: ..."), so the catalogue's
 * name of the check says which one it was.
 */
export function findingHeading(f: Finding): string {
  const name = checkInfo(f.check)?.title;
  if (!name) return f.title;
  if (f.status === 'unknown') return `${name}: could not be checked`;
  const skipped = /^Not checked:\s*(.+)$/i.exec(f.title);
  if (skipped) return `${name} (not checked: ${skipped[1]})`;
  // A line that waits for DNS says which record it waits for.
  if (f.status === 'pending') return `${f.title}: ${name}, ${shownName(f.subject)}`;
  return f.title;
}
