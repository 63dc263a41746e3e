/**
 * The DNS layer's vocabulary, shared by every transport (UDP/TCP wire client, DNS-over-HTTPS,
 * the system resolver) and every view (authoritative, public, system). Outcomes keep NXDOMAIN,
 * no-data, SERVFAIL, REFUSED and timeout apart, because they mean different things to a user.
 */

/** Record types the probes ask for. */
export type QueryType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'NS' | 'SOA' | 'CNAME' | 'PTR';

/** How a query ended. */
export type DnsOutcome =
  | 'answer' // NOERROR with records of the asked type (possibly behind a CNAME chain)
  | 'nodata' // NOERROR, the name exists, no record of this type
  | 'nxdomain' // the name does not exist
  | 'servfail'
  | 'refused'
  | 'timeout'
  | 'error'; // anything else: network unreachable, malformed answer, HTTP error...

/** One resource record of an answer. */
export type DnsRecord =
  | { type: 'A' | 'AAAA'; name: string; ttl: number; address: string }
  | { type: 'MX'; name: string; ttl: number; preference: number; exchange: string }
  | { type: 'TXT'; name: string; ttl: number; strings: string[] } // exact character-strings, decoded as latin1-safe text
  | { type: 'NS' | 'CNAME' | 'PTR'; name: string; ttl: number; target: string }
  | {
      type: 'SOA';
      name: string;
      ttl: number;
      mname: string;
      rname: string;
      serial: number;
      minimum: number;
    };

/** The answer to one query from one server/view. */
export interface DnsAnswer {
  name: string;
  type: QueryType;
  outcome: DnsOutcome;
  /** Records of the asked type (and any CNAMEs met on the way, in order). */
  records: DnsRecord[];
  /**
   * Records of the asked type the server sent beyond what one answer keeps
   * (shared/checks/dns-limits.ts): they were counted, not kept. Absent when nothing was left out.
   */
  recordsOmitted?: number;
  /** For nxdomain/nodata: the negative-cache TTL from the authority SOA (min of SOA TTL and minimum), when known. */
  negativeTtl?: number;
  /** Whether the server said it is authoritative (AA flag), when the transport exposes it. */
  authoritative?: boolean;
  /** Which server answered (e.g. "127.0.0.1:5300", "https://cloudflare-dns.com/dns-query", "system"). */
  server: string;
  elapsedMs: number;
  /** A plain-language reason for error/timeout outcomes. */
  error?: string;
  /**
   * Set on an error when the server said there is more than what arrived (TC over TCP, empty
   * after "too long for UDP"): records exist there, so no other view's "no record" is believed.
   */
  unreadable?: boolean;
}

/** A point of view that can answer queries. */
export interface DnsView {
  /** Stable id, e.g. "authoritative:ns1.example.com", "public:cloudflare", "system". */
  id: string;
  kind: 'authoritative' | 'public' | 'system';
  /** What the UI shows, e.g. "Cloudflare (1.1.1.1)". */
  label: string;
  query(name: string, type: QueryType, signal?: AbortSignal): Promise<DnsAnswer>;
}

/** The SOA record type, on its own (used for the authority section of negative answers). */
export type SoaRecord = Extract<DnsRecord, { type: 'SOA' }>;

/**
 * Extra facts some transports can give beside the answer. Kept optional so every transport can
 * fill what it knows; nothing reads them blind.
 */
export interface DnsAnswerExtras {
  /** The SOA of the authority section (negative answers): its owner name is the zone the name lives in. */
  authoritySoa?: SoaRecord;
  /** The raw response code name, e.g. "NOERROR", "SERVFAIL", "FORMERR" (or the DoH JSON Status as a name). */
  rcode?: string;
  /** How the answer travelled: "udp", "tcp" (after truncation or by choice), "doh-json", "doh-wire", "system". */
  via?: 'udp' | 'tcp' | 'doh-json' | 'doh-wire' | 'system';
  /** Whether the answer came from this run's cache (same query asked before in the run). */
  cached?: boolean;
}

/** One answer plus the optional extras. Every transport and view returns this shape. */
export type DnsResult = DnsAnswer & DnsAnswerExtras;

/**
 * Something that sends queries to one server (or one fixed list of them). It never throws: a
 * query that could not be made resolves with outcome "timeout" or "error" and a reason.
 */
export interface DnsTransport {
  /** Which server it asks, as put in DnsAnswer.server. */
  server: string;
  query(name: string, type: QueryType, signal?: AbortSignal): Promise<DnsResult>;
}

/** What a transport reports for every packet or HTTP request it sends (counters, tests). */
export interface SentQuery {
  /** Where it went: "127.0.0.1:5300", a DoH URL, or "system" for Node's resolver. */
  server: string;
  name: string;
  type: QueryType;
  via: NonNullable<DnsAnswerExtras['via']>;
}

/** A view whose answers carry the extras (authority SOA, rcode, transport, cache hit). */
export interface DnsResultView extends DnsView {
  query(name: string, type: QueryType, signal?: AbortSignal): Promise<DnsResult>;
}
