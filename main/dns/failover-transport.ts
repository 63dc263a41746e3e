import { canonicalName } from './dns-names';
import type { DnsOutcome, DnsResult, DnsTransport } from './types';

/**
 * Ask transports in order, moving to the next while the outcome is one of `moveOn` (by default
 * timeout and error: the server could not be asked, which says nothing about the name). The
 * last answer is returned, with the earlier failures noted in its error text when it failed too.
 * The transport that last answered is asked first next time, so a dead system resolver costs
 * one timeout per run, not one per query.
 */
export function createFailoverTransport(
  transports: DnsTransport[],
  moveOn: DnsOutcome[] = ['timeout', 'error'],
): DnsTransport {
  if (transports.length === 1 && transports[0]) return transports[0];
  let preferred = 0;
  return {
    server: transports.map((t) => t.server).join(', '),
    query: async (name, type, signal) => {
      if (transports.length === 0) {
        return {
          name: canonicalName(name),
          type,
          outcome: 'error',
          records: [],
          server: 'none',
          elapsedMs: 0,
          error: 'No resolver is configured.',
        } satisfies DnsResult;
      }
      const order = [preferred, ...transports.keys()].filter((i, at, all) => all.indexOf(i) === at);
      const failures: string[] = [];
      let last: DnsResult | undefined;
      // A server that said "there is more than fits" was asked first: a later "no record" (the
      // system resolver asking the same broken server) does not undo that.
      let unreadable: DnsResult | undefined;
      for (const index of order) {
        const transport = transports[index];
        if (!transport) continue;
        last = await transport.query(name, type, signal);
        if (!moveOn.includes(last.outcome)) {
          preferred = index;
          return unreadable && last.outcome !== 'answer' ? unreadable : last;
        }
        if (last.unreadable) unreadable ??= last;
        if (signal?.aborted) return last;
        failures.push(last.error ?? `${transport.server}: ${last.outcome}`);
      }
      return last && failures.length > 1
        ? { ...last, error: failures.join(' '), ...(unreadable && { unreadable: true }) }
        : (last as DnsResult);
    },
  };
}
