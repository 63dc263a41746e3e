import { randomInt } from 'node:crypto';
import { Buffer } from 'node:buffer';
import * as packet from 'dns-packet';
import type { ObservedOutcome } from '../../shared/checks/dns-observation';
import type { ObservedEde, SecureRecord } from '../../shared/checks/secure-observation';
import { canonicalName } from '../dns/dns-names';
import { startDeadline } from '../dns/deadline';
import { tcpRoundTrip } from '../dns/tcp-exchange';
import { udpRoundTrip } from '../dns/udp-exchange';
import { formatServerAddress, type ServerAddress } from '../dns/server-address';

/**
 * A small DNS client for the secure-delivery checks: asks one validating resolver with the DNSSEC
 * OK bit (and, when asked, checking disabled) and keeps what the main DNS layer drops on purpose:
 * the AD flag, Extended DNS Errors (RFC 8914), RRSIG presence, TLSA, CAA, DNSKEY and DS records,
 * and the authority section's SOA owner (the zone). UDP with TCP on truncation, or DNS-over-HTTPS
 * (RFC 8484 wire format). Never throws: every query ends with an outcome within its timeout.
 */

/** The record types this client asks for. */
export type SecureQueryType =
  'TXT' | 'TLSA' | 'CAA' | 'MX' | 'A' | 'AAAA' | 'SOA' | 'DNSKEY' | 'DS';

/** Where the validating resolver is. */
export type ResolverTarget =
  { kind: 'wire'; address: ServerAddress } | { kind: 'doh'; url: string; fetch?: typeof fetch };

/** One answer, with what the checks need from it. */
export interface SecureAnswer {
  name: string;
  type: SecureQueryType;
  outcome: ObservedOutcome;
  authenticated: boolean;
  records: SecureRecord[];
  /** Whether the answer (or the negative proof) carried RRSIG records. */
  signed: boolean;
  /** Validity of the answer's RRSIGs, seconds since 1970: the latest inception, the earliest expiration. */
  signatureWindow?: { inception: number; expiration: number };
  /** DNSKEY / DS algorithms met in the answer. */
  algorithms: number[];
  /** Owner of the SOA in the authority section (negative answers): the zone. */
  zone?: string;
  ede: ObservedEde[];
  resolver: string;
  error?: string;
}

/** The dates of the answer's RRSIGs (dates decide "expired" when the resolver does not say why). */
function signatureWindow(answers: readonly packet.Answer[]): SecureAnswer['signatureWindow'] {
  const sigs = answers.flatMap((rr) =>
    rr.type === 'RRSIG' ? [rr.data as { inception: number; expiration: number }] : [],
  );
  if (sigs.length === 0) return undefined;
  return {
    inception: Math.max(...sigs.map((s) => s.inception)),
    expiration: Math.min(...sigs.map((s) => s.expiration)),
  };
}

/** The resolver's label in answers and evidence. */
export function resolverLabel(target: ResolverTarget): string {
  return target.kind === 'wire' ? formatServerAddress(target.address) : target.url;
}

function encodeQuery(name: string, type: SecureQueryType, checkingDisabled: boolean) {
  const id = randomInt(0, 65536);
  const bytes = packet.encode({
    type: 'query',
    id,
    flags:
      packet.RECURSION_DESIRED |
      packet.AUTHENTIC_DATA |
      (checkingDisabled ? packet.CHECKING_DISABLED : 0),
    questions: [{ type, name: canonicalName(name), class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: 1232,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: packet.DNSSEC_OK,
        options: [],
      } as unknown as packet.Answer,
    ],
  });
  return { id, bytes };
}

