import type { PlannedRecord, RecordAction } from './planned-record';

/**
 * The planned records as plain text, for the terminal (`mailwright plan`) and anywhere a
 * copyable list is wanted: each record's type, name and value, where it is set, why, and what
 * to do when it merges with or replaces what is published today.
 */

/** What to do with each record, in the words every output uses (records-table, PDF). */
export const ACTION_WORDS: Record<RecordAction, string> = {
  add: 'Add this record.',
  edit: 'Edit your existing record to this value (do not add a second one).',
  keep: 'Already published: keep it as it is.',
  delete: 'Delete this record.',
};

/** Prose broken into lines of at most `width` characters, each starting with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Render records, with the plan's notes and input warnings, as a numbered plain-text list. */
export function renderRecordsTable(
  records: readonly PlannedRecord[],
  heading: string,
  extra: { notes?: readonly string[]; warnings?: readonly string[] } = {},
  width = 78,
): string {
  const out: string[] = [heading, ''];
  const typeWidth = Math.max(...records.map((r) => r.type.length), 4);
  records.forEach((r, i) => {
    const n = `${String(i + 1).padStart(2)}.`;
    const ind = ' '.repeat(n.length + 1);
    const verb = r.action === 'delete' ? 'DELETE ' : '';
    out.push(`${n} ${verb}${r.type.padEnd(typeWidth)}  ${r.name}  (TTL ${r.ttl})`);
    // Values stay on one line, never wrapped: people copy them into their DNS host's form.
    out.push(`${ind}  ${r.value}`);
    if (r.txtStrings && r.txtStrings.length > 1) {
      out.push(
        `${ind}  (${r.txtStrings.length} strings of ${r.txtStrings.map((s) => s.length).join(' + ')} characters)`,
      );
    }
    const where =
      r.where === 'vps-host'
        ? 'Set at your VPS host (reverse DNS), not at your DNS host.'
        : 'Set at your DNS host.';
    out.push(...wrap(`${where} ${r.why}`, width - ind.length, ind));
    if (r.incomplete) out.push(...wrap(`Not ready: ${r.incomplete}`, width - ind.length, ind));
    else if (r.action && r.action !== 'add')
      out.push(...wrap(ACTION_WORDS[r.action], width - ind.length, ind));
    if (r.oldValue !== undefined) {
      out.push(`${ind}  Today: ${r.oldValue}`);
    }
    if (r.mergeNote) out.push(...wrap(r.mergeNote, width - ind.length, ind));
    for (const w of r.warnings ?? []) out.push(...wrap(`Warning: ${w}`, width - ind.length, ind));
    if (r.nextStep) {
      out.push(...wrap(`Next step: ${r.nextStep.when} New value:`, width - ind.length, ind));
      out.push(`${ind}  ${r.nextStep.value}`);
    }
    out.push('');
  });
  for (const note of extra.notes ?? []) out.push(...wrap(`Note: ${note}`, width, ''));
  for (const w of extra.warnings ?? []) out.push(...wrap(`Check: ${w}`, width, ''));
  return `${out.join('\n').trimEnd()}\n`;
}
