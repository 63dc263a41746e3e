import type { Finding } from '../checks/finding';

/** One line of the mail-app settings: a port people type into Thunderbird, Outlook, a phone. */
export interface MailClientPort {
  service: 587 | 465 | 993 | 995;
  /** "Sending (SMTP)", "Receiving (IMAP)"... */
  role: string;
  /** The Security setting as mail apps name it. */
  security: string;
  /** What the check saw at each server address, in plain words. */
  seen: string;
}

/** The mail-app settings page of the summary. */
export interface MailClientSettings {
  server: string;
  ports: MailClientPort[];
}

const SERVICES: readonly Omit<MailClientPort, 'seen'>[] = [
  { service: 587, role: 'Sending (SMTP)', security: 'STARTTLS' },
  { service: 465, role: 'Sending (SMTP)', security: 'SSL/TLS' },
  { service: 993, role: 'Receiving (IMAP)', security: 'SSL/TLS' },
  { service: 995, role: 'Receiving (POP3)', security: 'SSL/TLS' },
];

/** The per-port state the submission.ports finding carries in evidence.ports (shared/checks). */
interface PortState {
  service: number;
  open: boolean;
  tls?: string;
  certificateNames?: string;
  certificateOk?: boolean;
  problem?: string;
}

function portStates(finding: Finding): PortState[] {
  const list = finding.evidence?.['ports'];
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is PortState =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as PortState).service === 'number' &&
      typeof (p as PortState).open === 'boolean',
  );
}

function describe(state: PortState): string {
  if (!state.open) return 'closed or not answering';
  const tls = state.tls !== undefined ? `, ${state.tls.replace('TLSv', 'TLS ')}` : '';
  if (state.problem !== undefined) return `open${tls}; certificate problem: ${state.problem}`;
  const cert =
    state.certificateNames !== undefined ? `, certificate for ${state.certificateNames}` : '';
  return `open${tls}${cert}`;
}

/**
 * The mail-app settings, from the run's submission.ports findings (one per server address).
 * Undefined when the run did not probe those ports: the summary says nothing it has not seen.
 */
export function mailClientSettings(
  mailHost: string,
  findings: readonly Finding[] | undefined,
): MailClientSettings | undefined {
  const relevant = (findings ?? []).filter((f) => f.check === 'submission.ports');
  if (relevant.length === 0) return undefined;
  const seen = new Map<number, string[]>();
  const unknown: string[] = [];
  for (const f of relevant) {
    const states = portStates(f);
    if (states.length === 0) {
      unknown.push(`${f.subject}: ${f.title}`);
      continue;
    }
    for (const s of states) {
      const lines = seen.get(s.service) ?? [];
      lines.push(relevant.length > 1 ? `${f.subject}: ${describe(s)}` : describe(s));
      seen.set(s.service, lines);
    }
  }
  const ports = SERVICES.filter(
    (s) => seen.has(s.service) || (seen.size === 0 && s.service !== 995),
  ).map((s) => ({
    ...s,
    seen: [...(seen.get(s.service) ?? []), ...unknown].join('\n') || 'Not checked.',
  }));
  return { server: mailHost, ports };
}
