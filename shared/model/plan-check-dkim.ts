import { isCnameTarget } from '../records/dkim-cname-paste';
import { decodeBase64 } from '../records/base64';
import { describePublicKey } from '../records/public-key-der';
import type { Plan } from './plan';
import type { PlanIssues } from './plan-issues';

/**
 * The DKIM part of plan checking (see plan-check.ts): the selector, a CNAME target, the public
 * key and any additional keys, each normalised in place on the caller's copy of the plan.
 */

type PlanDkim = NonNullable<Plan['dkim']>;

const SELECTOR =
  /^[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/;

/** "an RSA" / "an Ed25519", for messages that name a key's type. */
function keyTypeWords(type: 'rsa' | 'ed25519'): string {
  return type === 'rsa' ? 'an RSA' : 'an Ed25519';
}

/** The main selector: lowercase, without "._domainkey…", in selector form. */
function checkMainSelector(dkim: PlanDkim, issues: PlanIssues): void {
  const selector = dkim.selector
    .trim()
    .toLowerCase()
    .replace(/\._domainkey.*$/, '');
  if (!SELECTOR.test(selector)) {
    issues.errors.push({
      field: 'dkim.selector',
      message: `"${dkim.selector}" is not a valid selector. Use letters, digits and hyphens, for example "mail" or "default".`,
    });
    return;
  }
  if (selector !== dkim.selector) {
    issues.warnings.push({
      field: 'dkim.selector',
      message: `We used "${selector}" as the selector (the part before "._domainkey").`,
    });
  }
  dkim.selector = selector;
}

/** A CNAME target the mail service handed out: a host name that is not the key's own name. */
function checkDkimCname(dkim: PlanDkim, domain: string, issues: PlanIssues): void {
  if (dkim.cname === undefined) return;
  const target = dkim.cname.trim().toLowerCase().replace(/\.$/, '');
  if (!isCnameTarget(target)) {
    issues.errors.push({
      field: 'dkim.cname',
      message: `"${dkim.cname}" is not a host name. Give the CNAME target your mail service shows, for example "s1.domainkey.u123.wl.sendgrid.net".`,
    });
  } else if (target === `${dkim.selector}._domainkey.${domain}`.toLowerCase()) {
    issues.errors.push({
      field: 'dkim.cname',
      message: 'points at itself. Give the name your mail service shows as the CNAME target.',
    });
  } else {
    dkim.cname = target;
  }
}

/** The key's strength: receivers reject RSA under 1024 bits; 2048 is today's standard. */
function judgeRsaBits(bits: number, issues: PlanIssues): void {
  if (bits < 1024) {
    issues.errors.push({
      field: 'dkim.publicKey',
      message: `is a ${bits}-bit key; receivers reject keys under 1024 bits. Make a 2048-bit key.`,
    });
  } else if (bits < 2048) {
    issues.warnings.push({
      field: 'dkim.publicKey',
      message: `is a ${bits}-bit key; 2048 bits is today's standard.`,
    });
  }
}

/** The main public key: base64 of a real key, its type agreeing with keyType (which it then sets). */
function checkDkimPublicKey(dkim: PlanDkim, issues: PlanIssues): void {
  if (dkim.publicKey === undefined) return;
  const key = dkim.publicKey.replace(/\s+/g, '').replace(/^p=/, '');
  const bytes = decodeBase64(key);
  if (!bytes) {
    issues.errors.push({
      field: 'dkim.publicKey',
      message: 'is not base64 text. Give the key as it appears after "p=" in the DKIM record.',
    });
    return;
  }
  const info = describePublicKey(bytes, dkim.keyType ?? (bytes.length === 32 ? 'ed25519' : 'rsa'));
  if (!info.ok) {
    issues.errors.push({ field: 'dkim.publicKey', message: info.message });
    return;
  }
  dkim.publicKey = key;
  if (dkim.keyType && dkim.keyType !== info.type) {
    issues.errors.push({
      field: 'dkim.keyType',
      message: `says "${dkim.keyType}" but the key is ${keyTypeWords(info.type)} key.`,
    });
  }
  dkim.keyType = info.type;
  if (info.type === 'rsa') judgeRsaBits(info.bits, issues);
}

/** One additional key (a key being rolled in): its own selector and a key of the type it names. */
function checkAdditionalKey(
  extra: NonNullable<PlanDkim['additional']>[number],
  field: string,
  mainSelector: string,
  issues: PlanIssues,
): void {
  const selector = extra.selector.trim().toLowerCase();
  if (!SELECTOR.test(selector)) {
    issues.errors.push({
      field: `${field}.selector`,
      message: `"${extra.selector}" is not a valid selector. Use letters, digits and hyphens.`,
    });
  } else if (selector === mainSelector) {
    // One name holds one key record: two keys under one selector make receivers pick at random.
    issues.errors.push({
      field: `${field}.selector`,
      message: `"${selector}" is the selector of the main key already: each key needs its own selector.`,
    });
  } else {
    extra.selector = selector;
  }
  const key = extra.publicKey.replace(/\s+/g, '').replace(/^p=/, '');
  const bytes = decodeBase64(key);
  const info = bytes ? describePublicKey(bytes, extra.keyType) : null;
  if (!info?.ok) {
    issues.errors.push({
      field: `${field}.publicKey`,
      message: info?.message ?? 'is not base64 text. Give the key as it appears after "p=".',
    });
  } else if (info.type !== extra.keyType) {
    issues.errors.push({
      field: `${field}.keyType`,
      message: `says "${extra.keyType}" but the key is ${keyTypeWords(info.type)} key.`,
    });
  } else {
    extra.publicKey = key;
  }
}

/** Check and normalise the plan's DKIM part (the plan's domain is already normalised). */
export function checkPlanDkim(plan: Plan, issues: PlanIssues): void {
  const dkim = plan.dkim;
  if (!dkim) return;
  checkMainSelector(dkim, issues);
  checkDkimCname(dkim, plan.domain, issues);
  checkDkimPublicKey(dkim, issues);
  dkim.additional?.forEach((extra, i) =>
    checkAdditionalKey(extra, `dkim.additional[${i}]`, dkim.selector, issues),
  );
}
