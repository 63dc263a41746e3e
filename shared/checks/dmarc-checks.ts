import { organizationalDomain } from '../records/dmarc-walk';
import { appliedDmarc, dmarcTexts, policyRank, type AppliedDmarc } from './dmarc-applied';
import { chainBreakFinding } from './chain-finding';
import type { CheckId } from './catalogue';
import { parseDmarc, type DmarcRecord } from '../records/dmarc-parse';
import type { Finding } from './finding';
import { plannedValue } from '../records/planned-value';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  lookupEvidence,
  perViewLines,
  publishedAnswers,
  txtValues,
  whyUnknown,
  type ObservedAnswer,
} from './dns-observation';
import type { DmarcObservation } from './observations';
import { atDnsHost, nameField, relativeName, type EvalContext } from './eval-context';
import { judgeSameValues, pendingFinding } from './visibility-findings';
import { problemsFinding } from './syntax-findings';

export { dmarcTexts };

function dmarcValues(a: ObservedAnswer): string[] {
  return dmarcTexts(txtValues(a)).sort();
}

/** The DMARC record the plan suggests (for fixes). */
export function suggestedDmarc(ctx: EvalContext): string {
  // The planner's own value (its rua=, or the postmaster default it explains), never a shorter
  // copy: the fix and the Records step must show the same record.
  return plannedValue(ctx.plan, 'dmarc') ?? `v=DMARC1; p=${ctx.plan.dmarc?.policy ?? 'none'}`;
}

function dmarcName(ctx: EvalContext): string {
  return `_dmarc.${ctx.plan.domain}`;
}

/** dmarc.present: a v=DMARC1 record exists at _dmarc.<domain>. */
export function evaluateDmarcPresent(obs: DmarcObservation, ctx: EvalContext): Finding {
  const name = dmarcName(ctx);
  const evidence = { lookup: lookupEvidence(obs.lookup) };
  const lines = perViewLines(obs.lookup);
  const { v, want } = judgeSameValues(obs.lookup, dmarcValues, ctx);
  if (v.state === 'unknown')
    return unknownFinding('dmarc.present', name, whyUnknown(obs.lookup), evidence);
  if (v.state === 'bad') {
    const broken = chainBreakFinding('dmarc.present', name, obs.lookup, ctx, 'the DMARC record');
    if (broken) return broken;
    const applied = appliedDmarc(obs, ctx.plan.domain);
    if (applied.state === 'inherited') return inheritedFinding(applied, ctx, lines);
    if (applied.state === 'unknown' && applied.unknownLookup) {
      return unknownFinding('dmarc.present', name, whyUnknown(applied.unknownLookup), {
        ...evidence,
        walk: (obs.walk ?? []).map((w) => lookupEvidence(w.lookup)),
      });
    }
    const elsewhere = misplacedNames(obs);
    return makeFinding('dmarc.present', name, 'fail', {
      title: 'The domain has no DMARC record',
      detail: detailText(
        `There is no DMARC record at ${name}.${elsewhere.length ? ` There is one at ${elsewhere.join(', ')}, where receivers do not look.` : ''} Without DMARC, big mailbox providers (Gmail, Yahoo, Outlook) refuse or junk bulk mail, and anyone can forge your domain.`,
        lines,
      ),
      fix: `Create a TXT record ${atDnsHost(ctx)}: Name "${nameField(name, ctx)}", Type TXT, Value ${suggestedDmarc(ctx)}`,
      evidence,
    });
  }
  if (v.lagging.length > 0) {
    return pendingFinding(
      'dmarc.present',
      name,
      `Your DNS host has the DMARC record`,
      v,
      lines,
      evidence,
    );
  }
  return makeFinding('dmarc.present', name, 'pass', {
    title: 'The domain has a DMARC record',
    detail: detailText(`${name}: ${want.join(' | ')}`, lines),
    evidence,
  });
}

/** "p=reject", "sp=none": the tag and value a receiver applies. */
function policyWords(applied: AppliedDmarc): string {
  return applied.policy ? `${applied.policy.tag}=${applied.policy.value}` : 'no valid policy';
}

const TAG_WORDS = {
  p: 'its main policy (p=), as it sets no sp= for subdomains',
  sp: 'its policy for subdomains (sp=)',
  np: 'its policy for names that do not exist (np=), because this name does not exist in DNS',
};

/**
 * dmarc.present for a subdomain without a record of its own that a parent's record covers:
 * pass naming the record and the policy receivers apply; warn when that policy is weaker than
 * the plan asks (for example a parent with sp=none).
 */
