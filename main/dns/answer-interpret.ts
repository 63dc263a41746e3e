import { recordCap } from '../../shared/checks/dns-limits';
import { canonicalName } from './dns-names';
import type { DnsOutcome, DnsRecord, QueryType, SoaRecord } from './types';

/** A decoded response, whatever carried it (UDP, TCP, DoH wire or DoH JSON). */
export interface ResponseParts {
  name: string;
  type: QueryType;
  /** Response code name: NOERROR, NXDOMAIN, SERVFAIL, REFUSED, FORMERR... */
  rcode: string;
  answers: DnsRecord[];
  authorities: DnsRecord[];
  /** Records of the asked type the decoder counted past the cap without decoding them. */
  omitted?: number;
  /** TC flag: the server said this answer is cut short (over TCP or DoH nothing longer will come). */
  truncated?: boolean;
}

/** What a response means for the question asked. */
export interface Interpretation {
  outcome: DnsOutcome;
  /** The CNAMEs met from the asked name, in order, then the records of the asked type. */
  records: DnsRecord[];
  /** Records of the asked type beyond the cap, counted and dropped. */
  recordsOmitted?: number;
  negativeTtl?: number;
  authoritySoa?: SoaRecord;
  error?: string;
}

/** Longest CNAME chain followed inside one answer; more is a loop or an attack. */
const MAX_CNAME_HOPS = 16;

function followChain(parts: ResponseParts): { chain: DnsRecord[]; final: DnsRecord[] } {
  const chain: DnsRecord[] = [];
  let current = canonicalName(parts.name);
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop += 1) {
    const here = parts.answers.filter((r) => r.name === current);
    const final = here.filter((r) => r.type === parts.type);
    if (final.length > 0 || parts.type === 'CNAME') return { chain, final };
    const cname = here.find((r) => r.type === 'CNAME');
    if (!cname || cname.type !== 'CNAME') return { chain, final: [] };
    chain.push(cname);
    current = cname.target;
  }
  return { chain, final: [] };
}

function findSoa(records: DnsRecord[]): SoaRecord | undefined {
  return records.find((r): r is SoaRecord => r.type === 'SOA');
}

const RCODE_WORDS: Record<string, string> = {
  FORMERR: 'the server could not understand the question (FORMERR)',
  NOTIMP: 'the server does not support this kind of question (NOTIMP)',
  YXDOMAIN: 'the server answered YXDOMAIN',
  NOTAUTH: 'the server is not authoritative for this name (NOTAUTH)',
  NOTZONE: 'the name is outside the server zone (NOTZONE)',
};

/**
 * Turn a decoded response into an outcome. NXDOMAIN, no-data, SERVFAIL and REFUSED stay apart;
 * CNAMEs are followed inside the answer only. A chain that ends without a record of the asked
 * type (an authoritative server whose CNAME points out of its zone) is "nodata", with the CNAMEs
 * kept in `records` so a check can see them.
 */
export function interpretResponse(parts: ResponseParts): Interpretation {
  const authoritySoa = findSoa(parts.authorities);
  const negativeTtl = authoritySoa ? Math.min(authoritySoa.ttl, authoritySoa.minimum) : undefined;
  const negative = { authoritySoa, negativeTtl };
  switch (parts.rcode) {
    case 'NOERROR': {
      const { chain, final } = followChain(parts);
      if (final.length > 0) {
        // A hostile zone may send thousands: keep the first ones, count the rest.
        const cap = recordCap(parts.type);
        const kept = final.length > cap ? final.slice(0, cap) : final;
        const omitted = final.length - kept.length + (parts.omitted ?? 0);
        return {
          outcome: 'answer',
          records: [...chain, ...kept],
          ...(omitted > 0 && { recordsOmitted: omitted }),
          authoritySoa,
        };
      }
      const referral = parts.authorities.filter((r) => r.type === 'NS');
      if (chain.length === 0 && !authoritySoa && referral.length > 0) {
        // Not "no data": the server does not hold the name and points elsewhere (a delegated
        // subzone, or a nameserver that is not authoritative for the zone at all).
        const targets = referral.map((r) => ('target' in r ? r.target : r.name)).join(', ');
        return {
          outcome: 'error',
          records: [],
          error: `the server does not answer for this name itself: it refers to ${targets}`,
        };
      }
      return { outcome: 'nodata', records: chain, ...negative };
    }
    case 'NXDOMAIN':
      return { outcome: 'nxdomain', records: followChain(parts).chain, ...negative };
    case 'SERVFAIL':
      return { outcome: 'servfail', records: [], error: 'the server failed to answer (SERVFAIL)' };
    case 'REFUSED':
      return { outcome: 'refused', records: [], error: 'the server refused to answer (REFUSED)' };
    default:
      return {
        outcome: 'error',
        records: [],
        error: RCODE_WORDS[parts.rcode] ?? `the server answered ${parts.rcode}`,
      };
  }
}