async function dohAsk(
  url: string,
  query: Buffer,
  signal: AbortSignal,
  fetchFn: typeof fetch,
): Promise<Buffer> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
    body: new Uint8Array(query),
    signal,
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`the DNS-over-HTTPS server answered HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

function hex(b: unknown): string {
  return Buffer.isBuffer(b) ? b.toString('hex') : '';
}

function txtText(data: unknown): string {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (Buffer.isBuffer(p) ? p.toString('latin1') : String(p))).join('');
}

function convert(rr: packet.Answer, type: SecureQueryType): SecureRecord | undefined {
  if (rr.type !== type) return undefined;
  const d = (rr as { data: unknown }).data as Record<string, unknown> & unknown;
  switch (rr.type) {
    case 'TXT':
      return { type: 'TXT', text: txtText(d) };
    case 'TLSA': {
      const t = d as { usage: number; selector: number; matchingType: number; certificate: Buffer };
      return {
        type: 'TLSA',
        usage: t.usage,
        selector: t.selector,
        matchingType: t.matchingType,
        data: hex(t.certificate),
      };
    }
    case 'CAA': {
      const c = d as { flags: number; tag: string; value: string };
      return { type: 'CAA', flags: c.flags, tag: c.tag, value: c.value };
    }
    case 'MX': {
      const m = d as { preference?: number; exchange: string };
      return { type: 'MX', preference: m.preference ?? 0, exchange: canonicalName(m.exchange) };
    }
    case 'A':
    case 'AAAA':
      return { type: rr.type, address: String(d) };
    default:
      return undefined;
  }
}

function edeOf(decoded: packet.Packet): ObservedEde[] {
  const out: ObservedEde[] = [];
  for (const rr of decoded.additionals ?? []) {
    if (rr.type !== 'OPT') continue;
    for (const o of (rr as unknown as { options?: { code: number; data?: Buffer }[] }).options ??
      []) {
      if (o.code !== 15 || !o.data || o.data.length < 2) continue;
      const text = o.data.subarray(2).toString('utf8').replace(/\0+$/, '');
      out.push({ code: o.data.readUInt16BE(0), ...(text ? { text } : {}) });
    }
  }
  return out;
}

/** Ask the validating resolver one question. */
export async function askValidating(
  target: ResolverTarget,
  name: string,
  type: SecureQueryType,
  options: { timeoutMs: number; signal?: AbortSignal; checkingDisabled?: boolean },
): Promise<SecureAnswer> {
  const resolver = resolverLabel(target);
  const base = {
    name: canonicalName(name),
    type,
    resolver,
    authenticated: false,
    records: [],
    signed: false,
    algorithms: [],
    ede: [],
  };
  const deadline = startDeadline(options.timeoutMs, options.signal);
  try {
    const { id, bytes } = encodeQuery(name, type, options.checkingDisabled ?? false);
    let raw: Buffer;
    if (target.kind === 'doh')
      raw = await dohAsk(target.url, bytes, deadline.signal, target.fetch ?? fetch);
    else {
      // Only a datagram with our id is taken; the id is checked again below for TCP and DoH.
      const ours = (msg: Buffer): Buffer | undefined =>
        msg.length >= 2 && msg.readUInt16BE(0) === id ? msg : undefined;
      raw = await udpRoundTrip(target.address, bytes, deadline.signal, ours);
      if (raw.length >= 3 && (raw.readUInt16BE(2) & packet.TRUNCATED_RESPONSE) !== 0)
        raw = await tcpRoundTrip(target.address, bytes, deadline.signal);
    }
    const decoded = packet.decode(raw);
    if (decoded.id !== id) throw new Error('the answer does not match the question');
    const rcode = (decoded as { rcode?: string }).rcode ?? 'NOERROR';
    const ede = edeOf(decoded);
    const answers = decoded.answers ?? [];
    const authorities = decoded.authorities ?? [];
    const records = answers
      .map((rr) => convert(rr, type))
      .filter((r): r is SecureRecord => r !== undefined);
    const signed = [...answers, ...authorities].some((rr) => rr.type === 'RRSIG');
    const window = signatureWindow(answers);
    const algorithms = answers.flatMap((rr) =>
      rr.type === 'DNSKEY' || rr.type === 'DS'
        ? [(rr.data as { algorithm: number }).algorithm]
        : [],
    );
    const soa = authorities.find((rr) => rr.type === 'SOA');
    const zone = soa
      ? canonicalName(soa.name)
      : answers.find((rr) => rr.type === 'SOA')
        ? canonicalName(name)
        : undefined;
    const hasData =
      records.length > 0 || algorithms.length > 0 || answers.some((rr) => rr.type === type);
    const outcome: ObservedOutcome =
      rcode === 'NOERROR'
        ? hasData
          ? 'answer'
          : 'nodata'
        : rcode === 'NXDOMAIN'
          ? 'nxdomain'
          : rcode === 'SERVFAIL'
            ? 'servfail'
            : rcode === 'REFUSED'
              ? 'refused'
              : 'error';
    return {
      ...base,
      outcome,
      authenticated: decoded.flag_ad === true,
      records,
      signed,
      ...(window ? { signatureWindow: window } : {}),
      algorithms,
      ede,
      ...(zone ? { zone } : {}),
      ...(outcome === 'error' ? { error: `the resolver answered ${rcode}` } : {}),
    };
  } catch (e) {
    if (deadline.timedOut())
      return { ...base, outcome: 'timeout', error: `no answer in ${options.timeoutMs} ms` };
    return { ...base, outcome: 'error', error: (e as Error).message };
  } finally {
    deadline.dispose();
  }
}
