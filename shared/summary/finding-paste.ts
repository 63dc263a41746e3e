import type { CheckId } from '../checks/catalogue';
import type { Finding } from '../checks/finding';
import type { PlannedRecord } from '../records/planned-record';
import { recordCheck } from './record-status';

/**
 * The checks whose problem is fixed by publishing the planned record as it is: a missing,
 * doubled or malformed record, or one that leaves out this server. Others (too many SPF
 * look-ups, p=none, a weak key) need more than the planned value, so they keep their words.
 */
const FIXED_BY_THE_RECORD = new Set<CheckId>([
  'host.a',
  'host.aaaa',
  'mx.present',
  'spf.present',
  'spf.single',
  'spf.syntax',
  'spf.authorizes',
  'spf.helo',
  'dkim.present',
  'dkim.syntax',
  'dkim.matches',
  'dmarc.present',
  'dmarc.single',
  'dmarc.syntax',
  'dmarc.reports',
  'mtasts.record',
  'tlsrpt.record',
  'caa.mail-host',
  'dane.tlsa',
]);

/** A fix the user can paste: the record to add or edit, and the ones beside it to delete. */
export interface PasteFix {
  /** The record as the Records step shows it (recordsToPublish), with its action. */
  record: PlannedRecord;
  /** Records of the same name and type to delete (a second SPF record, another DMARC). */
  deletes: PlannedRecord[];
}

/**
 * The record that fixes a finding, when the app knows its whole value: the one planned record
 * (add or edit, value known, typed at the DNS host) the finding is about. Undefined when the
 * finding passed, when no such record or several fit, or when the value would not fix it
 * (a DMARC record without reports does not answer "no reports").
 */
export function pasteFixFor(
  finding: Finding,
  records: readonly PlannedRecord[],
): PasteFix | undefined {
  if (finding.status !== 'fail' && finding.status !== 'warn') return undefined;
  if (!FIXED_BY_THE_RECORD.has(finding.check)) return undefined;
  const about = records.filter((r) => recordCheck(r, [finding]).findings.length > 0);
  const candidates = about.filter(
    (r) =>
      (r.action === undefined || r.action === 'add' || r.action === 'edit') &&
      r.where === 'dns-host' &&
      r.incomplete === undefined,
  );
  const record = candidates.length === 1 ? candidates[0] : undefined;
  if (record === undefined) return undefined;
  if (finding.check === 'dmarc.reports' && !/\brua=/i.test(record.value)) return undefined;
  const deletes = records.filter(
    (r) => r.action === 'delete' && r.name === record.name && r.type === record.type,
  );
  return { record, deletes };
}
