import type { Finding } from '../checks/finding';
import type { PlannedRecord } from '../records/planned-record';
import { worstStatus, type ShownStatus } from './status-words';
import { DELETED_RECORD_WORDS, deletedRecordState } from './deleted-record-status';

/** The findings that verify one planned record, and the status they add up to. */
export interface RecordCheck {
  status: ShownStatus;
  findings: Finding[];
  /** Words that say more than the status's own (a record to delete: "Still published: delete it"). */
  words?: string;
}

// Per-address checks (ptr.*, host.a) yield one finding per IP: a record about one address
// keeps only that address's findings when the run has them.
function subjectsOf(record: PlannedRecord): Set<string> {
  const subjects = new Set<string>([record.name.toLowerCase(), record.value.toLowerCase()]);
  const colon = record.key.indexOf(':');
  if (colon >= 0) subjects.add(record.key.slice(colon + 1).toLowerCase());
  return subjects;
}

/**
 * The status of one record from a run's findings, through PlannedRecord.checks. Without a run
 * (or when no finding covers the record) the record is "not checked".
 */
export function recordCheck(
  record: PlannedRecord,
  findings: readonly Finding[] | undefined,
): RecordCheck {
  if (findings === undefined) return { status: 'not-checked', findings: [] };
  if (record.action === 'delete') return deletedRecordCheck(record, findings);
  const checks = new Set(record.checks);
  const matching = findings.filter((f) => checks.has(f.check));
  const subjects = subjectsOf(record);
  const own = matching.filter((f) => subjects.has(f.subject.toLowerCase()));
  // A check about the domain as a whole (spf.all) is about this record even though its
  // subject is the domain; a finding about one of several things of a kind (an address, a DKIM
  // key name) belongs to that thing's record only, even when this record has none of its own
  // (a run made before an Ed25519 key was added must not lend it the RSA key's status).
  // The SPF record (one per domain) owns its per-address findings (spf.authorizes about each
  // server address): only a record that is one of several of its kind filters by subject.
  const oneOfSeveral = record.key.includes(':');
  const chosen =
    oneOfSeveral && own.length < matching.length
      ? matching.filter(
          (f) => subjects.has(f.subject.toLowerCase()) || !namesOneOfSeveral(f.subject),
        )
      : matching;
  // An "info" note beside passing checks is not the record's status: it passed.
  const judged = chosen.filter((f) => f.status !== 'info');
  const status =
    worstStatus((judged.length > 0 ? judged : chosen).map((f) => f.status)) ?? 'not-checked';
  // A record that needs fixing never also says "Nothing to change, wait": the waiting is
  // still true (the DNS host has a new value), the advice is not.
  const shown =
    status === 'fail'
      ? chosen.map((f) => {
          if (f.status !== 'pending' || f.fix === undefined) return f;
          const { fix: _waitAdvice, ...rest } = f;
          return rest;
        })
      : chosen;
  return { status, findings: [...shown] };
}

function namesOneOfSeveral(subject: string): boolean {
  const looksLikeAddress = /^[0-9.]+$/.test(subject) || subject.includes(':');
  return looksLikeAddress || /\._domainkey\./i.test(subject);
}

/** A record to delete has no check of its own: what the DNS host answered says whether it is gone. */
function deletedRecordCheck(record: PlannedRecord, findings: readonly Finding[]): RecordCheck {
  const state = deletedRecordState(record, findings);
  if (state === undefined) return { status: 'not-checked', findings: [] };
  return {
    status: state === 'gone' ? 'pass' : 'fail',
    findings: [],
    words: DELETED_RECORD_WORDS[state],
  };
}