function inheritedFinding(applied: AppliedDmarc, ctx: EvalContext, lines: string[]): Finding {
  const name = dmarcName(ctx);
  const at = `_dmarc.${applied.at}`;
  const wanted = ctx.plan.dmarc?.policy ?? 'none';
  const value = applied.policy?.value;
  const evidence = {
    applied: {
      name: at,
      record: applied.texts?.[0],
      policy: applied.policy ?? null,
      inherited: true,
      ...(applied.rfc7489 && { rfc7489: applied.rfc7489 }),
    },
    lookup: applied.lookup ? lookupEvidence(applied.lookup) : null,
  };
  const how = applied.policy
    ? `Receivers apply ${policyWords(applied)} to mail from ${ctx.plan.domain}: ${TAG_WORDS[applied.policy.tag]}.`
    : 'It has no valid policy, so receivers ignore it.';
  const older =
    applied.rfc7489 && applied.rfc7489.at !== applied.at
      ? ` Receivers that still follow the older rule (RFC 7489) use the record of ${applied.rfc7489.at} instead${applied.rfc7489.policy ? `, with ${applied.rfc7489.policy.tag}=${applied.rfc7489.policy.value}` : ', and find none'}.`
      : applied.rfc7489 && applied.policy?.tag === 'np'
        ? ` Receivers that still follow the older rule (RFC 7489) know no np= and apply ${applied.rfc7489.policy ? `${applied.rfc7489.policy.tag}=${applied.rfc7489.policy.value}` : 'nothing'}.`
        : '';
  const detail = detailText(
    `${ctx.plan.domain} has no DMARC record of its own, so receivers use the one at ${at}: "${applied.texts?.[0] ?? ''}". ${how}${older}`,
    lines,
  );
  if (!value || policyRank(value) < policyRank(wanted)) {
    return makeFinding('dmarc.present', name, 'warn', {
      title: `The DMARC record of ${applied.at} covers this domain, with a weaker policy than planned`,
      detail,
      fix: `Publish a DMARC record of its own for ${ctx.plan.domain}: a TXT record ${atDnsHost(ctx)}, Name "${relativeName(name, applied.at ?? ctx.plan.domain)}" (in full: ${name}), Value ${suggestedDmarc(ctx)}. Or, if every subdomain should get it, add "sp=${wanted}" to the record at ${at}.`,
      evidence,
    });
  }
  return makeFinding('dmarc.present', name, 'pass', {
    title: `The domain is covered by the DMARC record of ${applied.at}`,
    detail,
    evidence,
  });
}

/** The DMARC texts that apply to the domain (its own, else an inherited one); undefined when unknown. */
function publishedDmarc(obs: DmarcObservation, ctx?: EvalContext): string[] | undefined {
  if (ctx) {
    const applied = appliedDmarc(obs, ctx.plan.domain);
    if (applied.state === 'inherited') return applied.texts;
  }
  const a = publishedAnswers(obs.lookup).answers[0]?.answer;
  return a ? dmarcValues(a) : undefined;
}

function notChecked(check: CheckId, obs: DmarcObservation, ctx: EvalContext): Finding | null {
  const texts = publishedDmarc(obs, ctx);
  if (texts === undefined)
    return unknownFinding(check, dmarcName(ctx), whyUnknown(obs.lookup), {
      lookup: lookupEvidence(obs.lookup),
    });
  if (texts.length === 0) {
    return makeFinding(check, dmarcName(ctx), 'info', {
      title: 'Not checked: there is no DMARC record yet',
      detail: 'There is no DMARC record to check. See "The domain has a DMARC record".',
    });
  }
  return null;
}

function parsed(obs: DmarcObservation, ctx: EvalContext): DmarcRecord {
  return parseDmarc((publishedDmarc(obs, ctx) ?? [])[0] ?? '');
}

/** dmarc.single: exactly one DMARC record. */
export function evaluateDmarcSingle(obs: DmarcObservation, ctx: EvalContext): Finding {
  const none = notChecked('dmarc.single', obs, ctx);
  if (none) return none;
  const texts = publishedDmarc(obs, ctx) ?? [];
  const name = dmarcName(ctx);
  if (texts.length > 1) {
    return makeFinding('dmarc.single', name, 'fail', {
      title: 'The domain has more than one DMARC record',
      detail: detailText(
        `${name} has ${texts.length} DMARC records. Receivers then ignore all of them, as if there were none:`,
        texts,
      ),
      fix: `Keep one DMARC record at "${nameField(name, ctx)}" ${atDnsHost(ctx)} and delete the others.`,
      evidence: { records: texts },
    });
  }
  return makeFinding('dmarc.single', name, 'pass', {
    title: 'Exactly one DMARC record',
    detail: `${name} has one DMARC record.`,
  });
}

/** Codes judged by other DMARC checks (policy, reports), not by dmarc.syntax. */
const OTHER_CHECKS = new Set(['policy-none', 'testing', 'not-mailto', 'bad-uri']);

