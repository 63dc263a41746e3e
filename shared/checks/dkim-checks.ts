import { chainBreakFinding } from './chain-finding';
import { chainText, cnameChain } from './cname-chain';
import type { CheckId } from './catalogue';
import { parseDkimRecord, type DkimKeyRecord } from '../records/dkim-parse';
import type { Finding } from './finding';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  lookupEvidence,
  perViewLines,
  publishedAnswers,
  txtValues,
  whyUnknown,
  type ObservedAnswer,
} from './dns-observation';
import type { DkimKeyInfo, DkimObservation } from './observations';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import { judgeSameValues, pendingFinding } from './visibility-findings';
import { problemsFinding } from './syntax-findings';
import { dkimName } from './dkim-selectors';

/** Whether a TXT value is meant as a DKIM key record (v=DKIM1 or a p= tag). */
export function looksLikeDkim(text: string): boolean {
  return /^\s*"?\s*v\s*=\s*DKIM1/i.test(text) || /(^|;)\s*p\s*=/i.test(text.replace(/"/g, ''));
}

function dkimValues(a: ObservedAnswer): string[] {
  return txtValues(a).filter(looksLikeDkim).sort();
}

/** Selectors (other than the planned one) where a DKIM record was found. */
export function foundOtherSelectors(obs: DkimObservation): string[] {
  return obs.otherSelectors
    .filter((o) => o.lookup.answers.some((a) => dkimValues(a.answer).length > 0))
    .map((o) => o.selector);
}

function published(obs: DkimObservation): { texts: string[] } | undefined {
  const a = publishedAnswers(obs.lookup).answers[0]?.answer;
  return a ? { texts: dkimValues(a) } : undefined;
}

/**
 * How findings name the key: "The DKIM key" for the main one; a key published beside it says
 * which it is, because the DKIM step shows two records and the user must pick the right one.
 */
function keyWords(obs: DkimObservation): { key: string; record: string } {
  if (!obs.additional) return { key: 'The DKIM key', record: 'the DKIM record' };
  return obs.additional.keyType === 'ed25519'
    ? { key: 'The Ed25519 DKIM key', record: 'the Ed25519 DKIM record' }
    : { key: 'The second DKIM key', record: `the DKIM record for "${obs.selector}"` };
}

/** What every dkim.present finding carries: the key's name, the detail lines, the evidence. */
interface PresentFacts {
  name: string;
  lines: string[];
  evidence: Record<string, unknown>;
}

/** The main key is delegated by CNAME to a mail service, and the CNAME is missing or points elsewhere. */
function delegatedKeyMissing(
  delegated: string,
  shown: ObservedAnswer | undefined,
  obs: DkimObservation,
  ctx: EvalContext,
  { name, lines, evidence }: PresentFacts,
): Finding {
  const rel = nameField(name, ctx);
  const chain = shown ? cnameChain(shown) : undefined;
  const wrong = chain?.links[0] && chain.links[0].to !== delegated ? chain.links[0].to : undefined;
  return makeFinding('dkim.present', name, 'fail', {
    title: `${keyWords(obs).key} is not published`,
    detail: detailText(
      wrong
        ? `${name} is a CNAME to ${wrong}, which has no DKIM key; your plan says it should point to ${delegated}, where your mail service publishes the key (${chainText(chain!)}).`
        : chain && chain.links.length > 0
          ? `${name} leads to no DKIM key (${chainText(chain)}); your plan says it is a CNAME to ${delegated}.`
          : `There is no CNAME at ${name}; your plan says it points to ${delegated}, where your mail service publishes the key.`,
      lines,
    ),
    fix: wrong
      ? `Edit the CNAME record "${rel}" ${atDnsHost(ctx)} so its target is ${delegated}.`
      : `Create a CNAME record ${atDnsHost(ctx)}: Name "${rel}", Type CNAME, Target ${delegated}. If it is there already, check in your mail service that the DKIM key is set up (it publishes the key at ${delegated}).`,
    evidence,
  });
}

