import type { Finding } from '../checks/finding';
import type { PlannedRecord } from '../records/planned-record';

/**
 * Whether a record the user was told to delete is still there, read from what the DNS host
 * itself answered in a run (the authoritative answers in the findings' evidence): `gone`,
 * `still-published`, or undefined when no finding looked up that name and type at the DNS host.
 * A record to delete has no check of its own, and "Not checked" beside it hid what the run saw.
 */
export type DeletedRecordState = 'gone' | 'still-published';

interface EvidenceAnswer {
  view?: unknown;
  outcome?: unknown;
  records?: unknown;
}

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The value of an evidence record as a planned record writes it (MX: "10 host"; TXT: joined). */
function valueOf(r: Record<string, unknown>): string | undefined {
  if (typeof r.address === 'string') return r.address.toLowerCase();
  if (typeof r.exchange === 'string') return `${String(r.preference)} ${bare(r.exchange)}`;
  if (Array.isArray(r.strings)) return r.strings.join('');
  if (typeof r.target === 'string') return bare(r.target);
  return undefined;
}

/** Evidence cuts long TXT values short with "…": a cut value matches what it starts with. */
function sameValue(seen: string, wanted: string): boolean {
  if (seen === wanted) return true;
  return seen.endsWith('…') && wanted.startsWith(seen.slice(0, -1));
}

/** Every DNS-host answer in some evidence to a lookup of `name`/`type`. */
function hostAnswers(evidence: unknown, name: string, type: string): EvidenceAnswer[] {
  const out: EvidenceAnswer[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (
      typeof o.name === 'string' &&
      bare(o.name) === name &&
      o.type === type &&
      Array.isArray(o.answers)
    ) {
      for (const a of o.answers as EvidenceAnswer[])
        if (typeof a.view === 'string' && a.view.startsWith('authoritative')) out.push(a);
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(evidence);
  return out;
}

/** What a run saw of a record to delete (see DeletedRecordState). */
export function deletedRecordState(
  record: PlannedRecord,
  findings: readonly Finding[],
): DeletedRecordState | undefined {
  const name = bare(record.name);
  const wanted =
    record.type === 'MX' ? record.value.toLowerCase().replace(/\.$/, '') : record.value;
  const answers = findings.flatMap((f) => hostAnswers(f.evidence, name, record.type));
  // Only a conclusive answer says anything: a timeout is not "gone".
  const conclusive = answers.filter((a) =>
    ['answer', 'nodata', 'nxdomain'].includes(String(a.outcome)),
  );
  if (conclusive.length === 0) return undefined;
  const present = conclusive.some(
    (a) =>
      Array.isArray(a.records) &&
      (a.records as Record<string, unknown>[]).some((r) => {
        const v = valueOf(r);
        return v !== undefined && sameValue(v, wanted);
      }),
  );
  return present ? 'still-published' : 'gone';
}

/** The words for a record to delete after a run. */
export const DELETED_RECORD_WORDS: Record<DeletedRecordState, string> = {
  'still-published': 'Still published: delete it',
  gone: 'Deleted',
};
