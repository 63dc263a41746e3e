/**
 * The DNS layer's vocabulary, shared by every transport (UDP/TCP wire client, DNS-over-HTTPS,
 * the system resolver) and every view (authoritative, public, system). Outcomes keep NXDOMAIN,
 * no-data, SERVFAIL, REFUSED and timeout apart, because they mean different things to a user.
 */

import type {
  ObservedAnswer,
  ObservedOutcome,
  ObservedRecord,
  ObservedType,
  ViewKind,
} from '../../shared/checks/dns-observation';

// The record vocabulary (types asked, outcomes, records, one answer) is declared once, in
// shared/checks/dns-observation.ts, because the pure checks read the same answers; these are its
// names on the DNS layer's side.
/** Record types the probes ask for. */
export type QueryType = ObservedType;
/** How a query ended. */
export type DnsOutcome = ObservedOutcome;
/** One resource record of an answer. */
export type DnsRecord = ObservedRecord;
/** The answer to one query from one server/view. */
export type DnsAnswer = ObservedAnswer;

/** A point of view that can answer queries. */
export interface DnsView {
  /** Stable id, e.g. "authoritative:ns1.example.com", "public:cloudflare", "system". */
  id: string;
  kind: ViewKind;
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
