import type { Finding } from './finding';
import { pendingFinding } from './visibility-findings';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  publishedAnswers,
  lookupEvidence,
  perViewLines,
  recordsOf,
  whyUnknown,
  type ObservedAnswer,
} from './dns-observation';
import type { MxObservation } from './observations';
import { atDnsHost, type EvalContext } from './eval-context';
import { judgeVisibility } from './visibility';
import { targetProblem } from './mx-target-problem';
import { DNS_LIMITS, countWords } from './dns-limits';

function exchanges(answer: ObservedAnswer | undefined): { preference: number; exchange: string }[] {
  if (!answer) return [];
  return recordsOf(answer, 'MX').map((r) => ({
    preference: r.preference,
    exchange: r.exchange.toLowerCase().replace(/\.$/, ''),
  }));
}

/** A "null MX" (RFC 7505): one MX with target "." says the domain receives no mail. */
function isNullMx(mx: { exchange: string }[]): boolean {
  return mx.length === 1 && (mx[0]?.exchange === '' || mx[0]?.exchange === '.');
}

function mxWords(mx: { preference: number; exchange: string }[]): string {
  return mx.map((m) => `${m.exchange || '.'} (priority ${m.preference})`).join(', ');
}

/** mx.present: the domain has MX records (send-receive); in send-only mode, info about where mail goes. */
export function evaluateMxPresent(obs: MxObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const host = ctx.plan.mailHost;
  const evidence = { mx: lookupEvidence(obs.mx) };
  const lines = perViewLines(obs.mx);
  const sendOnly = ctx.plan.mode === 'send-only';
  const wanted = (a: ObservedAnswer) => {
    const mx = exchanges(a);
    return mx.length > 0 && !isNullMx(mx) && (sendOnly || mx.some((m) => m.exchange === host));
  };
  const v = judgeVisibility(obs.mx, wanted, ctx.observedAt, ctx.negativeTtl);
  if (v.state === 'unknown')
    return unknownFinding('mx.present', domain, whyUnknown(obs.mx), evidence);
  const published = exchanges(v.published);
  if (sendOnly) {
    return makeFinding('mx.present', domain, 'info', {
      title:
        published.length && !isNullMx(published)
          ? 'Where mail for the domain is received'
          : 'The domain receives no mail',
      detail: detailText(
        published.length && !isNullMx(published)
          ? `Mail to addresses @${domain} goes to ${mxWords(published)}. This server only sends, so that is not changed.`
          : `${domain} has no MX record${isNullMx(published) ? ' (it says "no mail")' : ''}, so no one can write to addresses @${domain}. Replies to mail your server sends will bounce unless you set up receiving somewhere.`,
        lines,
      ),
      evidence,
    });
  }
  if (v.state === 'bad') {
    if (published.length === 0 || isNullMx(published)) {
      return makeFinding('mx.present', domain, 'fail', {
        title: 'The domain has no MX record',
        detail: detailText(
          `${domain} has no MX record${isNullMx(published) ? ' except a "null MX" saying it receives no mail' : ''}, so other servers do not know where to deliver mail for it.`,
          lines,
        ),
        fix: `Create an MX record ${atDnsHost(ctx)}: Name "@", Type MX, Priority 10, Value ${host}.`,
        evidence,
      });
    }
    // MX exist but none is the mail host: mx.target explains; here the domain does receive mail.
    return makeFinding('mx.present', domain, 'pass', {
      title: 'The domain has MX records',
      detail: detailText(`Mail for ${domain} goes to ${mxWords(published)}.`, lines),
      evidence,
    });
  }
  if (v.lagging.length > 0) {
    return pendingFinding(
      'mx.present',
      domain,
      `Your DNS host has the MX record pointing at ${host}`,
      v,
      lines,
      evidence,
    );
  }
  return makeFinding('mx.present', domain, 'pass', {
    title: 'The domain says where its mail goes',
    detail: detailText(`Mail for ${domain} goes to ${mxWords(published)}.`, lines),
    evidence,
  });
}

