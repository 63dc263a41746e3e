import type { PdfFlow } from './pdf-flow';
import { body, bullets, heading, numbered } from './pdf-heading';
import { COLOR, SIZE, STATUS_COLOR } from './pdf-style';
import { drawTable } from './pdf-table';
import type { ProviderRequest, SetupSummary } from './setup-summary';
import { STATUS_WORDS } from '../../shared/summary/status-words';

function request(flow: PdfFlow, req: ProviderRequest): void {
  heading(flow, req.title, 2);
  if (req.intro !== undefined) {
    body(flow, req.intro);
    flow.gap(4);
  }
  if (req.conditions !== undefined && req.conditions.length > 0) {
    body(flow, 'What they ask for first:', { muted: true });
    bullets(flow, req.conditions);
    flow.gap(4);
    body(flow, 'Then:', { muted: true });
  }
  if (req.steps !== undefined && req.steps.length > 0) {
    numbered(flow, req.steps);
  }
  if (req.text !== undefined) {
    flow.gap(4);
    // The ticket is one piece to copy: kept on one page (with its label) when it fits, and
    // set off by an indent.
    flow.write(
      [
        ...flow.wrap(
          'Text to send to support:',
          { size: SIZE.body, color: COLOR.muted },
          flow.width,
        ),
        ...flow.wrap(req.text, { size: SIZE.body }, flow.width, 12),
      ],
      true,
    );
  }
  if (req.notes !== undefined && req.notes.length > 0) {
    flow.gap(4);
    body(flow, 'Good to know:', { muted: true });
    bullets(flow, req.notes);
  }
}

/** Reverse DNS: each address's PTR, its status, and the request for the VPS host. */
export function drawReverseDns(flow: PdfFlow, s: SetupSummary): void {
  heading(flow, 'Reverse DNS (PTR)');
  body(
    flow,
    `Receiving servers look up the name behind your server's address. It must be ${s.mailHost.ascii}. Only the owner of the address can set it: your server (VPS) host${s.vpsHostName !== undefined ? `, ${s.vpsHostName}` : ''}, not your DNS host.`,
  );
  flow.gap(6);
  if (s.reverseDns.length > 0) {
    drawTable(
      flow,
      [
        { header: 'Server address', weight: 32 },
        { header: 'Should point to', weight: 28 },
        { header: 'Status', weight: 40 },
      ],
      s.reverseDns.map((r) => [
        [{ text: r.ip }],
        [{ text: r.expected }],
        [
          { text: STATUS_WORDS[r.status], style: { face: 'bold', color: STATUS_COLOR[r.status] } },
          ...r.notes.map((n) => ({ text: n, style: { size: SIZE.small, color: COLOR.muted } })),
        ],
      ]),
    );
  }
  flow.gap(6);
  if (s.ptrRequest !== undefined) {
    request(flow, s.ptrRequest);
  } else {
    body(
      flow,
      `Ask your server host to set the reverse DNS of ${[...s.ipv4, ...s.ipv6].join(', ')} to ${s.mailHost.ascii}. Many hosts have a "Reverse DNS" or "PTR" box next to the address in their panel; others do it through a support ticket.`,
    );
  }
  if (s.port25Request !== undefined) {
    flow.gap(8);
    request(flow, s.port25Request);
  }
}