/** No key at the name: published under another selector, or not at all. */
function keyMissing(
  others: string[],
  obs: DkimObservation,
  ctx: EvalContext,
  { name, lines, evidence }: PresentFacts,
): Finding {
  const rel = nameField(name, ctx);
  const words = keyWords(obs);
  return makeFinding('dkim.present', name, 'fail', {
    title: others.length
      ? 'The DKIM key is published under a different selector'
      : `${words.key} is not published`,
    detail: detailText(
      others.length
        ? `There is no DKIM key at ${name}, but there is one under the selector "${others.join('", "')}" (${others.map((s) => dkimName(s, ctx.plan.domain)).join(', ')}). Your mail software signs with one selector; receivers look the key up under that name only.`
        : obs.additional
          ? `There is no DKIM key at ${name}, so receivers cannot check the signatures your server makes with this key.`
          : `There is no DKIM key at ${name}, so receivers cannot check your server's signatures.`,
      lines,
    ),
    fix: others.length
      ? `Find which selector your mail software signs with (its DKIM settings). If it is "${others[0]}", set that selector on the DKIM step. If it is "${obs.selector}", create the TXT record "${rel}" ${atDnsHost(ctx)} with the key.`
      : `Create a TXT record ${atDnsHost(ctx)}: Name "${rel}", Type TXT, Value: ${words.record} from the DKIM step (it starts with "v=DKIM1;${obs.additional ? ` k=${obs.additional.keyType};` : ''}").`,
    evidence,
  });
}

/** A key is visible everywhere: pass, or warn when the plan delegates it by a CNAME it does not go through. */
function keyPublished(
  shown: ObservedAnswer | undefined,
  obs: DkimObservation,
  ctx: EvalContext,
  { name, lines, evidence }: PresentFacts,
): Finding {
  const words = keyWords(obs);
  const chain = shown ? cnameChain(shown) : undefined;
  const delegated = plannedCname(obs, ctx);
  if (delegated && chain && chain.links[0]?.to !== delegated) {
    const seen = chain.links[0]?.to;
    return makeFinding('dkim.present', name, 'warn', {
      title: `${words.key} is published, but not through the CNAME in your plan`,
      detail: detailText(
        seen
          ? `${name} is a CNAME to ${seen} (${chainText(chain)}), and a key is there; your plan says it points to ${delegated}. If your mail service signs with its own key, its key is not the one published.`
          : `${name} has a DKIM key of its own; your plan says it is a CNAME to ${delegated}, where your mail service publishes (and changes) the key. When the service changes its key, this one stops working.`,
        lines,
      ),
      fix: `Replace the record "${nameField(name, ctx)}" ${atDnsHost(ctx)} with a CNAME record whose target is ${delegated}, or take the CNAME out of your plan if you publish the key yourself.`,
      evidence,
    });
  }
  return makeFinding('dkim.present', name, 'pass', {
    title: `${words.key} is published`,
    detail: detailText(
      chain && chain.links.length > 0
        ? `${name} leads to a DKIM key record: ${chainText(chain)} → key.`
        : `${name} has a DKIM key record.`,
      lines,
    ),
    evidence,
  });
}

/** dkim.present: the key record exists at `<selector>._domainkey.<domain>`. */
export function evaluateDkimPresent(obs: DkimObservation, ctx: EvalContext): Finding {
  const name = dkimName(obs.selector, ctx.plan.domain);
  const evidence = {
    lookup: lookupEvidence(obs.lookup),
    otherSelectors: obs.otherSelectors.map((o) => lookupEvidence(o.lookup)),
  };
  const facts: PresentFacts = { name, lines: perViewLines(obs.lookup), evidence };
  const { v } = judgeSameValues(obs.lookup, dkimValues, ctx);
  if (v.state === 'unknown')
    return unknownFinding('dkim.present', name, whyUnknown(obs.lookup), evidence);
  if (v.state === 'bad') {
    const broken = chainBreakFinding('dkim.present', name, obs.lookup, ctx, 'the DKIM key');
    if (broken) return broken;
    const others = foundOtherSelectors(obs);
    const delegated = plannedCname(obs, ctx);
    if (delegated && others.length === 0)
      return delegatedKeyMissing(delegated, v.published, obs, ctx, facts);
    return keyMissing(others, obs, ctx, facts);
  }
  if (v.lagging.length > 0) {
    const published = `Your DNS host has the DKIM key at ${name}`;
    return pendingFinding('dkim.present', name, published, v, facts.lines, evidence);
  }
  return keyPublished(v.published, obs, ctx, facts);
}

