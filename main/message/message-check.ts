import type { Plan } from '../../shared/model/plan';
import type { VerifyOptions } from '../../shared/checks/verify-options';
import type { CheckDocument } from '../../shared/checks/verify-progress';
import type { MessageSource } from '../../shared/checks/message-observation';
import { evaluateMessage } from '../../shared/checks/message-evaluate';
import { fromDomainOf } from '../../shared/checks/message-context';
import type { ViewsOptions } from '../dns/views';
import { viewsForCheck } from '../dns/views-for-check';
import { checkDocument } from '../verify/check-document';
import { VERSION } from '../cli/version';
import { gatherMessage } from './message-gather';

/** One message check's input. */
export interface MessageCheckInput {
  bytes: Buffer;
  source: MessageSource;
  plan?: Plan;
  /** The network options of `check` (resolvers, nameserver port, timeout). */
  options?: VerifyOptions;
  viewsOptions?: Partial<ViewsOptions>;
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * Check a test message against DNS as it is now, through the same DNS views and timeouts as
 * `mailwright check`, and return the same document (docs/CHECKS.md) with the message.* findings.
 */
export async function runMessageCheck(input: MessageCheckInput): Promise<CheckDocument> {
  const now = input.now ?? (() => new Date());
  const startedAt = now();
  const options = input.options ?? {};
  const views = viewsForCheck(options, input.viewsOptions, input.signal);
  const obs = await gatherMessage({
    bytes: input.bytes,
    source: input.source,
    ...(input.plan ? { plan: input.plan } : {}),
    dns: views.recursive,
    ...(input.signal ? { signal: input.signal } : {}),
    now,
  });
  const findings = evaluateMessage(obs, input.plan ? { plan: input.plan } : {});
  const queries = views.stats().queries;
  return checkDocument({
    version: VERSION,
    domain: input.plan?.domain ?? fromDomainOf(obs) ?? '',
    startedAt,
    finishedAt: now(),
    findings,
    queries,
    ...(input.signal?.aborted ? { cancelled: true } : {}),
  });
}
