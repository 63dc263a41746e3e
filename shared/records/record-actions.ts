import type { PlannedRecord } from './planned-record';
import { splitTxt } from './txt-split';

/**
 * How a planned record meets what a name publishes today: nothing (add), the same value
 * (keep), another value (edit it, showing the old one), several values where one belongs
 * (edit the first, delete the others). Pure; the planner (plan-records.ts) uses it.
 */

/** A record to delete: `value` is what is published today; it has no checks of its own. */
export function deleteRecord(like: PlannedRecord, value: string, why: string): PlannedRecord {
  return {
    key: `delete:${like.type.toLowerCase()}:${like.name}:${value}`,
    name: like.name,
    type: like.type,
    // What the deleted record is about: its own address when it is one, else what `like` is about.
    subject: like.subject.kind === 'address' ? { kind: 'address', ip: value } : like.subject,
    value,
    ...(like.type === 'TXT' ? { txtStrings: splitTxt(value) } : {}),
    ttl: like.ttl,
    where: like.where,
    why,
    checks: [],
    action: 'delete',
  };
}

/**
 * The planned record against the values published today at its name (`olds`: undefined when
 * nobody could read them). `same` says whether a value published today is this record's.
 */
export function againstToday(
  record: PlannedRecord,
  olds: readonly string[] | undefined,
  same: (old: string) => boolean,
  deleteWhy: string,
  unreadNote?: string,
): PlannedRecord[] {
  if (olds === undefined) {
    return [
      {
        ...record,
        action: 'add',
        ...(unreadNote
          ? { mergeNote: [record.mergeNote, unreadNote].filter(Boolean).join(' ') }
          : {}),
      },
    ];
  }
  if (olds.length === 0) return [{ ...record, action: 'add' }];
  const keepAt = olds.findIndex(same);
  if (olds.length === 1 && keepAt === 0) return [{ ...record, action: 'keep' }];
  // Edit the one that is already right, or the first; every other one goes.
  const editAt = keepAt >= 0 ? keepAt : 0;
  const edited = olds[editAt] as string;
  const first: PlannedRecord =
    keepAt >= 0 ? { ...record, action: 'keep' } : { ...record, action: 'edit', oldValue: edited };
  return [
    first,
    ...olds.filter((_, i) => i !== editAt).map((old) => deleteRecord(record, old, deleteWhy)),
  ];
}
