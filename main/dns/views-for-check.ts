import type { VerifyOptions } from '../../shared/checks/verify-options';
import { createViews, type DnsViews, type ViewsOptions } from './views';

/**
 * The DNS views of one `check` or message check: the run's network options (resolvers, nameserver
 * port, timeout, concurrency), then what the caller sets beside them (tests: DoH endpoints).
 */
export function viewsForCheck(
  options: VerifyOptions,
  viewsOptions: Partial<ViewsOptions> | undefined,
  signal: AbortSignal | undefined,
): DnsViews {
  return createViews({
    ...(options.resolvers ? { resolvers: options.resolvers } : {}),
    ...(options.nsPort ? { nsPort: options.nsPort } : {}),
    timeoutMs: options.timeoutMs ?? 3000,
    concurrency: options.concurrency ?? 64,
    ...viewsOptions,
    ...(signal ? { signal } : {}),
  });
}
