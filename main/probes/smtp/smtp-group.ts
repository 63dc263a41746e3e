import { isIP } from 'node:net';
import { makeFinding } from '../../../shared/checks/finding-make';
import { evaluateSmtp, SMTP_CHECKS } from '../../../shared/checks/smtp-evaluate';
import { submissionNotThroughOverride, throughLabel } from '../../../shared/checks/smtp-override';
import type {
  ControlObservation,
  SmtpAddressObservation,
  SmtpServerObservation,
} from '../../../shared/checks/smtp-observation';
import { DEFAULT_TIMEOUT_MS, type VerifyOptions } from '../../../shared/checks/verify-options';
import type { ProbeGroup, ProbeGroupContext } from '../../verify/probe-group';
import { probeControlMx } from './control-probe';
import { probeSmtpServer } from './smtp-conversation';
import { smtpTimeouts } from './smtp-timeouts';
import { probeSubmissionPorts, type SubmissionService } from './submission-probe';

/** Settings of the SMTP group beyond the run's options: for tests and special setups. */
export interface SmtpGroupConfig {
  /** Extra trusted CAs (PEM) for the certificate chain check, e.g. a test CA. */
  extraCa?: readonly string[];
  /** Where the mail-app ports really listen (tests), or false to skip them. */
  submissionPorts?: Partial<Record<SubmissionService, number>> | false;
  /** Patience for the greeting (default: 30 s, or the run's timeout when longer). */
  greetingTimeoutMs?: number;
  /** After how long a slow greeting gets a progress note (default 3 s). */
  noteAfterMs?: number;
  /** The EHLO name (default: the address literal of this end). */
  ehloName?: string;
  /** The plan file name for the "run it on the server" command (default: the run's, else mailwright-<domain>.json). */
  planFile?: string;
  /** The clock certificate dates are judged against (tests). */
  now?: () => Date;
  /** Told of each port-25 conversation and when the group is done (the secure-delivery group reads them). */
  sightings?: { add(server: SmtpServerObservation): void; finish(): void };
}

/** The checks this group emits. */
export const SMTP_GROUP_CHECKS = [...SMTP_CHECKS, 'submission.ports'] as const;

/** The plan file name the run was given, when the options carry one (CLI: --plan FILE). */
function planFileOf(options: VerifyOptions): string | undefined {
  const value = (options as { planFile?: unknown }).planFile;
  return typeof value === 'string' && value ? value : undefined;
}

/** Emit `unknown` for every check when there is no address to connect to. */
function noAddresses(ctx: ProbeGroupContext): void {
  const subject = ctx.plan.mailHost;
  for (const check of SMTP_GROUP_CHECKS) {
    ctx.started(check, subject);
    ctx.emit(
      makeFinding(check, subject, 'unknown', {
        title: 'Could not be checked: the mail host has no address',
        detail: `Could not check this: ${subject} has no A or AAAA record yet, and the plan has no server address, so there is nothing to connect to.`,
        fix: `Publish the A record of ${subject} (see host.a), then run the check again.`,
      }),
    );
  }
}

/** What every conversation of one run shares, settled before the first one starts. */
interface SmtpRun {
  ctx: ProbeGroupContext;
  config: SmtpGroupConfig;
  /** --smtp-address: where every conversation goes instead. */
  override: string | undefined;
  port: number;
  timeouts: ReturnType<typeof smtpTimeouts>;
  /** Whether the submission.ports check runs; the ports are probed only without an override. */
  probeSubmission: boolean;
  planFile: string;
  firstV4: string | undefined;
  control: Promise<ControlObservation>;
}

/** The run's settings from its options and the group's config; starts the control connection. */
function smtpRun(ctx: ProbeGroupContext, config: SmtpGroupConfig, addresses: string[]): SmtpRun {
  const { plan, options, signal } = ctx;
  const override = options.smtpAddress;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    ctx,
    config,
    override,
    port: options.smtpPort ?? 25,
    timeouts: smtpTimeouts(timeoutMs, config.greetingTimeoutMs),
    probeSubmission: config.submissionPorts !== false,
    // Without a file name from the CLI, name the file the app's JSON export saves.
    planFile:
      config.planFile ??
      planFileOf(options) ??
      `mailwright-${plan.domain.replace(/[^a-z0-9.-]/gi, '_')}.json`,
    firstV4: addresses.find((a) => isIP(a) === 4),
    // Through --smtp-address the detour decides reachability: a control MX would say nothing.
    control: override
      ? Promise.resolve({ status: 'skipped' })
      : probeControlMx({
          ...(options.controlMx ? { target: options.controlMx } : {}),
          timeoutMs,
          signal,
        }),
  };
}

