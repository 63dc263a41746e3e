import { dateWords } from '../../shared/summary/date-words';
import type { PdfFlow } from './pdf-flow';
import { body, bullets, heading } from './pdf-heading';
import { COLOR, SIZE } from './pdf-style';
import { drawTable } from './pdf-table';
import type { SetupSummary } from './setup-summary';
import { WARMUP_ADVICE, WARMUP_TITLE } from '../../shared/summary/warmup-advice';

/** Next steps: the SPF/DMARC ladder with dates, warming up the address, mail app settings. */
export function drawNextSteps(flow: PdfFlow, s: SetupSummary): void {
  heading(flow, 'Next steps');
  heading(flow, 'Make SPF and DMARC stricter, step by step', 2);
  if (s.ladder.length === 0) {
    body(
      flow,
      'Your SPF and DMARC records are already at their strictest setting. Nothing to change.',
    );
  } else {
    body(
      flow,
      'Start gentle so that no real mail is lost while you check the reports, then tighten. Each step below says when it is safe.',
    );
    flow.gap(6);
    drawTable(
      flow,
      [
        { header: 'Record', weight: 14 },
        { header: 'Now', weight: 30 },
        { header: 'Next', weight: 30 },
        { header: 'When', weight: 26 },
      ],
      s.ladder.map((step) => [
        [
          { text: step.label, style: { face: 'bold' } },
          { text: step.name, style: { size: SIZE.small, color: COLOR.muted } },
        ],
        [{ text: step.current }],
        [{ text: step.next }],
        [
          { text: step.when },
          ...(step.earliest
            ? [
                {
                  text:
                    step.latest !== undefined
                      ? `Between ${dateWords(step.earliest)} and ${dateWords(step.latest)}.`
                      : `Not before ${dateWords(step.earliest)}.`,
                  style: { face: 'bold' as const },
                },
              ]
            : []),
        ],
      ]),
    );
  }
  if (s.newAddressAdvice) {
    flow.gap(8);
    heading(flow, WARMUP_TITLE, 2);
    bullets(flow, WARMUP_ADVICE);
  }
  if (s.mailClient !== undefined) {
    flow.gap(8);
    heading(flow, 'Settings for mail apps', 2);
    body(
      flow,
      `In Thunderbird, Outlook or a phone's mail app, use ${s.mailClient.server} as the server name for both sending and receiving, your full email address as the user name, and these ports:`,
    );
    flow.gap(6);
    drawTable(
      flow,
      [
        { header: 'Use', weight: 22 },
        { header: 'Port', weight: 10 },
        { header: 'Security', weight: 16 },
        { header: 'What the check saw', weight: 52 },
      ],
      s.mailClient.ports.map((p) => [
        [{ text: p.role }],
        [{ text: String(p.service), style: { face: 'bold' } }],
        [{ text: p.security }],
        [{ text: p.seen }],
      ]),
    );
  }
}