/** How the MX records are shown: lines (cut at the evidence limit), the hosts as a phrase, the cap said. */
function mxListing(
  mx: { preference: number; exchange: string }[],
  answer: ObservedAnswer,
  obs: MxObservation,
  domain: string,
): { lines: string[]; published: number; hostList: string; cappedWords: string } {
  const shownMx = mx.slice(0, DNS_LIMITS.evidenceRecords);
  const lines = shownMx.map((m) => `MX ${m.preference} ${m.exchange}`);
  const published = mx.length + (answer.recordsOmitted ?? 0);
  const more = published - shownMx.length;
  if (more > 0) lines.push(`and ${countWords(more)} more MX records`);
  // The MX hosts as a phrase, cut like the lines above.
  const hostList =
    shownMx.map((m) => m.exchange).join(', ') + (more > 0 ? ` and ${countWords(more)} more` : '');
  // "The domain publishes 1,000 MX records: only the first 20 were checked."
  const cappedWords = obs.capped
    ? ` ${domain} publishes ${countWords(obs.capped.published)} MX records: only the first ${countWords(obs.capped.followed)} were checked.`
    : '';
  return { lines, published, hostList, cappedWords };
}

/** mx.target: an MX points at the mail host; targets resolve, are not IP literals and not CNAMEs. */
export function evaluateMxTarget(obs: MxObservation, ctx: EvalContext): Finding {
  const domain = ctx.plan.domain;
  const host = ctx.plan.mailHost;
  const sendOnly = ctx.plan.mode === 'send-only';
  const evidence = {
    mx: lookupEvidence(obs.mx),
    targets: obs.targets.map((t) => ({
      name: t.name,
      a: lookupEvidence(t.a),
      aaaa: lookupEvidence(t.aaaa),
      cname: lookupEvidence(t.cname),
    })),
  };
  const pub = publishedAnswers(obs.mx).answers[0];
  if (!pub) return unknownFinding('mx.target', domain, whyUnknown(obs.mx), evidence);
  const mx = exchanges(pub.answer).filter((m) => m.exchange !== '');
  if (mx.length === 0) {
    return makeFinding('mx.target', domain, 'info', {
      title: 'Not checked: there is no MX record',
      detail: `${domain} has no MX record, so there is no mail server to check.${sendOnly ? '' : ' See "The domain says where its mail goes".'}`,
      evidence,
    });
  }
  const problems = mx
    .map((m) => targetProblem(m.exchange, obs, host, domain))
    .filter((p) => p !== null);
  const pointsHere = mx.some((m) => m.exchange === host);
  const { lines, published, hostList, cappedWords } = mxListing(mx, pub.answer, obs, domain);
  if (!pointsHere && pub.answer.recordsOmitted) {
    return unknownFinding(
      'mx.target',
      domain,
      `${domain} publishes ${countWords(published)} MX records; only the first ${countWords(mx.length)} were read and ${host} is not among them`,
      evidence,
      `Remove the MX records you do not use ${atDnsHost(ctx)}: a domain needs one or two.`,
    );
  }
  if (problems.length > 0) {
    return makeFinding('mx.target', domain, sendOnly ? 'warn' : 'fail', {
      title: 'An MX record points at something that cannot receive mail',
      detail: detailText(problems.map((p) => p.problem).join(' ') + cappedWords, lines),
      fix: problems.map((p) => p.fix).join(' '),
      evidence,
    });
  }
  if (sendOnly) {
    return makeFinding('mx.target', domain, 'info', {
      title: 'Mail is received elsewhere',
      detail: detailText(
        `The MX records point at ${hostList}. This server only sends, so that is fine.${cappedWords}`,
        lines,
      ),
      evidence,
    });
  }
  if (!pointsHere) {
    return makeFinding('mx.target', domain, 'fail', {
      title: 'The MX does not point at your mail host',
      detail: detailText(
        `Mail for ${domain} goes to ${hostList}, not to ${host}. If that is where your mail is received today (for example Google Workspace or Microsoft 365), changing it moves your mailboxes.${cappedWords}`,
        lines,
      ),
      fix: `If ${host} should receive the mail: ${atDnsHost(ctx)} change the MX value to ${host}. If you want to keep receiving where you do today, set the project to "send only" instead.`,
      evidence,
    });
  }
  return makeFinding('mx.target', domain, 'pass', {
    title: 'The MX points at your mail host',
    detail: detailText(
      `Mail for ${domain} goes to ${host}, which has its own address.${cappedWords}`,
      lines,
    ),
    evidence,
  });
}
