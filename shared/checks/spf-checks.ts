import { chainBreakFinding } from './chain-finding';
import { plannedValue } from '../records/planned-value';
import type { CheckId } from './catalogue';
import { parseSpf, type SpfRecord } from '../records/spf-parse';
import type { Finding } from './finding';
import { judgeSameValues, pendingFinding } from './visibility-findings';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  lookupEvidence,
  perViewLines,
  publishedAnswers,
  txtValues,
  whyUnknown,
  type Lookup,
  type ObservedAnswer,
} from './dns-observation';
import type { SpfObservation, SpfTreeNode } from './observations';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import { DNS_LIMITS, countWords } from './dns-limits';

/** The SPF records among TXT values (text starting with "v=spf1", case-insensitive, then space or end). */
export function spfTexts(values: readonly string[]): string[] {
  return values.filter((v) => /^v=spf1(\s|$)/i.test(v));
}

/** TXT values that were meant as SPF but are not read as SPF (quotes kept, a leading space...). */
export function mangledSpf(values: readonly string[]): string[] {
  return values.filter((v) => !/^v=spf1(\s|$)/i.test(v) && /v\s*=\s*spf1/i.test(v));
}

function spfValues(a: ObservedAnswer): string[] {
  return spfTexts(txtValues(a)).sort();
}

function mangledWhy(text: string): string {
  if (/^\s/.test(text)) return 'it starts with a space';
  if (/^["'“”]/.test(text) || /["“”]$/.test(text))
    return 'it contains the quote characters themselves';
  if (/^v\s*=\s*spf1/i.test(text)) return 'it has spaces around "=" or no space after "v=spf1"';
  return 'it does not start with "v=spf1"';
}

