import type { PdfFlow } from './pdf-flow';
import { body, bullets, heading } from './pdf-heading';
import { COLOR, SIZE, STATUS_COLOR } from './pdf-style';
import { drawTable, type TableCell } from './pdf-table';
import type { RecordRow, SetupSummary } from './setup-summary';
import { STATUS_WORDS } from '../../shared/summary/status-words';

const muted = { color: COLOR.muted, size: SIZE.small };

function nameCell(r: RecordRow, dnsHost: string | undefined): TableCell {
  const cell: TableCell = [{ text: r.fullName.unicode, style: { face: 'bold' } }];
  if (r.fullName.international) cell.push({ text: r.fullName.ascii, style: muted });
  if (r.where === 'vps-host') {
    cell.push({ text: 'Set at your server (VPS) host, not at the DNS host.', style: muted });
  } else {
    const alt = r.formNameAlternative !== undefined ? ` (or ${r.formNameAlternative})` : '';
    cell.push({
      // A form that offers "Automatic" as TTL says so here: the narrow TTL column keeps seconds.
      text: `${r.formNameLabel} box at ${dnsHost ?? 'your DNS host'}: ${r.formName}${alt}${r.formTtl !== undefined ? `; TTL: ${r.formTtl} (or ${r.ttl})` : ''}`,
      style: muted,
    });
  }
  return cell;
}

const ACTION_WORDS: Record<RecordRow['action'], string | undefined> = {
  add: undefined,
  edit: 'Edit your existing record to this value.',
  keep: 'Already published as it should be: keep it.',
  delete: 'Delete this record.',
};

function valueCell(r: RecordRow): TableCell {
  const cell: TableCell = [];
  if (r.incomplete !== undefined) {
    cell.push({ text: `Not ready: ${r.incomplete}`, style: { face: 'bold' } });
  }
  cell.push({ text: r.value });
  const action = ACTION_WORDS[r.action];
  if (action !== undefined) cell.push({ text: action, style: { face: 'bold', size: SIZE.small } });
  if (r.oldValue !== undefined) cell.push({ text: `Today: ${r.oldValue}`, style: muted });
  for (const warning of r.warnings ?? []) cell.push({ text: warning, style: muted });
  if (r.formValue !== undefined) {
    cell.push({ text: `Type in the form: ${r.formValue}`, style: muted });
  }
  if (r.formProxy !== undefined) {
    cell.push({ text: `Proxy status: ${r.formProxy}`, style: { face: 'bold', size: SIZE.small } });
  }
  if (r.zoneLine !== undefined) {
    cell.push({
      text: `The form is too short for it; in the zone's text mode add: ${r.zoneLine}`,
      style: muted,
    });
  }
  // The parts are listed once: in the form's value, in the zone line, or here.
  if (r.valueStrings !== undefined && r.formValue === undefined && r.zoneLine === undefined) {
    cell.push({
      text: `If your DNS host asks for parts of at most 255 characters, type these ${r.valueStrings.length} parts:`,
      style: muted,
    });
    r.valueStrings.forEach((piece, i) => {
      cell.push({ text: `${i + 1}. "${piece}"`, style: muted });
    });
  }
  return cell;
}

function statusCell(r: RecordRow): TableCell {
  return [
    {
      text: r.statusWords ?? STATUS_WORDS[r.status],
      style: { face: 'bold', color: STATUS_COLOR[r.status] },
    },
  ];
}

/** The records table: what to publish, how to type it at this DNS host, and its status. */
export function drawRecords(flow: PdfFlow, s: SetupSummary): void {
  heading(flow, 'Records to publish');
  const changes = s.records.some((r) => r.action === 'edit' || r.action === 'delete');
  body(
    flow,
    `${changes ? 'Make these changes' : 'Add these records'} at your DNS host${s.dnsHostName !== undefined ? ` (${s.dnsHostName})` : ''}${changes ? ', against what your domain publishes today: each record says whether to add it, edit the one you have, delete it or keep it' : ''}. The first column gives each record's full name and, under it, what to type in the Name box of the form. TTL is how long, in seconds, other servers may remember the record.`,
  );
  flow.gap(6);
  drawTable(
    flow,
    [
      { header: 'Name', weight: 27 },
      { header: 'Type', weight: 7 },
      { header: 'Value', weight: 45 },
      { header: 'TTL', weight: 7 },
      { header: 'Status', weight: 14 },
    ],
    s.records.map((r) => [
      nameCell(r, s.dnsHostName),
      [{ text: r.type, style: { face: 'bold' } }],
      valueCell(r),
      [{ text: String(r.ttl) }],
      statusCell(r),
    ]),
  );
  const merges = s.records.filter((r) => r.mergeNote !== undefined);
  if (merges.length > 0) {
    flow.gap(8);
    heading(flow, 'Notes on these records', 2);
    bullets(
      flow,
      merges.map((r) => `${r.fullName.unicode} (${r.type}): ${r.mergeNote ?? ''}`),
    );
  }
  if (s.dmarcApplies !== undefined) {
    flow.gap(8);
    heading(flow, 'Which DMARC record applies', 2);
    body(flow, s.dmarcApplies);
  }
}
