import type { Finding } from '../../shared/checks/finding';

/** One line of the mail-app settings: a port people type into Thunderbird, Outlook, a phone. */
export interface MailClientPort {
  service: 587 | 465 | 993 | 995;
  /** "Sending (SMTP)", "Receiving (IMAP)"... */
  role: string;
  /** The Security setting as mail apps name it. */
  security: string;
  /** What the check saw for this port, in its own words ("not checked" when no finding says). */
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

function servicesNamed(finding: Finding): number[] {
  const found = new Set<number>();
  const evidence = finding.evidence ?? {};
  const direct = evidence['service'];
  if (typeof direct === 'number') found.add(direct);
  const list = evidence['ports'] ?? evidence['submission'];
  if (Array.isArray(list)) {
    for (const item of list) {
      const s = (item as { service?: unknown }).service;
      if (typeof s === 'number') found.add(s);
    }
  }
  if (found.size === 0) {
    for (const m of `${finding.subject} ${finding.title}`.matchAll(/\b(587|465|993|995)\b/g)) {
      found.add(Number(m[1]));
    }
  }
  return [...found];
}

/**
 * The mail-app settings, from the run's submission.ports findings. Undefined when the run did
 * not probe those ports: the summary then says nothing it has not seen.
 */
export function mailClientSettings(
  mailHost: string,
  findings: readonly Finding[] | undefined,
): MailClientSettings | undefined {
  const relevant = (findings ?? []).filter((f) => f.check === 'submission.ports');
  if (relevant.length === 0) return undefined;
  const seen = new Map<number, string[]>();
  for (const f of relevant) {
    const services = servicesNamed(f);
    for (const s of services.length > 0 ? services : [587, 465, 993]) {
      const list = seen.get(s) ?? [];
      if (!list.includes(f.title)) list.push(f.title);
      seen.set(s, list);
    }
  }
  const ports = SERVICES.filter((s) => seen.has(s.service) || s.service !== 995).map((s) => ({
    ...s,
    seen: seen.get(s.service)?.join(' ') ?? 'Not checked.',
  }));
  return { server: mailHost, ports };
}
