import type { DnsOutcome, DnsResult, DnsTransport } from './types';

/**
 * Ask transports in order, moving to the next while the outcome is one of `moveOn` (by default
 * timeout and error: the server could not be asked, which says nothing about the name). The
 * last answer is returned, with the earlier failures noted in its error text when it failed too.
 */
export function createFailoverTransport(
  transports: DnsTransport[],
  moveOn: DnsOutcome[] = ['timeout', 'error'],
): DnsTransport {
  if (transports.length === 1 && transports[0]) return transports[0];
  return {
    server: transports.map((t) => t.server).join(', '),
    query: async (name, type, signal) => {
      const failures: string[] = [];
      let last: DnsResult | undefined;
      for (const transport of transports) {
        last = await transport.query(name, type, signal);
        if (!moveOn.includes(last.outcome) || signal?.aborted) return last;
        failures.push(last.error ?? `${transport.server}: ${last.outcome}`);
      }
      if (!last) throw new Error('createFailoverTransport needs at least one transport');
      return failures.length > 1 ? { ...last, error: failures.join(' ') } : last;
    },
  };
}
