import { authenticate } from 'mailauth';
import { getPublicKey } from 'mailauth/lib/tools.js';
import type { Plan } from '../../shared/model/plan';
import type {
  BulkHeaders,
  MessageDkimSignature,
  MessageObservation,
  MessageSource,
  ProviderHop,
} from '../../shared/checks/message-observation';
import type { DnsQuerier } from '../spf/spf-resolver';
import { headerValues, readMessageText, type HeaderField } from './message-text';
import { providerHop } from './received-hop';
import { parseAuthenticationResults } from './auth-results';
import { headerSignatureVerifies, keyFromDkimP, keyFromPem, sameKey } from './dkim-recheck';
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

function bulkHeaders(headers: readonly HeaderField[]): BulkHeaders {
  const one = (n: string) => headerValues(headers, n)[0];
  const signs: string[] = [];
  if (one('list-id') !== undefined) signs.push('List-Id');
  const precedence = one('precedence');
  if (precedence && /bulk|list|junk/i.test(precedence)) signs.push(`Precedence: ${precedence}`);
  for (const h of [
    'x-mailer',
    'x-newsletter',
    'x-campaign',
    'feedback-id',
    'x-mailgun-tag',
    'x-ses-outgoing',
  ])
    if (
      one(h) !== undefined &&
      (h !== 'x-mailer' || /mailster|mailpoet|mailchimp|sendy|listmonk|newsletter/i.test(one(h)!))
    )
      signs.push(
        h === 'x-mailer'
          ? `X-Mailer: ${one(h)!.slice(0, 40)}`
          : h.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase()),
      );
  const lu = one('list-unsubscribe');
  const lup = one('list-unsubscribe-post');
  return {
    fromCount: headerValues(headers, 'from').length,
    messageIds: headerValues(headers, 'message-id'),
    dates: headerValues(headers, 'date'),
    ...(lu !== undefined ? { listUnsubscribe: lu } : {}),
    ...(lup !== undefined ? { listUnsubscribePost: lup } : {}),
    bulkSigns: signs,
  };
}

async function ptrOf(
  hop: ProviderHop,
  dns: DnsQuerier,
  signal?: AbortSignal,
): Promise<ProviderHop> {
  if (!hop.ip) return hop;
  const { reverseName } = await import('../../shared/checks/ip-facts');
  const a = await dns.query(reverseName(hop.ip), 'PTR', signal);
  if (a.outcome === 'nxdomain' || a.outcome === 'nodata') return { ...hop, ptr: [] };
  if (a.outcome !== 'answer') return { ...hop, ptrProblem: a.error ?? a.outcome };
  const ptr = a.records.flatMap((r) => (r.type === 'PTR' ? [r.target.replace(/\.$/, '')] : []));
  const type = hop.ip.includes(':') ? 'AAAA' : 'A';
  let confirmed = false;
  for (const name of ptr.slice(0, 5)) {
    const f = await dns.query(name, type, signal);
    if (f.records.some((r) => (r.type === 'A' || r.type === 'AAAA') && r.address === hop.ip))
      confirmed = true;
  }
  return { ...hop, ptr, ptrConfirmed: confirmed };
}

/** The plan's key for a selector, when the plan has one. */
function planKeyFor(plan: Plan | undefined, selector: string) {
  const d = plan?.dkim;
  if (!d) return undefined;
  if (d.selector.toLowerCase() === selector.toLowerCase() && d.publicKey)
    return keyFromDkimP(d.publicKey, d.keyType ?? 'rsa');
  const extra = d.additional?.find((a) => a.selector.toLowerCase() === selector.toLowerCase());
  return extra ? keyFromDkimP(extra.publicKey, extra.keyType) : undefined;
}

