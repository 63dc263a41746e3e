import type { Finding } from './finding';
import { judgeSmtpBanner } from './smtp-banner';
import { judgeSmtpCertificate } from './smtp-certificate';
import type { SmtpAddressContext } from './smtp-context';
import { judgeSmtpEhlo } from './smtp-ehlo';
import { smtpGate } from './smtp-gate';
import { judgeSmtpNetwork } from './smtp-network';
import { judgeThroughOverride, throughLabel } from './smtp-override';
import type { ControlObservation, SmtpAddressObservation } from './smtp-observation';
import { judgeSmtpReachable } from './smtp-reachable';
import { judgeSmtpStarttls } from './smtp-starttls';
import { judgeSubmissionPorts } from './smtp-submission';
import { DEFAULT_PLAN_FILE } from './smtp-words';

/** The SMTP checks judged per address, in display order (submission.ports follows them). */
export const SMTP_CHECKS = [
  'smtp.network',
  'smtp.reachable',
  'smtp.banner',
  'smtp.ehlo',
  'smtp.starttls',
  'smtp.certificate',
] as const;

/** Everything the SMTP judgements need. */
export interface SmtpEvaluationInput {
  /** The planned mail host. */
  mailHost: string;
  control: ControlObservation;
  addresses: readonly SmtpAddressObservation[];
  /** When the probes ran (ISO). */
  observedAt: string;
  /** The plan file name, for the command to run on the server (default "mailwright-plan.json"). */
  planFile?: string;
  /** The plan's VPS host id (shared/providers), for what to do when the server itself is blocked. */
  vpsHost?: string;
  /** The server address the plan file would be copied to (default: the first IPv4 address judged). */
  copyTo?: string;
}

/**
 * Judge what the SMTP probes saw: for each address, one finding per SMTP check (SMTP_CHECKS),
 * then submission.ports when the mail-app ports were probed. Subject = the address, or the
 * planned address a conversation through --smtp-address stands for (smtp-override.ts).
 */
export function evaluateSmtp(input: SmtpEvaluationInput): Finding[] {
  const mailHost = input.mailHost.toLowerCase().replace(/\.$/, '');
  // A conversation through --smtp-address connected to a stand-in, never to the server itself.
  const firstV4 =
    input.copyTo ??
    input.addresses.find((a) => a.server.family === 4 && !a.standsFor)?.server.address;
  const findings: Finding[] = [];
  for (const observed of input.addresses) {
    const server = observed.server;
    const through = observed.standsFor ? throughLabel(server.address, server.port) : undefined;
    const ctx: SmtpAddressContext = {
      subject: observed.standsFor ?? server.address,
      ...(through ? { through } : {}),
      mailHost,
      observedAt: input.observedAt,
      control: input.control,
      gate: smtpGate(server, input.control),
      fix: {
        planFile: input.planFile ?? DEFAULT_PLAN_FILE,
        serverAddress: firstV4 ?? observed.standsFor ?? server.address,
        ...(input.vpsHost ? { vpsHost: input.vpsHost } : {}),
      },
      ...(observed.ptrNames ? { ptrNames: observed.ptrNames } : {}),
    };
    if (through) {
      findings.push(...judgeThroughOverride(server, ctx));
    } else {
      findings.push(
        judgeSmtpNetwork(server, ctx),
        judgeSmtpReachable(server, ctx),
        judgeSmtpBanner(server, ctx),
        judgeSmtpEhlo(server, ctx),
        judgeSmtpStarttls(server, ctx),
        judgeSmtpCertificate(server, ctx),
      );
    }
    if (observed.submission) {
      findings.push(
        judgeSubmissionPorts(server.address, observed.submission, mailHost, input.observedAt),
      );
    }
  }
  return findings;
}
