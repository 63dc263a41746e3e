import type { DnsResult } from '../dns/types';

/**
 * Why a wizard lookup could not be made, as a clause to put after a colon ("We could not look
 * up mail.example.com: no answer in time."); null when the answer is usable (an answer, or a
 * sure "no such record"). The DNS layer's own sentences end with a full stop; this does not.
 */
export function lookupFailure(r: DnsResult): string | null {
  switch (r.outcome) {
    case 'answer':
    case 'nodata':
    case 'nxdomain':
      return null;
    case 'timeout':
      return 'no answer in time';
    case 'servfail':
      return 'the DNS server reported a failure';
    case 'refused':
      return 'the DNS server refused to answer';
    default: {
      const text = (r.error ?? 'the lookup failed').replace(/\.+$/, '');
      return text.charAt(0).toLowerCase() + text.slice(1);
    }
  }
}
