import type { Finding } from '../checks/finding';
import { canonicalIp } from '../checks/ip-facts';
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

/**
 * Whether a finding is about another thing of the record's kind: another server address for
 * a record about one address (ptr.* give one finding per address), another DKIM key name for
 * one DKIM key. Such a finding is that thing's, never this record's, even when this record has
 * none of its own (a run made before an Ed25519 key was added must not lend it the RSA key's
 * status). A record that stands for its name owns every finding of its checks: the one SPF
 * record owns spf.authorizes about each server address it must allow.
 */
function aboutAnotherOfItsKind(record: PlannedRecord, findingSubject: string): boolean {
  const subject = record.subject;
  if (subject.kind === 'address') {
    const ip = canonicalIp(findingSubject);
    return ip !== null && ip !== canonicalIp(subject.ip);
  }
  if (subject.kind === 'dkim-key') {
    const name = record.name.toLowerCase();
    // "._domainkey.example.com": what every DKIM key name of the domain ends with.
    const keyNames = name.slice(subject.selector.length);
    const other = findingSubject.toLowerCase();
    return other !== name && other.endsWith(keyNames);
  }
  return false;
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
  const chosen = matching.filter((f) => !aboutAnotherOfItsKind(record, f.subject));
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