async function signatureOf(
  r: any,
  plan: Plan | undefined,
  resolver: (name: string, type: string) => Promise<unknown>,
  headersOnly: boolean,
): Promise<MessageDkimSignature> {
  const status = r.status ?? {};
  const comment: string | undefined =
    typeof status.comment === 'string' ? status.comment : undefined;
  const bodyHashMatches = Boolean(r.bodyHash) && r.bodyHash === r.bodyHashExpecting;
  let key: MessageDkimSignature['key'] = { state: 'found' };
  if (comment === 'no key') key = { state: 'absent' };
  else if (status.result === 'temperror')
    key = { state: 'lookup-failed', reason: comment ?? 'DNS failure' };
  let published = keyFromPem(r.publicKey);
  let headerSignature: MessageDkimSignature['headerSignature'] = 'unchecked';
  if (!bodyHashMatches && r.signingDomain && r.selector && r.signature) {
    // mailauth stopped at the body hash: look the key up and check the header signature alone.
    try {
      const k = await getPublicKey(
        'DKIM',
        `${r.selector}._domainkey.${r.signingDomain}`,
        1024,
        resolver,
      );
      published = keyFromPem(k.publicKey);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA') key = { state: 'absent' };
      else if (code && /^E(TIMEOUT|SERVFAIL|REFUSED|CONNREFUSED)/.test(code))
        key = { state: 'lookup-failed', reason: (e as Error).message };
    }
  }
  if (published && r.signingHeaders?.canonicalizedHeader && r.signature)
    headerSignature = headerSignatureVerifies({
      algorithm: r.algo ?? '',
      canonicalizedHeaderBase64: r.signingHeaders.canonicalizedHeader,
      signatureBase64: r.signature,
      key: published,
    })
      ? 'verifies'
      : 'fails';
  // "Is it your key" is asked only of a signature for the plan's own domain.
  const ownDomain = plan && (r.signingDomain ?? '').toLowerCase() === plan.domain.toLowerCase();
  const planKey = ownDomain ? planKeyFor(plan, r.selector ?? '') : undefined;
  const limit = typeof r.canonBodyLengthLimit === 'number' ? r.canonBodyLengthLimit : undefined;
  const result = (
    ['pass', 'fail', 'neutral', 'policy', 'temperror', 'permerror', 'none'].includes(status.result)
      ? status.result
      : 'neutral'
  ) as MessageDkimSignature['result'];
  return {
    domain: r.signingDomain ?? '',
    selector: r.selector ?? '',
    algorithm: r.algo ?? '',
    result: headersOnly && !bodyHashMatches && result === 'fail' ? 'neutral' : result,
    ...(comment ? { comment } : {}),
    bodyHashMatches,
    headerSignature,
    ...(limit !== undefined ? { bodyLengthLimit: limit } : {}),
    ...(status.underSized ? { unsignedBodyBytes: status.underSized } : {}),
    key,
    ...(planKey !== undefined && published ? { keyIsPlanKey: sameKey(planKey, published) } : {}),
    signedHeaders: ((r.signingHeaders?.keys as string | undefined) ?? '')
      .split(':')
      .map((h: string) => h.trim().toLowerCase())
      .filter(Boolean),
    ...(status.testing ? { testing: true } : {}),
  };
}

/**
 * Read a test message and verify it against DNS as it is now: DKIM (each signature), SPF for the
 * server that handed it to the provider, DMARC, ARC, the provider's own verdict, the hop's TLS
 * and reverse name, and the bulk-sender headers. Never throws for DNS trouble: what could not be
 * looked up is recorded as such and judged `unknown`.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export async function gatherMessage(input: MessageGatherInput): Promise<MessageObservation> {
  const now = input.now ?? (() => new Date());
  const text = readMessageText(input.bytes);
  const base: MessageObservation = {
    source: input.source,
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
    checkedAt: now().toISOString(),
  };
  if (!text.message) return base;
  const headers = text.headers;
  const resolver = messageResolver(input.dns, input.signal);
  const ips = [...(input.plan?.ipv4 ?? []), ...(input.plan?.ipv6 ?? [])];
  let hop = providerHop(headerValues(headers, 'received'), ips);
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
  const spfRes = res.spf;
  const spf: MessageObservation['spf'] =
    hop?.ip && spfRes
      ? {
          ip: hop.ip,
          ...(hop.helo ? { helo: hop.helo } : {}),
          ...(sender !== undefined ? { mailFrom: sender } : {}),
          domain: spfRes.domain ?? '',
          identity: sender ? 'mailfrom' : 'helo',
          result: spfRes.status?.result ?? 'temperror',
          detail: (spfRes.status?.comment ?? '').replace(/^mailwright: /, ''),
          ...(spfRes.rr ? { record: spfRes.rr } : {}),
        }
      : null;
  const dm = res.dmarc;
  const from = fromAddresses(headers, res.dkim?.headerFrom);
  const dmarc: MessageObservation['dmarc'] = dm
    ? {
        result: dm.status?.result ?? 'temperror',
        fromDomain: dm.status?.header?.from ?? dm.domain ?? '',
        ...(dm.policy ? { policy: dm.policy } : {}),
        ...(dm.p ? { p: dm.p } : {}),
        ...(dm.policyDomain ? { policyDomain: dm.policyDomain } : {}),
        ...(dm.alignment
          ? {
              alignment: {
                spf: {
                  aligned: dm.alignment.spf?.result || false,
                  strict: Boolean(dm.alignment.spf?.strict),
                },
                dkim: {
                  aligned: dm.alignment.dkim?.result || false,
                  strict: Boolean(dm.alignment.dkim?.strict),
                },
              },
            }
          : {}),
        ...(dm.error ? { reason: String(dm.error) } : {}),
      }
    : null;
  const arcCount = headerValues(headers, 'arc-seal').length;
  const arc =
    arcCount > 0 && res.arc
      ? {
          result: res.arc.status?.result ?? 'none',
          ...(res.arc.status?.comment ? { comment: String(res.arc.status.comment) } : {}),
          instances: arcCount,
        }
      : null;
  const receiver = headerValues(headers, 'authentication-results')
    .slice(0, 20)
    .map(parseAuthenticationResults)
    .filter((v) => v !== null);
  if (hop) hop = await ptrOf(hop, input.dns, input.signal);
  const subject = headerValues(headers, 'subject')[0];
  const date = headerValues(headers, 'date')[0];
  return {
    ...base,
    from,
    ...(sender !== undefined ? { returnPath: sender } : {}),
    ...(subject !== undefined ? { subject } : {}),
    dkim,
    spf,
    dmarc,
    arc,
    receiver,
    hop,
    bulk: bulkHeaders(headers),
    ...(date && !Number.isNaN(Date.parse(date)) ? { sentAt: new Date(date).toISOString() } : {}),
  };
}