/** Port 25, the mail-app ports (unless overridden) and the PTR names of one address, at once. */
async function observeAddress(r: SmtpRun, subject: string): Promise<SmtpAddressObservation> {
  const { ctx, config, override, timeouts } = r;
  const { plan, signal } = ctx;
  const address = override ?? subject;
  const extraCa = config.extraCa ? { extraCa: config.extraCa } : {};
  const [server, submission, ptrNames] = await Promise.all([
    probeSmtpServer({
      address,
      port: r.port,
      mailHost: plan.mailHost,
      timeouts,
      signal,
      onNote: (message) => ctx.note(message),
      ...extraCa,
      ...(config.noteAfterMs !== undefined ? { noteAfterMs: config.noteAfterMs } : {}),
      ...(config.ehloName ? { ehloName: config.ehloName } : {}),
    }),
    r.probeSubmission && !override
      ? probeSubmissionPorts({
          address,
          mailHost: plan.mailHost,
          timeouts,
          signal,
          ...extraCa,
          ...(config.submissionPorts ? { ports: config.submissionPorts } : {}),
        })
      : Promise.resolve(undefined),
    isIP(subject) !== 0
      ? ctx.facts.ptrNames(subject).catch(() => [] as string[])
      : Promise.resolve([] as string[]),
  ]);
  config.sightings?.add(server);
  return {
    server,
    ...(submission ? { submission } : {}),
    ...(ptrNames.length > 0 ? { ptrNames } : {}),
    ...(override ? { standsFor: subject } : {}),
  };
}

/** Probe one address and emit its findings as soon as it is done. */
async function checkAddress(r: SmtpRun, subject: string): Promise<void> {
  const { ctx, config, override } = r;
  const observed = await observeAddress(r, subject);
  const findings = evaluateSmtp({
    mailHost: ctx.plan.mailHost,
    control: await r.control,
    addresses: [observed],
    observedAt: (config.now?.() ?? new Date()).toISOString(),
    ...(r.planFile ? { planFile: r.planFile } : {}),
    ...(r.firstV4 ? { copyTo: r.firstV4 } : {}),
    ...(ctx.plan.vpsHost ? { vpsHost: ctx.plan.vpsHost } : {}),
  });
  for (const finding of findings) ctx.emit(finding);
  if (override && r.probeSubmission)
    ctx.emit(submissionNotThroughOverride(subject, throughLabel(override, r.port)));
}

/** Every address of the mail host (or the mail host itself through --smtp-address), at once. */
async function runSmtp(ctx: ProbeGroupContext, config: SmtpGroupConfig): Promise<void> {
  const addresses = [...new Set(await ctx.facts.mailHostAddresses())].filter((a) => isIP(a) !== 0);
  // With --smtp-address every conversation goes there instead; the findings stay about the
  // planned addresses, or about the mail host when it has none yet.
  const override = ctx.options.smtpAddress;
  const subjects = addresses.length > 0 ? addresses : override ? [ctx.plan.mailHost] : [];
  if (subjects.length === 0) return noAddresses(ctx);
  const r = smtpRun(ctx, config, addresses);
  for (const subject of subjects) {
    for (const check of SMTP_CHECKS) ctx.started(check, subject);
    if (r.probeSubmission) ctx.started('submission.ports', subject);
  }
  await Promise.all(subjects.map((subject) => checkAddress(r, subject)));
}

/**
 * The SMTP probe group: for each address of the mail host, a conversation on port 25 (greeting,
 * EHLO, STARTTLS, certificate) and the mail-app ports, next to one control connection to a
 * well-known MX; findings are judged in shared/checks/smtp-* and emitted per address as soon as
 * that address is done. With `smtpAddress` (--smtp-address) each conversation goes to that address
 * instead, without the control MX or the mail-app ports (shared/checks/smtp-override.ts).
 */
export function createSmtpGroup(config: SmtpGroupConfig = {}): ProbeGroup {
  return {
    id: 'smtp',
    checks: SMTP_GROUP_CHECKS,
    enabled: (options) => !options.noSmtp,
    async run(ctx) {
      try {
        await runSmtp(ctx, config);
      } finally {
        config.sightings?.finish();
      }
    },
  };
}

/** The SMTP group with real-world settings, for the orchestrator's list of groups. */
export const smtpProbeGroup: ProbeGroup = createSmtpGroup();