/** The CNAME target the plan gives the main selector, when it is delegated to a mail service. */
function plannedCname(obs: DkimObservation, ctx: EvalContext): string | undefined {
  if (obs.additional) return undefined;
  return ctx.plan.dkim?.cname?.toLowerCase().replace(/\.$/, '');
}

function notChecked(check: CheckId, obs: DkimObservation, ctx: EvalContext): Finding | null {
  const name = dkimName(obs.selector, ctx.plan.domain);
  const pub = published(obs);
  if (!pub)
    return unknownFinding(check, name, whyUnknown(obs.lookup), {
      lookup: lookupEvidence(obs.lookup),
    });
  if (pub.texts.length === 0) {
    const key = keyWords(obs).key.replace(/^The /, 'the ');
    return makeFinding(check, name, 'info', {
      title: `Not checked: ${key} is not published`,
      detail: obs.additional
        ? `There is no key at ${name} to check. See "The DKIM key is published" about ${name}.`
        : 'There is no DKIM key to check. See "The DKIM key is published".',
    });
  }
  return null;
}

function parsedRecords(obs: DkimObservation): DkimKeyRecord[] {
  return (published(obs)?.texts ?? []).map(parseDkimRecord);
}

/** dkim.syntax: valid tag list, v=DKIM1 first if present, p= decodes to a public key. */
export function evaluateDkimSyntax(obs: DkimObservation, ctx: EvalContext): Finding {
  const none = notChecked('dkim.syntax', obs, ctx);
  if (none) return none;
  const name = dkimName(obs.selector, ctx.plan.domain);
  const recs = parsedRecords(obs);
  const rel = nameField(name, ctx);
  const evidence = { records: recs.map((r) => ({ text: r.text, problems: r.problems })) };
  if (recs.length > 1) {
    return makeFinding('dkim.syntax', name, 'fail', {
      title: 'There are several DKIM records under one name',
      detail: `${name} has ${recs.length} DKIM records. Receivers pick one at random, so some signatures fail.`,
      fix: `Keep only the record with your current key at "${rel}" ${atDnsHost(ctx)}.`,
      evidence,
    });
  }
  const rec = recs[0] as DkimKeyRecord;
  const own = rec.problems.filter((p) => !['testing', 'weak-key', 'short-key'].includes(p.code));
  const problems = problemsFinding(
    'dkim.syntax',
    name,
    own,
    {
      record: 'The DKIM record',
      errorTitle: own.some((p) => p.level === 'error' && p.code === 'truncated')
        ? 'The DKIM key is cut short'
        : 'The DKIM record has a mistake',
      errorLead: 'Receivers cannot use this key record:',
      errorFix: `Replace the TXT record "${rel}" ${atDnsHost(ctx)} with the record from the DKIM step, copied with its copy button.`,
      warningLead: 'The key record is usable, but:',
      warningFix: 'Tidy the parts above when you next change the key.',
    },
    evidence,
  );
  if (problems) return problems;
  return makeFinding('dkim.syntax', name, 'pass', {
    title: 'The DKIM record is written correctly',
    detail: `The record at ${name} is a valid ${rec.keyType === 'ed25519' ? 'Ed25519' : 'RSA'} key record.`,
    evidence,
  });
}

function keyOf(obs: DkimObservation): { info?: DkimKeyInfo; rec?: DkimKeyRecord } {
  return { info: obs.keys[0], rec: parsedRecords(obs)[0] };
}

