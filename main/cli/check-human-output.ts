import type { Finding, Status } from '../../shared/checks/finding';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import { CHECK_GROUPS, checkInfo } from '../../shared/checks/catalogue';

/** Whether to colour output: a terminal, and NO_COLOR unset (https://no-color.org). */
export function useColour(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return (
    stream.isTTY === true &&
    (env.NO_COLOR === undefined || env.NO_COLOR === '') &&
    env.TERM !== 'dumb'
  );
}

const MARK: Record<Status, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  pending: 'WAIT',
  unknown: ' ?? ',
  info: 'INFO',
};
const COLOUR: Record<Status, number> = {
  pass: 32,
  warn: 33,
  fail: 31,
  pending: 36,
  unknown: 35,
  info: 34,
};

function paint(text: string, code: number, on: boolean): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => `${pad}${l}`)
    .join('\n');
}

function findingLines(f: Finding, colour: boolean): string {
  const head = `  ${paint(`[${MARK[f.status]}]`, COLOUR[f.status], colour)} ${f.title}  ${paint(`(${f.check}, ${f.subject})`, 90, colour)}`;
  const parts = [head];
  if (f.status !== 'pass') parts.push(indent(f.detail, '         '));
  if (f.eta) parts.push(`         Expected by: ${new Date(f.eta).toLocaleString()}`);
  if (f.fix) parts.push(indent(`What to do: ${f.fix}`, '         '));
  return parts.join('\n');
}

/** The report a person reads: findings grouped as in the app, problems with their fix, then the totals. */
export function humanReport(doc: CheckDocument, colour: boolean): string {
  const out: string[] = [
    `Mailwright ${doc.version}: checks of ${doc.domain} (${(doc.durationMs / 1000).toFixed(1)} s)`,
    '',
  ];
  for (const group of CHECK_GROUPS) {
    const fs = doc.findings.filter((f) => checkInfo(f.check)?.group === group.id);
    if (fs.length === 0) continue;
    out.push(paint(group.title, 1, colour));
    for (const f of fs) out.push(findingLines(f, colour));
    out.push('');
  }
  const unknownIds = doc.findings.filter((f) => !checkInfo(f.check));
  if (unknownIds.length) {
    out.push(paint('Other', 1, colour));
    for (const f of unknownIds) out.push(findingLines(f, colour));
    out.push('');
  }
  const s = doc.summary;
  out.push(
    `${s.pass} passed, ${s.warn} to improve, ${s.fail} failed, ${s.pending} waiting to spread, ${s.unknown} could not be checked, ${s.info} for information.`,
  );
  if (doc.cancelled) out.push('The run was cancelled: some checks did not finish.');
  return `${out.join('\n')}\n`;
}