function presenceFinding(
  check: 'spf.present' | 'spf.helo',
  subject: string,
  lookup: Lookup,
  ctx: EvalContext,
  missingStatus: 'fail' | 'warn',
  suggested: string,
): Finding {
  const evidence = { lookup: lookupEvidence(lookup) };
  const lines = perViewLines(lookup);
  const auth = publishedAnswers(lookup).answers[0]?.answer;
  const { v, want: authValues } = judgeSameValues(lookup, spfValues, ctx);
  if (v.state === 'unknown') return unknownFinding(check, subject, whyUnknown(lookup), evidence);
  const rel = nameField(subject, ctx);
  if (v.state === 'bad') {
    const broken = chainBreakFinding(check, subject, lookup, ctx, 'the SPF record');
    if (broken) return { ...broken, status: missingStatus };
    const mangled = auth ? mangledSpf(txtValues(auth)) : [];
    if (mangled.length > 0) {
      const m = mangled[0] as string;
      const clean = m.replace(/^[\s"'“”]+|["'“”\s]+$/g, '').replace(/^v\s*=\s*spf1/i, 'v=spf1');
      return makeFinding(check, subject, missingStatus === 'warn' ? 'warn' : 'fail', {
        title: 'The SPF record is written in a way receivers do not read',
        detail: detailText(
          `${subject} has the TXT record ${JSON.stringify(m)}, which is not read as SPF because ${mangledWhy(m)}.`,
          lines,
        ),
        fix: `Edit the TXT record "${rel}" ${atDnsHost(ctx)} so its value is exactly: ${clean}`,
        evidence,
      });
    }
    return makeFinding(check, subject, missingStatus, {
      title:
        check === 'spf.present'
          ? 'The domain has no SPF record'
          : 'The mail host has no SPF record of its own',
      detail: detailText(
        check === 'spf.present'
          ? `${subject} publishes no SPF record, so receivers cannot tell which servers may send its mail. Much of it will be junked or refused.`
          : `${subject} has no SPF record. Some receivers check the name the server introduces itself with (HELO) and trust mail more when it has one.`,
        lines,
      ),
      fix: `Create a TXT record ${atDnsHost(ctx)}: Name "${rel}", Type TXT, Value ${suggested}`,
      evidence,
    });
  }
  if (v.lagging.length > 0) {
    return pendingFinding(
      check,
      subject,
      `Your DNS host has the SPF record of ${subject}`,
      v,
      lines,
      evidence,
    );
  }
  return makeFinding(check, subject, 'pass', {
    title:
      check === 'spf.present'
        ? 'The domain has an SPF record'
        : 'The mail host has its own SPF record',
    detail: detailText(`${subject}: ${spfList(authValues, ' | ')}`, lines),
    evidence,
  });
}

/** The SPF value the plan suggests for the domain (for fixes): v=spf1 with the server's IPs. */
export function suggestedSpf(ctx: EvalContext): string {
  // The planner's record for a domain without one (this is said only when none is published):
  // the server's addresses and the senders' includes, exactly as the Records step shows it.
  return plannedValue(ctx.plan, 'spf') ?? 'v=spf1 ~all';
}

/** spf.present: the domain publishes a v=spf1 record. */
export function evaluateSpfPresent(obs: SpfObservation, ctx: EvalContext): Finding {
  return presenceFinding('spf.present', ctx.plan.domain, obs.apex, ctx, 'fail', suggestedSpf(ctx));
}

/** Longest SPF text written out in a finding; a 62 KB record is cut. */
const SPF_TEXT_CHARS = 300;

/** One SPF text as a finding shows it: cut at SPF_TEXT_CHARS with its length said. */
function spfShown(text: string): string {
  return text.length > SPF_TEXT_CHARS
    ? `${text.slice(0, SPF_TEXT_CHARS)}… (${countWords(text.length)} characters)`
    : text;
}

/** SPF texts joined by `sep`: the first DNS_LIMITS.evidenceRecords, each cut, then "and N more". */
function spfList(texts: readonly string[], sep: string): string {
  const shown = texts.slice(0, DNS_LIMITS.evidenceRecords).map(spfShown).join(sep);
  const more = texts.length - DNS_LIMITS.evidenceRecords;
  return more > 0 ? `${shown}${sep}and ${countWords(more)} more` : shown;
}

/** A record's problems as evidence: at most DNS_LIMITS.evidenceRecords, long texts cut. */
function problemsShown(rec: SpfRecord): unknown[] {
  return rec.problems.slice(0, DNS_LIMITS.evidenceRecords).map((p) => ({
    ...p,
    message: spfShown(p.message),
    ...(p.term !== undefined && { term: spfShown(p.term) }),
  }));
}

/** Problems of a parsed SPF record that make it unreadable (permerror), as spf.syntax judges them. */
function syntaxErrors(rec: SpfRecord): SpfRecord['problems'] {
  // These problems belong to their own checks (spf.all, spf.lookups), so they are not repeated here.
  return rec.problems.filter(
    (p) =>
      p.level === 'error' &&
      !['plus-all', 'neutral-all', 'no-all', 'too-many-lookups', 'allow-everyone'].includes(p.code),
  );
}

/**
 * spf.helo: the mail host has its own SPF record (`v=spf1 a -all`), one of them, that parses. A
 * receiver checking the HELO name meets the same rules as for the domain: two records or a
 * mistake is a "permerror", which counts against the mail.
 */
export function evaluateSpfHelo(obs: SpfObservation, ctx: EvalContext): Finding {
  const host = ctx.plan.mailHost;
  const presence = presenceFinding('spf.helo', host, obs.helo, ctx, 'warn', 'v=spf1 a -all');
  if (presence.status !== 'pass' && presence.status !== 'pending') return presence;
  const auth = publishedAnswers(obs.helo).answers[0]?.answer;
  const texts = auth ? spfTexts(txtValues(auth)) : [];
  const rel = nameField(host, ctx);
  const evidence = { lookup: lookupEvidence(obs.helo) };
  const total = texts.length + (auth?.recordsOmitted ?? 0);
  if (total > 1) {
    return makeFinding('spf.helo', host, 'fail', {
      title: 'The mail host has more than one SPF record',
      detail: detailText(
        `${host} has ${countWords(total)} SPF records. Receivers that check the name your server introduces itself with (HELO) then ignore all of them (an SPF "permerror"), and some count that against the mail:`,
        texts.slice(0, DNS_LIMITS.evidenceRecords).map(spfShown),
      ),
      fix: `Keep one TXT record "${rel}" ${atDnsHost(ctx)} with the value v=spf1 a -all, and delete the others.`,
      evidence,
    });
  }
  const rec = texts[0] === undefined ? undefined : parseSpf(texts[0]);
  const errors = rec ? syntaxErrors(rec) : [];
  if (rec && errors.length > 0) {
    return makeFinding('spf.helo', host, 'fail', {
      title: "The mail host's SPF record has a mistake",
      detail: detailText(
        `Receivers cannot read "${spfShown(rec.text)}" (an SPF "permerror"), so checking the HELO name ends in an error:`,
        errors.slice(0, DNS_LIMITS.evidenceRecords).map((p) => spfShown(p.message)),
      ),
      fix: `Edit the TXT record "${rel}" ${atDnsHost(ctx)} so its value is exactly: v=spf1 a -all`,
      evidence,
    });
  }
  return presence;
}

/** The published SPF texts of the domain, or undefined when no view could answer. */
function publishedSpf(obs: SpfObservation): string[] | undefined {
  const a = publishedAnswers(obs.apex).answers[0]?.answer;
  return a ? spfTexts(txtValues(a)) : undefined;
}

function noRecord(check: CheckId, subject: string, obs: SpfObservation): Finding | null {
  const texts = publishedSpf(obs);
  if (texts === undefined)
    return unknownFinding(check, subject, whyUnknown(obs.apex), { apex: lookupEvidence(obs.apex) });
  if (texts.length === 0) {
    return makeFinding(check, subject, 'info', {
      title: 'Not checked: there is no SPF record yet',
      detail: 'There is no SPF record to check. See "The domain has an SPF record".',
    });
  }
  return null;
}

/** spf.single: exactly one v=spf1 record (two or more is a permerror). */
export function evaluateSpfSingle(obs: SpfObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const none = noRecord('spf.single', domain, obs);
  if (none) return none;
  const texts = publishedSpf(obs) ?? [];
  const evidence = { apex: lookupEvidence(obs.apex) };
  const omitted = publishedAnswers(obs.apex).answers[0]?.answer.recordsOmitted ?? 0;
  if (texts.length + omitted > 1) {
    return makeFinding('spf.single', domain, 'fail', {
      title: 'The domain has more than one SPF record',
      detail: detailText(
        `${domain} has ${countWords(texts.length + omitted)} SPF records. Receivers then ignore all of them (an SPF "permerror"), as if there were none:`,
        texts.slice(0, DNS_LIMITS.evidenceRecords).map(spfShown),
      ),
      fix: `Merge them into one TXT record ${atDnsHost(ctx)} and delete the others. Keep one "v=spf1" at the start and one "all" at the end, with every include, ip4 and ip6 of both in between.`,
      evidence,
    });
  }
  return makeFinding('spf.single', domain, 'pass', {
    title: 'Exactly one SPF record',
    detail: `${domain} has one SPF record.`,
    evidence,
  });
}

function parsedSpf(obs: SpfObservation): SpfRecord | undefined {
  const t = publishedSpf(obs)?.[0];
  return t === undefined ? undefined : parseSpf(t);
}

/** Every node below the root, depth first, with the chain of terms that leads to it. */
function nodesBelow(
  node: SpfTreeNode,
  path: string[] = [],
): { node: SpfTreeNode; path: string[] }[] {
  return node.children.flatMap((c) => {
    const here = [...path, c.via ?? c.domain];
    return [{ node: c, path: here }, ...nodesBelow(c, here)];
  });
}

/** "include:_spf.x.test (1 lookup, 3 with its includes): v=spf1 ..." per record of the tree. */
export function includeTreeLines(tree: SpfTreeNode, depth = 0): string[] {
  return tree.children.flatMap((c) => {
    const cost = `${c.ownLookups} lookup${c.ownLookups === 1 ? '' : 's'}${c.totalLookups !== c.ownLookups ? `, ${c.totalLookups} with its includes` : ''}`;
    const what = c.broken ? (c.problems[0] ?? c.broken) : `"${c.record ?? ''}"`;
    return [
      `${'  '.repeat(depth)}${c.via ?? c.domain} (${cost}): ${what}`,
      ...includeTreeLines(c, depth + 1),
    ];
  });
}

/**
 * spf.syntax for what the record includes: every include/redirect is followed whatever address
 * sends, because a forger's address (or a forgotten sender's) goes past the server's own ip4: and
 * reaches them. A target with no SPF record, two, or a mistake is a permerror there: the record's
 * "-all" never applies. A target that could not be fetched is unknown.
 */
function includeFinding(tree: SpfTreeNode, text: string, ctx: EvalContext): Finding | null {
  const domain = ctx.plan.domain;
  const below = nodesBelow(tree);
  const evidence = { record: text, includeTree: tree };
  const lines = includeTreeLines(tree);
  const broken = below.find((b) => b.node.broken && b.node.broken !== 'unreachable');
  if (broken) {
    const n = broken.node;
    const term = n.via ?? `include:${n.domain}`;
    const chain = broken.path.length > 1 ? ` (reached through ${broken.path.join(' → ')})` : '';
    const why = {
      'no-spf': `${n.domain} has no SPF record`,
      several: `${n.domain} has ${n.problems[0]?.match(/has (\d+)/)?.[1] ?? 'several'} SPF records`,
      syntax: `the SPF record of ${n.domain} has a mistake: ${n.problems[0] ?? 'it cannot be read'}`,
    }[n.broken as 'no-spf' | 'several' | 'syntax'];
    const own = broken.path.length === 1;
    return makeFinding('spf.syntax', domain, 'fail', {
      title: `"${term}" in the SPF record is broken`,
      detail: detailText(
        `"${term}"${chain}: ${why}. Receivers reach it for every address not listed before it (anyone forging your domain, or a sender you forgot), and then give up with an error (an SPF "permerror"), so the end of your record ("${text.split(/\s+/).pop()}") never applies and forged mail is not caught.`,
        lines,
      ),
      fix:
        n.broken === 'no-spf' && own
          ? `Check the name in "${term}": it must be exactly the include your mail service gives (a typo is common). If you no longer use that service, remove "${term}" from the SPF record of ${nameField(domain, ctx)} ${atDnsHost(ctx)}.`
          : own
            ? `Remove "${term}" from the SPF record ${atDnsHost(ctx)}, or ask whoever runs ${n.domain} to fix their record (one SPF record, written correctly).`
            : `The broken record belongs to ${n.domain}, which your record includes through ${broken.path[0]}. Ask that service to fix it, or remove "${broken.path[0]}" from your SPF record ${atDnsHost(ctx)} until they do.`,
      evidence: {
        ...evidence,
        brokenInclude: { term, domain: n.domain, problem: n.broken, path: broken.path },
      },
    });
  }
  const unreachable = below.find((b) => b.node.broken === 'unreachable');
  if (unreachable) {
    return unknownFinding(
      'spf.syntax',
      domain,
      `the record of ${unreachable.node.domain} ("${unreachable.node.via ?? unreachable.node.domain}") could not be fetched, so whether it works is not known`,
      evidence,
    );
  }
  return null;
}

/** spf.syntax: the record parses per RFC 7208. */
export function evaluateSpfSyntax(obs: SpfObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const none = noRecord('spf.syntax', domain, obs);
  if (none) return none;
  const rec = parsedSpf(obs) as SpfRecord;
  // These problems belong to their own checks (spf.all, spf.lookups), so they are not repeated here.
  const own = rec.problems.filter(
    (p) =>
      !['plus-all', 'neutral-all', 'no-all', 'too-many-lookups', 'allow-everyone'].includes(p.code),
  );
  const errors = syntaxErrors(rec);
  const warnings = own.filter((p) => p.level === 'warning');
  const evidence = {
    record: rec.text.slice(0, DNS_LIMITS.evidenceTextChars),
    problems: problemsShown(rec),
  };
  if (errors.length > 0) {
    return makeFinding('spf.syntax', domain, 'fail', {
      title: 'The SPF record has a mistake',
      detail: detailText(
        `Receivers cannot read "${spfShown(rec.text)}" (an SPF "permerror"), so it counts as no SPF at all:`,
        errors.slice(0, DNS_LIMITS.evidenceRecords).map((p) => spfShown(p.message)),
      ),
      fix: `Edit the SPF TXT record of ${nameField(domain, ctx)} ${atDnsHost(ctx)} to fix the parts above.`,
      evidence,
    });
  }
  const tree = obs.includeTree;
  const brokenInclude = tree ? includeFinding(tree, rec.text, ctx) : null;
  if (brokenInclude) return brokenInclude;
  if (warnings.length > 0) {
    return makeFinding('spf.syntax', domain, 'warn', {
      title: 'The SPF record works, with something to tidy',
      detail: detailText(
        `"${spfShown(rec.text)}" is valid, but:`,
        warnings.slice(0, DNS_LIMITS.evidenceRecords).map((p) => spfShown(p.message)),
      ),
      fix: 'Tidy the parts above when you next edit the record.',
      evidence,
    });
  }
  return makeFinding('spf.syntax', domain, 'pass', {
    title: 'The SPF record is written correctly',
    detail: `"${spfShown(rec.text)}" follows the SPF standard.`,
    evidence,
  });
}

const RESULT_WORDS: Record<string, string> = {
  pass: 'is allowed to send',
  fail: 'is refused ("fail"): receivers reject or junk its mail',
  softfail: 'is not allowed ("softfail"): receivers usually junk its mail',
  neutral: 'is neither allowed nor refused ("neutral"): receivers treat its mail as unverified',
  none: 'gets no SPF answer ("none"): there is no SPF record to check',
  permerror: 'gets an error ("permerror"): the record cannot be evaluated',
  temperror: 'could not be evaluated now ("temperror"): a DNS lookup failed',
};

/** spf.authorizes: SPF evaluation for each server IP gives pass (one finding per IP). */
export function evaluateSpfAuthorizes(obs: SpfObservation, ctx: EvalContext): Finding[] {
  const ips = [...ctx.plan.ipv4, ...ctx.plan.ipv6];
  return ips.map((ip) => {
    const ev = obs.evaluations.find((e) => e.ip === ip);
    if (!ev)
      return unknownFinding(
        'spf.authorizes',
        ip,
        obs.evaluationError ?? 'SPF could not be evaluated',
      );
    const evidence = { evaluation: ev };
    // The evaluator's own comment ("mailwright: domain of … does not designate …") repeats the
    // result in library words: it stays in the evidence (JSON, "Answers from each place").
    const detail = `With the published SPF record, ${ip} ${RESULT_WORDS[ev.result] ?? ev.result}.${ev.via ? ` Evaluated through ${ev.via}.` : ''}`;
    if (ev.result === 'pass') {
      return makeFinding('spf.authorizes', ip, 'pass', {
        title: 'SPF allows the server to send',
        detail,
        evidence,
      });
    }
    if (ev.result === 'temperror')
      return unknownFinding(
        'spf.authorizes',
        ip,
        `SPF evaluation hit a DNS error${ev.explanation ? ` (${ev.explanation})` : ''}`,
        evidence,
      );
    return makeFinding('spf.authorizes', ip, 'fail', {
      title: 'SPF does not allow the server to send',
      detail,
      fix:
        ev.result === 'none'
          ? `Publish an SPF record for ${ctx.plan.domain}: ${suggestedSpf(ctx)}`
          : ev.result === 'permerror'
            ? 'Fix the SPF record first (see the SPF checks above); then this address can pass.'
            : `Add "${ip.includes(':') ? 'ip6' : 'ip4'}:${ip}" to the SPF record of ${ctx.plan.domain}, before its "all" at the end.`,
      evidence,
    });
  });
}

/** spf.lookups: at most 10 DNS-querying terms and at most 2 void lookups. */
export function evaluateSpfLookups(obs: SpfObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const none = noRecord('spf.lookups', domain, obs);
  if (none) return none;
  const count = obs.lookupCount;
  const evidence = { lookupCount: count ?? null, includeTree: obs.includeTree ?? null };
  if (!count)
    return unknownFinding(
      'spf.lookups',
      domain,
      obs.evaluationError ?? 'the includes could not be followed',
      evidence,
    );
  const treeLines = obs.includeTree ? includeTreeLines(obs.includeTree) : [];
  const path = [
    ...(count.path.length ? [`Terms that query DNS: ${count.path.join(', ')}`] : []),
    ...(treeLines.length
      ? [
          `What each include costs (your record's own terms: ${obs.includeTree?.ownLookups ?? 0}):`,
          ...treeLines,
        ]
      : []),
  ];
  if (count.terms > 10 || count.voids > 2) {
    return makeFinding('spf.lookups', domain, 'fail', {
      title: 'SPF needs too many DNS lookups',
      detail: detailText(
        count.terms > 10
          ? `Checking this SPF record takes ${count.terms} DNS lookups (includes within includes count too). The limit is 10; above it receivers give up with an error and your mail fails SPF.`
          : `${count.voids} of the names in this SPF record do not exist or have no record ("void lookups"); the limit is 2, above it receivers give up.`,
        path,
      ),
      fix:
        count.terms > 10
          ? 'Remove includes of services you no longer use, and replace "a" and "mx" with ip4:/ip6: addresses of your own servers.'
          : 'Remove the terms that name hosts or includes that no longer exist.',
      evidence,
    });
  }
  if (count.error)
    return unknownFinding(
      'spf.lookups',
      domain,
      `not every include could be followed (${count.error})`,
      evidence,
    );
  const close = count.terms >= 9;
  return makeFinding('spf.lookups', domain, close ? 'warn' : 'pass', {
    title: close ? 'SPF is close to the lookup limit' : 'SPF stays within the lookup limits',
    detail: detailText(
      `Checking this SPF record takes ${count.terms} of the 10 allowed DNS lookups, with ${count.voids} empty answer${count.voids === 1 ? '' : 's'}.`,
      path,
    ),
    fix: 'One more include could break SPF. Replace "a" and "mx" with ip4:/ip6: addresses where you can.',
    evidence,
  });
}

/** spf.all: ends in -all or ~all (not +all, ?all, or nothing). */
export function evaluateSpfAll(obs: SpfObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const none = noRecord('spf.all', domain, obs);
  if (none) return none;
  const rec = parsedSpf(obs) as SpfRecord;
  const evidence = { record: rec.text.slice(0, DNS_LIMITS.evidenceTextChars) };
  const all = rec.all;
  const suggested = ctx.plan.spf?.all === 'fail' ? '-all' : '~all';
  if (!all) {
    if (rec.redirect) {
      return makeFinding('spf.all', domain, 'pass', {
        title: 'SPF hands over to another record',
        detail: `The record ends with redirect=${rec.redirect}: that record's ending applies.`,
        evidence,
      });
    }
    return makeFinding('spf.all', domain, 'warn', {
      title: 'SPF does not say what to do with other senders',
      detail: `"${spfShown(rec.text)}" has no "all" at the end, so mail from any other server is "neutral": neither allowed nor refused. Anyone can send as ${domain} without failing SPF.`,
      fix: `Add "${suggested}" at the end of the SPF record.`,
      evidence,
    });
  }
  if (all.qualifier === '+') {
    return makeFinding('spf.all', domain, 'fail', {
      title: 'SPF allows every server in the world to send as you',
      detail: `"${spfShown(rec.text)}" ends in "${all.text}", which allows any server to send mail as ${domain}. That is the same as no protection at all.`,
      fix: `Change "${all.text}" to "${suggested}" at the end of the SPF record.`,
      evidence,
    });
  }
  if (all.qualifier === '?') {
    return makeFinding('spf.all', domain, 'warn', {
      title: 'SPF does not refuse other senders',
      detail: `"${spfShown(rec.text)}" ends in "?all" (neutral): mail from other servers is neither allowed nor refused.`,
      fix: `Change "?all" to "${suggested}".`,
      evidence,
    });
  }
  return makeFinding('spf.all', domain, 'pass', {
    title: 'SPF refuses other senders',
    detail:
      all.qualifier === '-'
        ? `The record ends in "-all": mail from any other server fails SPF.`
        : `The record ends in "~all": mail from other servers is marked suspicious. Once DMARC reports show only your own servers, change it to "-all".`,
    evidence,
  });
}

/** spf.senders: every third-party sender in the plan is included. */
export function evaluateSpfSenders(obs: SpfObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  if (obs.senders.length === 0) {
    // Nothing to judge: a pass here would count as verified when nothing was looked at.
    return makeFinding('spf.senders', domain, 'info', {
      title: 'No other sending services to include',
      detail: 'The plan lists no other service that sends mail for the domain.',
    });
  }
  const none = noRecord('spf.senders', domain, obs);
  if (none?.status === 'unknown') return none;
  if (none) {
    // No SPF record at all: mail through every listed service fails SPF.
    return makeFinding('spf.senders', domain, 'fail', {
      title: 'SPF does not include your other sending services',
      detail: `There is no SPF record, so mail sent through ${obs.senders.map((x) => x.name).join(', ')} fails SPF.`,
      fix: `Publish one SPF record that includes them: ${obs.senders
        .filter((x) => x.include)
        .map((x) => `include:${x.include}`)
        .join(' ')}`,
    });
  }
  const rec = parsedSpf(obs) as SpfRecord;
  const seen = new Set(
    [...rec.includes, ...(rec.redirect ? [rec.redirect] : []), ...(obs.includesSeen ?? [])].map(
      (s) => s.toLowerCase(),
    ),
  );
  const missing = obs.senders.filter(
    (s) => s.include !== undefined && !seen.has(s.include.toLowerCase()),
  );
  const unknown = obs.senders.filter((s) => s.include === undefined);
  const evidence = {
    record: rec.text.slice(0, DNS_LIMITS.evidenceTextChars),
    senders: obs.senders,
    includesSeen: [...seen],
  };
  if (missing.length > 0) {
    return makeFinding('spf.senders', domain, 'fail', {
      title: 'SPF does not include all your sending services',
      detail: `Mail sent through ${missing.map((s) => s.name).join(', ')} will fail SPF: the record does not include ${missing.map((s) => `include:${s.include}`).join(', ')}.`,
      fix: `Add ${missing.map((s) => `"include:${s.include}"`).join(' and ')} to the SPF record, before its "all" at the end.`,
      evidence,
    });
  }
  return makeFinding('spf.senders', domain, 'pass', {
    title: 'SPF includes your other sending services',
    detail:
      `The record includes ${
        obs.senders
          .filter((s) => s.include)
          .map((s) => `${s.name} (${s.include})`)
          .join(', ') || 'every listed service'
      }.` +
      (unknown.length
        ? ` We do not know which include ${unknown.map((s) => s.name).join(', ')} need${unknown.length > 1 ? '' : 's'}: check their help pages.`
        : ''),
    evidence,
  });
}