/** dkim.key-strength: RSA of 2048 bits or more (1024: warn; less: fail); Ed25519 passes. */
export function evaluateDkimKeyStrength(obs: DkimObservation, ctx: EvalContext): Finding {
  const none = notChecked('dkim.key-strength', obs, ctx);
  if (none) return none;
  const name = dkimName(obs.selector, ctx.plan.domain);
  const { info, rec } = keyOf(obs);
  const type = info?.ok ? info.keyType : rec?.key?.ok ? rec.key.type : undefined;
  const bits = info?.ok ? info.bits : rec?.bits;
  const evidence = { key: info ?? null, parsedBits: rec?.bits ?? null };
  if (!type) {
    return makeFinding('dkim.key-strength', name, 'info', {
      title: 'Not checked: the key cannot be read',
      detail: `The key at ${name} could not be read${info && !info.ok ? ` (${info.reason})` : ''}. See "The DKIM record is written correctly".`,
      evidence,
    });
  }
  if (type === 'ed25519') {
    return makeFinding('dkim.key-strength', name, 'pass', {
      title: 'The DKIM key is strong',
      detail: 'It is an Ed25519 key: strong and short.',
      evidence,
    });
  }
  if (bits === undefined)
    return unknownFinding('dkim.key-strength', name, 'the key size could not be read', evidence);
  const fix =
    'Make a new 2048-bit key (the DKIM step can generate one), publish it under a new selector, switch your mail software to it, then remove the old record.';
  if (bits < 1024) {
    return makeFinding('dkim.key-strength', name, 'fail', {
      title: 'The DKIM key is too weak',
      detail: `The key is RSA ${bits} bits. Receivers reject keys under 1024 bits, so your signatures do not count.`,
      fix,
      evidence,
    });
  }
  if (bits < 2048) {
    return makeFinding('dkim.key-strength', name, 'warn', {
      title: 'The DKIM key is shorter than recommended',
      detail: `The key is RSA ${bits} bits. It still works, but 2048 bits is today's standard.`,
      fix,
      evidence,
    });
  }
  return makeFinding('dkim.key-strength', name, 'pass', {
    title: 'The DKIM key is strong enough',
    detail: `The key is RSA ${bits} bits.`,
    evidence,
  });
}

/** dkim.matches: the published key is the plan's key (compared by decoded key, not text). Null when the plan has no key. */
export function evaluateDkimMatches(obs: DkimObservation, ctx: EvalContext): Finding | null {
  // A key published beside the main one always carries its public key in the plan.
  if (!ctx.plan.dkim?.publicKey && !obs.additional) return null;
  const none = notChecked('dkim.matches', obs, ctx);
  if (none) return none;
  const name = dkimName(obs.selector, ctx.plan.domain);
  const plan = obs.planKey;
  const evidence = { published: obs.keys, plan: plan ?? null };
  if (!plan || !plan.ok) {
    return makeFinding('dkim.matches', name, 'warn', {
      title: "The plan's key cannot be read",
      detail: `The public key saved in the project could not be read${plan && !plan.ok ? ` (${plan.reason})` : ''}, so it cannot be compared.`,
      fix: obs.additional
        ? `Make ${keyWords(obs).key.replace(/^The /, 'the ')} again on the DKIM step.`
        : 'Paste the DKIM record from your mail software again on the DKIM step.',
      evidence,
    });
  }
  const match = obs.keys.some((k) => k.ok && k.fingerprint === plan.fingerprint);
  if (match) {
    return makeFinding('dkim.matches', name, 'pass', {
      title: 'The published key is your key',
      detail: `The key at ${name} is the same key as in your plan.`,
      evidence,
    });
  }
  return makeFinding('dkim.matches', name, 'fail', {
    title: 'The published key is not the key your server signs with',
    detail: `The key at ${name} is a different key from the one in your plan. Signatures made by your server will fail.`,
    fix: obs.additional
      ? `Replace the TXT record "${nameField(name, ctx)}" ${atDnsHost(ctx)} with ${keyWords(obs).record} from the DKIM step, copied with its copy button.`
      : `Replace the TXT record "${nameField(name, ctx)}" ${atDnsHost(ctx)} with the record from the DKIM step. If your mail software made a new key, paste that one on the DKIM step instead.`,
    evidence,
  });
}

/** dkim.testing: the t=y testing flag is set (warn). */
export function evaluateDkimTesting(obs: DkimObservation, ctx: EvalContext): Finding {
  const none = notChecked('dkim.testing', obs, ctx);
  if (none) return none;
  const name = dkimName(obs.selector, ctx.plan.domain);
  const rec = parsedRecords(obs)[0] as DkimKeyRecord;
  if (rec.testing) {
    return makeFinding('dkim.testing', name, 'warn', {
      title: 'DKIM is in testing mode',
      detail: `The record has "t=y": receivers are told DKIM is being tested and may ignore failed signatures, which also weakens protection against forgery.`,
      fix: `Remove "t=y;" from the TXT record "${nameField(name, ctx)}" once your signatures pass.`,
      evidence: { record: rec.text },
    });
  }
  return makeFinding('dkim.testing', name, 'pass', {
    title: 'DKIM is not in testing mode',
    detail: 'The record has no "t=y" flag.',
    evidence: { record: rec.text },
  });
}