/** dmarc.syntax: v=DMARC1 first, p= present and valid, known tags with valid values. */
export function evaluateDmarcSyntax(obs: DmarcObservation, ctx: EvalContext): Finding {
  const none = notChecked('dmarc.syntax', obs, ctx);
  if (none) return none;
  const name = dmarcName(ctx);
  const rec = parsed(obs, ctx);
  const own = rec.problems.filter((p) => !OTHER_CHECKS.has(p.code));
  const evidence = { record: rec.text, problems: rec.problems };
  const problems = problemsFinding(
    'dmarc.syntax',
    name,
    own,
    {
      record: 'The DMARC record',
      errorTitle: 'The DMARC record has a mistake',
      errorLead: `Receivers may ignore "${rec.text}":`,
      errorFix: `Edit the TXT record "${nameField(name, ctx)}" ${atDnsHost(ctx)}. A correct record looks like: ${suggestedDmarc(ctx)}`,
      warningLead: `"${rec.text}" is usable, but:`,
      warningFix: 'Tidy the parts above when you next edit the record.',
    },
    evidence,
  );
  if (problems) return problems;
  return makeFinding('dmarc.syntax', name, 'pass', {
    title: 'The DMARC record is written correctly',
    detail: `"${rec.text}" follows the DMARC standard.`,
    evidence,
  });
}

/** dmarc.policy: p=none is a warn with the next step; quarantine/reject pass. */
export function evaluateDmarcPolicy(obs: DmarcObservation, ctx: EvalContext): Finding {
  const none = notChecked('dmarc.policy', obs, ctx);
  if (none) return none;
  const name = dmarcName(ctx);
  const rec = parsed(obs, ctx);
  const applied = appliedDmarc(obs, ctx.plan.domain);
  // A subdomain covered by a parent's record gets that record's sp= (or np=, or p=).
  const inherited = applied.state === 'inherited';
  const policy = inherited ? applied.policy?.value : rec.policy;
  const tag = inherited ? (applied.policy?.tag ?? 'p') : 'p';
  const evidence = {
    record: rec.text,
    ...(inherited && { appliedAt: `_dmarc.${applied.at}`, policy: applied.policy ?? null }),
  };
  if (!policy) {
    return makeFinding('dmarc.policy', name, 'fail', {
      title: 'The DMARC record has no valid policy',
      detail: `"${rec.text}" has no valid "p=" tag, so receivers ignore it.`,
      fix: 'Add "p=none" right after "v=DMARC1;" to start, and raise it later.',
      evidence,
    });
  }
  if (policy === 'none') {
    return makeFinding('dmarc.policy', name, 'warn', {
      title: 'DMARC only watches; it does not protect yet',
      detail: `The policy${inherited ? ` receivers apply to ${ctx.plan.domain} (from _dmarc.${applied.at})` : ''} is "${tag}=none": receivers send reports but deliver forged mail as usual. That is the right first step.`,
      fix: 'Read the reports for 2 to 4 weeks. When they show only your own servers, change "p=none" to "p=quarantine", and later to "p=reject".',
      evidence,
    });
  }
  if (rec.testing) {
    return makeFinding('dmarc.policy', name, 'warn', {
      title: 'DMARC is in testing mode',
      detail: `The policy is "${tag}=${policy}" but "t=y" tells receivers to apply one step less.`,
      fix: 'Remove "t=y" once the reports look clean.',
      evidence,
    });
  }
  return makeFinding('dmarc.policy', name, 'pass', {
    title: 'DMARC asks receivers to act',
    detail: `The policy${inherited ? ` receivers apply to ${ctx.plan.domain} (from _dmarc.${applied.at})` : ''} is "${tag}=${policy}": receivers ${policy === 'reject' ? 'refuse' : 'put in spam'} mail that fails.`,
    evidence,
  });
}

