import type { PdfFlow } from './pdf-flow';
import { body, heading } from './pdf-heading';
import { COLOR, SIZE } from './pdf-style';
import { drawTable } from './pdf-table';
import { STATUS_WORDS } from '../../shared/summary/status-words';
import { describeProvenance } from '../../shared/providers/provider-fact';
import type { ReadinessRow } from '../../shared/summary/sender-requirements';

/** The PDF's section of the readiness table (the Summary shows the same rows). */
export interface ReadinessSection {
  rows: readonly ReadinessRow[];
  /** When the last test message was checked; none: no message checked yet. */
  messageCheckedAt?: string;
}

/** "Ready for Gmail and Yahoo": the published sender requirements with their status and fix. */
export function drawSenderReadiness(flow: PdfFlow, section: ReadinessSection): void {
  heading(flow, 'Ready for Gmail and Yahoo');
  body(
    flow,
    `What Gmail and Yahoo require of senders, with the result of the last check and of the last test message${section.messageCheckedAt ? ` (checked ${section.messageCheckedAt.slice(0, 16).replace('T', ' ')} UTC)` : ' (none checked yet: the "Test message" step checks one)'}.`,
  );
  flow.gap(6);
  drawTable(
    flow,
    [
      { header: 'Requirement', weight: 34 },
      { header: 'Last check', weight: 14 },
      { header: 'Test message', weight: 14 },
      { header: 'What fixes it', weight: 38 },
    ],
    section.rows.map((r) => [
      [
        { text: r.requirement.value.title, style: { face: 'bold' } },
        {
          text: r.requirement.value.applies === 'bulk' ? 'Bulk senders' : 'Every sender',
          style: { size: SIZE.small, color: COLOR.muted },
        },
      ],
      [{ text: STATUS_WORDS[r.dnsStatus] }],
      [{ text: STATUS_WORDS[r.messageStatus] }],
      // A site owner's words: the checker's commands stay in the JSON and on the Verify step.
      [{ text: r.fix ?? '' }],
    ]),
  );
  flow.gap(4);
  const sources = [...new Set(section.rows.map((r) => describeProvenance(r.requirement)))];
  for (const s of sources) body(flow, s, { muted: true });
}
