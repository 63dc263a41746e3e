import type { CheckId } from './catalogue';
import { parseDmarc, type DmarcRecord } from '../records/dmarc-parse';
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
import type { DmarcObservation } from './observations';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import { judgeVisibility, waitWords } from './visibility';

/** DMARC records among TXT values: text starting with "v=DMARC1" (receivers ignore the rest). */
export function dmarcTexts(values: readonly string[]): string[] {
  return values.filter((v) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(v));
}

function dmarcValues(a: ObservedAnswer): string[] {
  return dmarcTexts(txtValues(a)).sort();
}

/** The DMARC record the plan suggests (for fixes). */
export function suggestedDmarc(ctx: EvalContext): string {
  const d = ctx.plan.dmarc;
  const parts = [`v=DMARC1`, `p=${d?.policy ?? 'none'}`];
  if (d?.rua) parts.push(`rua=${d.rua}`);
  return parts.join('; ');
}

function dmarcName(ctx: EvalContext): string {
  return `_dmarc.${ctx.plan.domain}`;
}

/** dmarc.present: a v=DMARC1 record exists at _dmarc.<domain>. */
export function evaluateDmarcPresent(obs: DmarcObservation, ctx: EvalContext): Finding {
  const name = dmarcName(ctx);
  const evidence = { lookup: lookupEvidence(obs.lookup) };
  const lines = perViewLines(obs.lookup);
  const first = publishedAnswers(obs.lookup).answers[0]?.answer;
  const want = first ? dmarcValues(first) : [];
  const v = judgeVisibility(
    obs.lookup,
    (a) => {
      const vals = dmarcValues(a);
      return vals.length > 0 && vals.length === want.length && vals.every((x, i) => x === want[i]);
    },
    ctx.observedAt,
    ctx.negativeTtl,
  );
  if (v.state === 'unknown')
    return unknownFinding('dmarc.present', name, whyUnknown(obs.lookup), evidence);
  if (v.state === 'bad') {
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
    return makeFinding('dmarc.present', name, 'pending', {
      title: 'Published, not yet visible everywhere',
      detail: detailText(
        `Your DNS host has the DMARC record. Some resolvers still have the old answer${v.waitSeconds !== undefined ? ` and should update ${waitWords(v.waitSeconds)}` : ''}.`,
        lines,
      ),
      fix: 'Nothing to change. Wait, then check again.',
      ...(v.eta ? { eta: v.eta } : {}),
      evidence,
    });
  }
  return makeFinding('dmarc.present', name, 'pass', {
    title: 'The domain has a DMARC record',
    detail: detailText(`${name}: ${want.join(' | ')}`, lines),
    evidence,
  });
}

function publishedDmarc(obs: DmarcObservation): string[] | undefined {
  const a = publishedAnswers(obs.lookup).answers[0]?.answer;
  return a ? dmarcValues(a) : undefined;
}

function notChecked(check: CheckId, obs: DmarcObservation, ctx: EvalContext): Finding | null {
  const texts = publishedDmarc(obs);
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

function parsed(obs: DmarcObservation): DmarcRecord {
  return parseDmarc((publishedDmarc(obs) ?? [])[0] ?? '');
}

/** dmarc.single: exactly one DMARC record. */
export function evaluateDmarcSingle(obs: DmarcObservation, ctx: EvalContext): Finding {
  const none = notChecked('dmarc.single', obs, ctx);
  if (none) return none;
  const texts = publishedDmarc(obs) ?? [];
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
  const rec = parsed(obs);
  const own = rec.problems.filter((p) => !OTHER_CHECKS.has(p.code));
  const evidence = { record: rec.text, problems: rec.problems };
  const errors = own.filter((p) => p.level === 'error');
  if (errors.length > 0) {
    return makeFinding('dmarc.syntax', name, 'fail', {
      title: 'The DMARC record has a mistake',
      detail: detailText(
        `Receivers may ignore "${rec.text}":`,
        errors.map((p) => p.message),
      ),
      fix: `Edit the TXT record "${nameField(name, ctx)}" ${atDnsHost(ctx)}. A correct record looks like: ${suggestedDmarc(ctx)}`,
      evidence,
    });
  }
  const warnings = own.filter((p) => p.level === 'warning');
  if (warnings.length > 0) {
    return makeFinding('dmarc.syntax', name, 'warn', {
      title: 'The DMARC record works, with something to tidy',
      detail: detailText(
        `"${rec.text}" is usable, but:`,
        warnings.map((p) => p.message),
      ),
      fix: 'Tidy the parts above when you next edit the record.',
      evidence,
    });
  }
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
  const rec = parsed(obs);
  const evidence = { record: rec.text };
  if (!rec.policy) {
    return makeFinding('dmarc.policy', name, 'fail', {
      title: 'The DMARC record has no valid policy',
      detail: `"${rec.text}" has no valid "p=" tag, so receivers ignore it.`,
      fix: 'Add "p=none" right after "v=DMARC1;" to start, and raise it later.',
      evidence,
    });
  }
  if (rec.policy === 'none') {
    return makeFinding('dmarc.policy', name, 'warn', {
      title: 'DMARC only watches; it does not protect yet',
      detail: `The policy is "p=none": receivers send reports but deliver forged mail as usual. That is the right first step.`,
      fix: 'Read the reports for 2 to 4 weeks. When they show only your own servers, change "p=none" to "p=quarantine", and later to "p=reject".',
      evidence,
    });
  }
  if (rec.testing) {
    return makeFinding('dmarc.policy', name, 'warn', {
      title: 'DMARC is in testing mode',
      detail: `The policy is "p=${rec.policy}" but "t=y" tells receivers to apply one step less.`,
      fix: 'Remove "t=y" once the reports look clean.',
      evidence,
    });
  }
  return makeFinding('dmarc.policy', name, 'pass', {
    title: 'DMARC asks receivers to act',
    detail: `The policy is "p=${rec.policy}": receivers ${rec.policy === 'reject' ? 'refuse' : 'put in spam'} mail that fails.`,
    evidence,
  });
}

/** dmarc.reports: rua/ruf are mailto: URIs; an external report domain authorises it. */
export function evaluateDmarcReports(obs: DmarcObservation, ctx: EvalContext): Finding {
  const none = notChecked('dmarc.reports', obs, ctx);
  if (none) return none;
  const name = dmarcName(ctx);
  const rec = parsed(obs);
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
  const domain = ctx.plan.domain;
  const external = [
    ...new Set(
      [...rec.rua, ...rec.ruf]
        .map((u) => u.domain)
        .filter((d): d is string => !!d && d !== domain && !d.endsWith(`.${domain}`)),
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