/** dmarc.reports: rua/ruf are mailto: URIs; an external report domain authorises it. */
export function evaluateDmarcReports(obs: DmarcObservation, ctx: EvalContext): Finding {
  const none = notChecked('dmarc.reports', obs, ctx);
  if (none) return none;
  const name = dmarcName(ctx);
  const rec = parsed(obs, ctx);
  const evidence = {
    record: rec.text,
    reportAuth: obs.reportAuth.map((r) => ({ domain: r.domain, lookup: lookupEvidence(r.lookup) })),
  };
  const uriProblems = rec.problems.filter((p) => p.code === 'not-mailto' || p.code === 'bad-uri');
  if (uriProblems.length > 0) {
    return makeFinding('dmarc.reports', name, 'fail', {
      title: 'A DMARC report address cannot be used',
      detail: detailText(
        'Receivers cannot send reports to:',
        uriProblems.map((p) => p.message),
      ),
      fix: `Write report addresses as mailto:address, for example rua=mailto:dmarc@${ctx.plan.domain}.`,
      evidence,
    });
  }
  if (rec.rua.length === 0) {
    return makeFinding('dmarc.reports', name, 'warn', {
      title: 'DMARC reports are not requested',
      detail:
        'The record has no "rua=" address, so you get no reports. Reports tell you who sends mail as your domain: you need them before making the policy stricter.',
      fix: `Add "rua=mailto:dmarc@${ctx.plan.domain}" (or another mailbox you read) to the DMARC record.`,
      evidence,
    });
  }
  // A report address within the organizational domain needs no authorisation (RFC 7489 §7.1):
  // dmarc@example.com is fine for news.example.com.
  const applied = appliedDmarc(obs, ctx.plan.domain);
  const domain = applied.state === 'inherited' && applied.at ? applied.at : ctx.plan.domain;
  const org = obs.orgDomain ?? organizationalDomain(ctx.plan.domain);
  const external = [
    ...new Set(
      [...rec.rua, ...rec.ruf]
        .map((u) => u.domain)
        .filter((d): d is string => !!d && organizationalDomain(d) !== org),
    ),
  ];
  const unauthorised: string[] = [];
  const couldNotAsk: string[] = [];
  for (const d of external) {
    const auth = obs.reportAuth.find((r) => r.domain === d);
    const a = auth ? publishedAnswers(auth.lookup).answers[0]?.answer : undefined;
    if (!a) {
      couldNotAsk.push(d);
      continue;
    }
    if (!txtValues(a).some((t) => /^v\s*=\s*DMARC1/i.test(t))) unauthorised.push(d);
  }
  if (unauthorised.length > 0) {
    return makeFinding('dmarc.reports', name, 'warn', {
      title: 'Another domain has not agreed to receive your reports',
      detail: `Reports go to ${unauthorised.join(', ')}, but ${unauthorised.map((d) => `${domain}._report._dmarc.${d}`).join(', ')} does not exist, so receivers will not send them there.`,
      fix: `Ask whoever runs ${unauthorised.join(', ')} to publish TXT "v=DMARC1" at ${unauthorised.map((d) => `${domain}._report._dmarc.${d}`).join(', ')} (report services do this when you add your domain), or send reports to a mailbox @${domain}.`,
      evidence,
    });
  }
  if (couldNotAsk.length > 0) {
    return unknownFinding(
      'dmarc.reports',
      name,
      `whether ${couldNotAsk.join(', ')} accepts your reports could not be checked`,
      evidence,
    );
  }
  return makeFinding('dmarc.reports', name, 'pass', {
    title: 'DMARC reports can be delivered',
    detail: `Reports go to ${rec.rua.map((u) => u.address ?? u.uri).join(', ')}.`,
    evidence,
  });
}

function misplacedNames(obs: DmarcObservation): string[] {
  return obs.misplaced
    .filter((l) => l.answers.some((a) => dmarcValues(a.answer).length > 0))
    .map((l) => l.name);
}

/** dmarc.misplaced: a v=DMARC1 record sits at a wrong name (the apex, a doubled name). */
export function evaluateDmarcMisplaced(obs: DmarcObservation, ctx: EvalContext): Finding {
  const name = dmarcName(ctx);
  const evidence = { misplaced: obs.misplaced.map(lookupEvidence) };
  const found = misplacedNames(obs);
  if (found.length > 0) {
    const rel = nameField(name, ctx);
    return makeFinding('dmarc.misplaced', ctx.plan.domain, 'fail', {
      title: 'A DMARC record is at the wrong name',
      detail: `A DMARC record sits at ${found.join(', ')}. Receivers only look at ${name}, so this one does nothing.`,
      fix: `Move it: create the TXT record with Name "${rel}" ${atDnsHost(ctx)} (some panels want "${rel}", others "${name}"), then delete the one at ${found.join(', ')}.`,
      evidence,
    });
  }
  const anyAnswer = obs.misplaced.some((l) =>
    l.answers.some(
      (a) =>
        a.answer.outcome === 'answer' ||
        a.answer.outcome === 'nodata' ||
        a.answer.outcome === 'nxdomain',
    ),
  );
  if (obs.misplaced.length > 0 && !anyAnswer) {
    return unknownFinding(
      'dmarc.misplaced',
      ctx.plan.domain,
      whyUnknown(obs.misplaced[0] as DmarcObservation['lookup']),
      evidence,
    );
  }
  return makeFinding('dmarc.misplaced', ctx.plan.domain, 'pass', {
    title: 'No DMARC record at a wrong name',
    detail: `No DMARC record at ${obs.misplaced.map((l) => l.name).join(', ')}.`,
    evidence,
  });
}
