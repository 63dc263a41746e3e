import { authenticate } from 'mailauth';
import type { Plan } from '../../shared/model/plan';
import type {
  MessageObservation,
  MessageSource,
  ProviderHop,
} from '../../shared/checks/message-observation';
import type { DnsQuerier } from '../spf/spf-resolver';
import { headerValues, readMessageText, type HeaderField } from './message-text';
import { providerHop } from './received-hop';
import { parseAuthenticationResults } from './auth-results';
import { bulkHeaders } from './bulk-headers';
import { signatureOf } from './dkim-signature';
import { ptrOf } from './hop-ptr';
import { messageResolver } from './message-resolver';

/** What gathering needs: the text, where it came from, the plan, and a DNS view to ask. */
export interface MessageGatherInput {
  bytes: Buffer;
  source: MessageSource;
  plan?: Plan;
  dns: DnsQuerier;
  signal?: AbortSignal;
  now?: () => Date;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- mailauth's result objects are loosely typed */

/** The address inside "Name <a@b>" or "a@b". */
function address(value: string): string {
  const m = /<([^<>]*)>/.exec(value);
  return (m ? m[1]! : value).trim();
}

/** Every address of the From fields (mailauth's parse), else a simple one. */
function fromAddresses(headers: readonly HeaderField[], parsed: unknown): string[] {
  if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string'))
    return parsed as string[];
  return headerValues(headers, 'from')
    .map(address)
    .filter((a) => a.includes('@'));
}

/** The SPF verdict for the hop that handed the message over (none without a hop or a result). */
function spfVerdict(
  spfRes: any,
  hop: ProviderHop | null,
  sender: string | undefined,
): MessageObservation['spf'] {
  if (!hop?.ip || !spfRes) return null;
  return {
    ip: hop.ip,
    ...(hop.helo ? { helo: hop.helo } : {}),
    ...(sender !== undefined ? { mailFrom: sender } : {}),
    domain: spfRes.domain ?? '',
    identity: sender ? 'mailfrom' : 'helo',
    result: spfRes.status?.result ?? 'temperror',
    detail: (spfRes.status?.comment ?? '').replace(/^mailwright: /, ''),
    ...(spfRes.rr ? { record: spfRes.rr } : {}),
  };
}

/** mailauth's DMARC verdict: result, policy and which identifiers aligned. */
function dmarcVerdict(dm: any): MessageObservation['dmarc'] {
  if (!dm) return null;
  const aligned = (a: any) => ({ aligned: a?.result || false, strict: Boolean(a?.strict) });
  return {
    result: dm.status?.result ?? 'temperror',
    fromDomain: dm.status?.header?.from ?? dm.domain ?? '',
    ...(dm.policy ? { policy: dm.policy } : {}),
    ...(dm.p ? { p: dm.p } : {}),
    ...(dm.policyDomain ? { policyDomain: dm.policyDomain } : {}),
    ...(dm.alignment
      ? { alignment: { spf: aligned(dm.alignment.spf), dkim: aligned(dm.alignment.dkim) } }
      : {}),
    ...(dm.error ? { reason: String(dm.error) } : {}),
  };
}

/** mailauth's ARC verdict, only when the message carries ARC seals. */
function arcVerdict(arcRes: any, arcCount: number): MessageObservation['arc'] {
  return arcCount > 0 && arcRes
    ? {
        result: arcRes.status?.result ?? 'none',
        ...(arcRes.status?.comment ? { comment: String(arcRes.status.comment) } : {}),
        instances: arcCount,
      }
    : null;
}

/** What is known of a message before any verification: its shape, size and line ends. */
function unverified(
  text: ReturnType<typeof readMessageText>,
  source: MessageSource,
  checkedAt: Date,
): MessageObservation {
  return {
    source,
    shape: text.shape,
    bytes: text.bytes,
    headerCount: text.headerCount,
    ...(text.headerLimit ? { headerLimit: text.headerLimit } : {}),
    ...(text.shape === 'too-large' ? { limitBytes: 25_000_000 } : {}),
    ...(text.looksLike ? { looksLike: text.looksLike } : {}),
    lineEnds: text.lineEnds,
    from: [],
    dkim: [],
    spf: null,
    dmarc: null,
    arc: null,
    receiver: [],
    hop: null,
    bulk: { fromCount: 0, messageIds: [], dates: [], bulkSigns: [] },
    checkedAt: checkedAt.toISOString(),
  };
}

/**
 * Read a test message and verify it against DNS as it is now: DKIM (each signature), SPF for the
 * server that handed it to the provider, DMARC, ARC, the provider's own verdict, the hop's TLS
 * and reverse name, and the bulk-sender headers. Never throws for DNS trouble: what could not be
 * looked up is recorded as such and judged `unknown`.
 */
export async function gatherMessage(input: MessageGatherInput): Promise<MessageObservation> {
  const text = readMessageText(input.bytes);
  const base = unverified(text, input.source, (input.now ?? (() => new Date()))());
  if (!text.message) return base;
  const headers = text.headers;
  const resolver = messageResolver(input.dns, input.signal);
  const ips = [...(input.plan?.ipv4 ?? []), ...(input.plan?.ipv6 ?? [])];
  const hop = providerHop(headerValues(headers, 'received'), ips);
  const returnPath = headerValues(headers, 'return-path')[0];
  const sender = returnPath !== undefined ? address(returnPath) : undefined;
  const res: any = await authenticate(text.message, {
    resolver: resolver as never,
    mta: 'mailwright',
    ...(hop?.ip ? { ip: hop.ip } : { ip: '0.0.0.0' }),
    ...(hop?.helo ? { helo: hop.helo } : {}),
    ...(sender !== undefined ? { sender } : {}),
    disableBimi: true,
    minBitLength: 1024,
  } as never);
  const headersOnly = text.shape === 'headers-only';
  const dkim = await Promise.all(
    ((res.dkim?.results ?? []) as any[])
      .filter((r) => r.status?.result !== 'none')
      .slice(0, 50)
      .map((r) => signatureOf(r, input.plan, resolver, headersOnly)),
  );
  const subject = headerValues(headers, 'subject')[0];
  const date = headerValues(headers, 'date')[0];
  return {
    ...base,
    from: fromAddresses(headers, res.dkim?.headerFrom),
    ...(sender !== undefined ? { returnPath: sender } : {}),
    ...(subject !== undefined ? { subject } : {}),
    dkim,
    spf: spfVerdict(res.spf, hop, sender),
    dmarc: dmarcVerdict(res.dmarc),
    arc: arcVerdict(res.arc, headerValues(headers, 'arc-seal').length),
    receiver: headerValues(headers, 'authentication-results')
      .slice(0, 20)
      .map(parseAuthenticationResults)
      .filter((v) => v !== null),
    hop: hop ? await ptrOf(hop, input.dns, input.signal) : null,
    bulk: bulkHeaders(headers),
    ...(date && !Number.isNaN(Date.parse(date)) ? { sentAt: new Date(date).toISOString() } : {}),
  };
}
