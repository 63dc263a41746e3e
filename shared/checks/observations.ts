import type { Lookup, ObservedOutcome } from './dns-observation';

/**
 * What the probes gather for the pure checks, group by group. Every lookup keeps the raw answers
 * of every view, so a finding can say what each view saw and carry them as evidence. A group
 * whose probe could not run at all carries `skipped` with the reason instead of lookups.
 */

/** The nameservers of the domain, as the DNS layer found them. */
export interface NameserverObservation {
  /** NS host name, lowercase, no trailing dot. */
  name: string;
  /** Its addresses (glue or resolved). */
  addresses: string[];
  /** Whether it answered the zone's SOA with authority. */
  answered: boolean;
  /** How its SOA query ended (refused/servfail = it does not serve the zone; timeout = silent). */
  outcome?: ObservedOutcome;
  /** Its answer to the SOA query, when it gave one. */
  soaSerial?: number;
  /** Why it could not be asked or did not answer. */
  error?: string;
}

/** Domain and nameserver facts (domain.*, dnshost.detected). */
export interface DomainObservation {
  /** The zone the domain lives in (the owner of the SOA found walking up). */
  zone?: string;
  /** SOA and NS of the domain, asked from every view. */
  soa: Lookup;
  ns: Lookup;
  nameservers: NameserverObservation[];
  /** Why discovery of the nameservers failed, when it did. */
  discoveryError?: string;
  /** The zone's negative-cache TTL (SOA minimum, capped by the SOA TTL), for pending ETAs. */
  negativeTtl?: number;
}

/** The mail host's records (host.*). */
export interface HostObservation {
  a: Lookup;
  aaaa: Lookup;
  cname: Lookup;
  /** `<host>.<domain>` with the zone appended twice, A and TXT (host.doubled-name). */
  doubled: Lookup[];
}

/** MX and the targets' own records (mx.*). */
export interface MxObservation {
  mx: Lookup;
  targets: { name: string; a: Lookup; aaaa: Lookup; cname: Lookup }[];
  /** Set when more MX hosts were published than are followed (DNS_LIMITS.mxHostsFollowed). */
  capped?: { published: number; followed: number };
}

/** One server address's reverse DNS (ptr.*). */
export interface PtrObservation {
  ip: string;
  /** e.g. 25.2.0.192.in-addr.arpa */
  reverseName: string;
  ptr: Lookup;
  /** Each PTR name's addresses of the same family (for ptr.fcrdns). */
  forward: { name: string; lookup: Lookup }[];
  /** Set when the address has more reverse names than are followed (DNS_LIMITS.ptrNamesFollowed). */
  capped?: { published: number; followed: number };
}

/** The result of SPF evaluation for one server address (RFC 7208 result names). */
export interface SpfEvaluation {
  ip: string;
  result: 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';
  /** Which term decided, or the error text, as the evaluator reported it. */
  explanation?: string;
  /** How the evaluator was run (which resolver), for the detail text. */
  via?: string;
}

/** SPF facts (spf.*). */
export interface SpfObservation {
  /** TXT at the domain. */
  apex: Lookup;
  /** TXT at the mail host (spf.helo). */
  helo: Lookup;
  /** One per server address; empty when there is no SPF to evaluate. */
  evaluations: SpfEvaluation[];
  /** Why evaluation could not run, when it could not. */
  evaluationError?: string;
  /**
   * DNS-querying terms counted by following includes and redirects (RFC 7208 §4.6.4), and void
   * lookups met; undefined when the tree could not be walked.
   */
  lookupCount?: { terms: number; voids: number; path: string[]; error?: string };
  /** Every include/redirect target met while walking the record (for spf.senders). */
  includesSeen?: string[];
  /** The plan's third-party senders with the include each one needs (resolved from the catalogue). */
  senders: { id: string; name: string; include?: string }[];
}

/** What node:crypto made of a DKIM public key (main/ parses; shared judges). */
export type DkimKeyInfo =
  | { ok: true; keyType: 'rsa' | 'ed25519' | string; bits?: number; fingerprint: string }
  | { ok: false; reason: string };

/** DKIM facts (dkim.*). */
export interface DkimObservation {
  selector: string;
  /** TXT at <selector>._domainkey.<domain>. */
  lookup: Lookup;
  /** The published key parsed (per published TXT record, same order), when there is a p=. */
  keys: DkimKeyInfo[];
  /** The plan's key parsed the same way, when the plan has one. */
  planKey?: DkimKeyInfo;
  /** Other selectors probed when the planned one is missing: which ones have a DKIM record. */
  otherSelectors: { selector: string; lookup: Lookup }[];
  /**
   * Set for a key the plan publishes beside the main one (plan.dkim.additional): its type, so
   * the findings name it ("the Ed25519 DKIM key") and compare against it, not the main key.
   */
  additional?: { keyType: 'rsa' | 'ed25519' };
}

/** DMARC facts (dmarc.*). */
export interface DmarcObservation {
  /** TXT at _dmarc.<domain>. */
  lookup: Lookup;
  /** Wrong places a DMARC record is often put: the apex, `_dmarc.<domain>.<domain>`, `dmarc.<domain>`. */
  misplaced: Lookup[];
  /** `<domain>._report._dmarc.<other>` for each external report domain. */
  reportAuth: { domain: string; lookup: Lookup }[];
}

/** The result of one block-list query. */
export interface DnsblQuery {
  /** The list's id in the catalogue (shared/checks/dnsbl-lists), or the zone for a custom one. */
  list: string;
  zone: string;
  /** What was asked about: an IP or the domain. */
  subject: string;
  /** The A lookup of the list name. */
  a: Lookup;
  /** The TXT reason when listed. */
  txt?: Lookup;
}

/** Block-list facts (dnsbl.*). */
export interface DnsblObservation {
  queries: DnsblQuery[];
  /** Set when the lists were not asked (--no-dnsbl). */
  skipped?: string;
}
