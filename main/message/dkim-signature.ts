import { getPublicKey } from 'mailauth/lib/tools.js';
import type { Plan } from '../../shared/model/plan';
import type { MessageDkimSignature } from '../../shared/checks/message-observation';
import { headerSignatureVerifies, keyFromDkimP, keyFromPem, sameKey } from './dkim-recheck';

/* eslint-disable @typescript-eslint/no-explicit-any -- mailauth's result objects are loosely typed */

/** The plan's key for a selector, when the plan has one. */
function planKeyFor(plan: Plan | undefined, selector: string) {
  const d = plan?.dkim;
  if (!d) return undefined;
  if (d.selector.toLowerCase() === selector.toLowerCase() && d.publicKey)
    return keyFromDkimP(d.publicKey, d.keyType ?? 'rsa');
  const extra = d.additional?.find((a) => a.selector.toLowerCase() === selector.toLowerCase());
  return extra ? keyFromDkimP(extra.publicKey, extra.keyType) : undefined;
}

/**
 * One DKIM signature as mailauth verified it, completed: where mailauth stopped at the body hash,
 * the header signature is checked alone, and a signature of the plan's domain says whether its
 * key is the plan's.
 */
export async function signatureOf(
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
