import { PDF_TIME_ZONE_NOTE, dateTimeWords } from '../../shared/summary/date-words';
import { PDF_FINDINGS_PLACE, statusWords } from '../../shared/summary/overall-status';
import { domainText } from './domain-label';
import type { PdfFlow } from './pdf-flow';
import { body, bullets } from './pdf-heading';
import { COLOR, SIZE, STATUS_COLOR } from './pdf-style';
import type { SetupSummary } from './setup-summary';

const STATUS_KIND_COLOR: Record<SetupSummary['status']['kind'], string> = {
  ready: STATUS_COLOR.pass,
  'to-fix': STATUS_COLOR.fail,
  waiting: STATUS_COLOR.pending,
  incomplete: STATUS_COLOR.unknown,
  'not-verified': STATUS_COLOR.unknown,
};

function fact(flow: PdfFlow, label: string, value: string): void {
  const labelWidth = 130;
  const lines = flow.wrap(value, { size: SIZE.h2 }, flow.width - labelWidth);
  const height = lines.reduce((s, l) => s + l.height, 0);
  flow.ensure(height);
  const [first] = flow.wrap(label, { size: SIZE.h2, color: COLOR.muted }, labelWidth);
  if (first) flow.drawLine(first, flow.left, flow.y);
  for (const line of lines) {
    flow.drawLine(line, flow.left + labelWidth, flow.y);
    flow.y += line.height;
  }
  flow.y += 3;
}

/** The cover page: what the setup is and where it stands, for someone who reads nothing else. */
export function drawCover(flow: PdfFlow, s: SetupSummary): void {
  flow.paragraph('Mail setup summary', { face: 'bold', size: SIZE.title });
  flow.gap(4);
  flow.paragraph(s.domain.unicode, { face: 'bold', size: SIZE.domain });
  if (s.domain.international) {
    flow.paragraph(`In DNS this name is written ${s.domain.ascii}`, {
      size: SIZE.body,
      color: COLOR.muted,
    });
  }
  flow.gap(16);

  fact(flow, 'Mail host', domainText(s.mailHost));
  fact(flow, 'Server IPv4', s.ipv4.length > 0 ? s.ipv4.join(', ') : 'None');
  fact(flow, 'Server IPv6', s.ipv6.length > 0 ? s.ipv6.join(', ') : 'None');
  fact(flow, 'What it does', s.modeText);
  fact(
    flow,
    'DNS host',
    s.dnsHostName ??
      (s.dnsHostChosen
        ? "Not in Mailwright's list: the records use general instructions"
        : 'Not chosen yet: the records use general instructions'),
  );
  if (s.vpsHostName !== undefined) fact(flow, 'Server (VPS) host', s.vpsHostName);
  fact(
    flow,
    'Verified',
    s.verifiedAt ? dateTimeWords(s.verifiedAt) : 'Not yet: no check has been run.',
  );
  fact(flow, 'This summary made', dateTimeWords(s.generatedAt));
  fact(flow, 'Times in this summary', PDF_TIME_ZONE_NOTE);

  flow.gap(18);
  flow.paragraph('Status', { size: SIZE.h2, color: COLOR.muted });
  flow.paragraph(s.status.headline, {
    face: 'bold',
    size: SIZE.status + 6,
    color: STATUS_KIND_COLOR[s.status.kind],
  });
  flow.gap(4);
  body(flow, statusWords(s.status, PDF_FINDINGS_PLACE));
  if (s.counts) {
    const c = s.counts;
    flow.gap(6);
    body(
      flow,
      `Checks: ${c.pass} passed, ${c.fail} to fix, ${c.warn} advised, ${c.pending} waiting for DNS, ${c.unknown} could not run, ${c.info} for information.`,
      { muted: true },
    );
  }

  flow.gap(20);
  flow.paragraph('In this summary', { face: 'bold', size: SIZE.h2 });
  flow.gap(4);
  bullets(flow, [
    'Records: every DNS record to publish, written the way your DNS host wants it, with the result of its check.',
    'Findings: what the check found, in plain words, and what to do about each problem.',
    'Reverse DNS: the request to send to your server host so that your server address points back to its name.',
    'Next steps: when to make SPF and DMARC stricter, how to warm up a new server address, and mail app settings.',
  ]);
  flow.gap(10);
  body(
    flow,
    'This summary never contains your DKIM private key. Keep that key only on your mail server.',
    { muted: true },
  );
}
