import type { Finding } from '../../shared/checks/finding';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { CheckDocument, VerifyProgress } from '../../shared/checks/verify-progress';
import type { EvalContext } from '../../shared/checks/eval-context';
import type { Plan } from '../../shared/model/plan';
import { unknownFinding } from '../../shared/checks/finding-make';
import { evaluateDomainValid } from '../../shared/checks/domain-checks';
import { evaluatePublicIps } from '../../shared/checks/host-checks';
import type { ViewsOptions } from '../dns/views';
import { viewsForCheck } from '../dns/views-for-check';
import { VERSION } from '../cli/version';
import { checkDocument } from './check-document';
import { createRunLookups } from './run-lookups';
import { dnsGroups } from './dns-groups';
import type { ProbeGroup } from './probe-group';
import { createRunLedger, type RunLedger } from './run-ledger';

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

/** A signal of our own that follows the caller's: the run can stop even when no caller signal was given. */
function followSignal(outer?: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, release: () => outer?.removeEventListener('abort', onAbort) };
}

/** The checks that need no network (the domain's shape, the plan's addresses); the domain's one. */
function judgeOffline(ledger: RunLedger, plan: Plan, startedAt: Date): Finding {
  const offline: EvalContext = { plan, observedAt: startedAt.toISOString() };
  ledger.start('domain.valid', plan.domain);
  const valid = evaluateDomainValid(offline);
  ledger.emit(valid);
  if (plan.ipv4.length + plan.ipv6.length > 0) ledger.start('host.public-ip', plan.mailHost);
  for (const f of evaluatePublicIps(offline)) ledger.emit(f);
  return valid;
}

/** The DNS groups and the extra probe groups, all at once, each guarded; what the network saw. */
async function runGroups(
  input: VerifyRunInput,
  ledger: RunLedger,
  signal: AbortSignal,
  now: () => Date,
): Promise<{ queries: number; reachable: boolean }> {
  const { plan } = input;
  const options = input.options ?? {};
  const views = viewsForCheck(options, input.viewsOptions, signal);
  const lookups = createRunLookups(views, plan.domain, signal);
  const { start, emit } = ledger;
  const dns = dnsGroups({ plan, options, lookups, views, now, signal, start, emit });
  const extra = (input.groups ?? []).filter((g) => g.enabled?.(options) ?? true);
  await Promise.all([
    ...dns.runs.map((r) => ledger.guard(r.checks, r.run)),
    ...extra.map((g) =>
      ledger.guard(g.checks, () =>
        g.run({
          plan,
          options,
          signal,
          facts: dns.facts,
          started: start,
          emit,
          note: (message) => ledger.progress({ type: 'note', message }),
        }),
      ),
    ),
  ]);
  return { queries: views.stats().queries, reachable: lookups.reachedAny() };
}

/**
 * Run every check of a plan. Probes run concurrently, bounded by the DNS layer's limit, with
 * one cache for the run (a new run starts empty); each group's findings are streamed as soon as
 * its observations are in. Never throws for network trouble: what could not be checked is
 * `unknown` with the reason.
 */
export async function runVerification(input: VerifyRunInput): Promise<CheckDocument> {
  const now = input.now ?? (() => new Date());
  const startedAt = now();
  const { signal, release } = followSignal(input.signal);
  const ledger = createRunLedger(input.onProgress);

  const valid = judgeOffline(ledger, input.plan, startedAt);
  const seen = valid.status !== 'fail' ? await runGroups(input, ledger, signal, now) : undefined;

  // Anything started but never finished (a group that returned early, a cancel) ends unknown.
  for (const { check, subject } of ledger.unfinished()) {
    ledger.emit(
      unknownFinding(
        check,
        subject,
        signal.aborted ? 'the check was cancelled' : 'the check did not finish',
      ),
    );
  }
  release();
  return checkDocument({
    version: input.version ?? VERSION,
    domain: input.plan.domain,
    startedAt,
    finishedAt: now(),
    findings: ledger.findings,
    queries: seen?.queries ?? 0,
    ...(seen ? { reachable: seen.reachable } : {}),
    ...(signal.aborted ? { cancelled: true } : {}),
  });
}
