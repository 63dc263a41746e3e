import type { CheckId } from '../../shared/checks/catalogue';
import type { Finding } from '../../shared/checks/finding';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { CheckDocument, VerifyProgress } from '../../shared/checks/verify-progress';
import type { EvalContext } from '../../shared/checks/eval-context';
import type { Plan } from '../../shared/model/plan';
import { unknownFinding } from '../../shared/checks/finding-make';
import { withCapNotes } from '../../shared/checks/cap-notes';
import { evaluateDomainValid } from '../../shared/checks/domain-checks';
import { evaluatePublicIps } from '../../shared/checks/host-checks';
import { createViews, type ViewsOptions } from '../dns/views';
import { VERSION } from '../cli/version';
import { checkDocument } from './check-document';
import { createRunLookups } from './run-lookups';
import { dnsGroups } from './dns-groups';
import type { DnsGroupState } from './dns-run';
import type { ProbeGroup, SharedFacts } from './probe-group';

/** One verification run's input. */
export interface VerifyRunInput {
  plan: Plan;
  options?: VerifyOptions;
  /** Cancels the run: every query stops, unfinished checks end `unknown`, the document says cancelled. */
  signal?: AbortSignal;
  onProgress?: (event: VerifyProgress) => void;
  /** Probe groups beside the DNS ones (SMTP). */
  groups?: readonly ProbeGroup[];
  /** DNS layer settings the options do not carry (tests: DoH endpoints, system servers, onSend). */
  viewsOptions?: Partial<ViewsOptions>;
  version?: string;
  now?: () => Date;
}

/**
 * Run every check of a plan. Probes run concurrently, bounded by the DNS layer's limit, with
 * one cache for the run (a new run starts empty); each group's findings are streamed as soon as
 * its observations are in. Never throws for network trouble: what could not be checked is
 * `unknown` with the reason.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export async function runVerification(input: VerifyRunInput): Promise<CheckDocument> {
  const now = input.now ?? (() => new Date());
  const startedAt = now();
  const plan = input.plan;
  const options = input.options ?? {};
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) onAbort();
  else input.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;

  const findings: Finding[] = [];
  // Tracked per check AND subject: a group that stops after its first address must still
  // leave an `unknown` for the second one, never silence.
  const started = new Map<string, { check: CheckId; subject: string }>();
  const finished = new Set<string>();
  const pairKey = (check: string, subject: string): string => `${check}\u0000${subject}`;
  /**
   * Started (check, subject) pairs with no finding. A check whose findings name subjects it never
   * started (e.g. started for the domain, reported per MX target) is taken as finished.
   */
  const unfinished = (): { key: string; check: CheckId; subject: string }[] => {
    const foreign = new Set(
      findings.filter((f) => !started.has(pairKey(f.check, f.subject))).map((f) => f.check),
    );
    return [...started]
      .filter(([key, { check }]) => !finished.has(key) && !foreign.has(check))
      .map(([key, pair]) => ({ key, ...pair }));
  };
  const progress = (e: VerifyProgress): void => {
    try {
      input.onProgress?.(e);
    } catch {
      // A listener that throws must not break the run.
    }
  };
  const start = (check: CheckId, subject: string): void => {
    const key = pairKey(check, subject);
    if (!started.has(key)) started.set(key, { check, subject });
    progress({ type: 'check-started', check, subject });
  };
  const emit = (judged: Finding): void => {
    const f = withCapNotes(judged);
    findings.push(f);
    finished.add(pairKey(f.check, f.subject));
    progress({ type: 'check-finished', finding: f });
  };

  const offline: EvalContext = { plan, observedAt: startedAt.toISOString() };
  start('domain.valid', plan.domain);
  const valid = evaluateDomainValid(offline);
  emit(valid);
  if (plan.ipv4.length + plan.ipv6.length > 0) start('host.public-ip', plan.mailHost);
  for (const f of evaluatePublicIps(offline)) emit(f);

  let queries = 0;
  let reachable: boolean | undefined;
  if (valid.status !== 'fail') {
    const views = createViews({
      ...(options.resolvers ? { resolvers: options.resolvers } : {}),
      ...(options.nsPort ? { nsPort: options.nsPort } : {}),
      timeoutMs: options.timeoutMs ?? 3000,
      concurrency: options.concurrency ?? 64,
      ...input.viewsOptions,
      signal,
    });
    const lookups = createRunLookups(views, plan.domain, signal);
    const state: DnsGroupState = { plan, options, lookups, views, now, signal, start, emit };
    const dns = dnsGroups(state);
    const facts: SharedFacts = dns.facts;
    const extra = (input.groups ?? []).filter((g) => g.enabled?.(options) ?? true);
    await Promise.all([
      ...dns.runs.map((r) => guard(r.checks, r.run)),
      ...extra.map((g) =>
        guard(g.checks, () =>
          g.run({
            plan,
            options,
            signal,
            facts,
            started: start,
            emit,
            note: (message) => progress({ type: 'note', message }),
          }),
        ),
      ),
    ]);
    queries = views.stats().queries;
    reachable = lookups.reachedAny();
  }

  async function guard(checks: readonly CheckId[], run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      for (const { check, subject } of unfinished()) {
        if (checks.includes(check))
          emit(
            unknownFinding(
              check,
              subject,
              `the check stopped with an error (${(e as Error).message})`,
            ),
          );
      }
    }
  }

  // Anything started but never finished (a group that returned early, a cancel) ends unknown.
  for (const { check, subject } of unfinished()) {
    emit(
      unknownFinding(
        check,
        subject,
        signal.aborted ? 'the check was cancelled' : 'the check did not finish',
      ),
    );
  }
  input.signal?.removeEventListener('abort', onAbort);
  return checkDocument({
    version: input.version ?? VERSION,
    domain: plan.domain,
    startedAt,
    finishedAt: now(),
    findings,
    queries,
    ...(reachable !== undefined ? { reachable } : {}),
    ...(signal.aborted ? { cancelled: true } : {}),
  });
}
