import type { Finding } from './finding';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import {
  isConclusive,
  publishedAnswers,
  lookupEvidence,
  perViewLines,
  recordsOf,
  whyUnknown,
  type ObservedAnswer,
} from './dns-observation';
import type { MxObservation } from './observations';
import { atDnsHost, type EvalContext } from './eval-context';
import { judgeVisibility, waitWords } from './visibility';
import { endsInZoneTwice } from './domain-checks';
import { canonicalIp } from './ip-facts';
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
    return makeFinding('mx.present', domain, 'pending', {
      title: 'Published, not yet visible everywhere',
      detail: detailText(
        `Your DNS host has the MX record pointing at ${host}. Some resolvers still have the old answer${v.waitSeconds !== undefined ? ` and should update ${waitWords(v.waitSeconds)}` : ''}.`,
        lines,
      ),
      fix: 'Nothing to change. Wait, then check again.',
      ...(v.eta ? { eta: v.eta } : {}),
      evidence,
    });
  }
  return makeFinding('mx.present', domain, 'pass', {
    title: 'The domain says where its mail goes',
    detail: detailText(`Mail for ${domain} goes to ${mxWords(published)}.`, lines),
    evidence,
  });
}

/** mx.target: an MX points at the mail host; targets resolve, are not IP literals and not CNAMEs. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
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
  const problems: string[] = [];
  const fixes: string[] = [];
  for (const m of mx) {
    if (canonicalIp(m.exchange) !== null) {
      problems.push(`${m.exchange} is an IP address; an MX must name a host.`);
      fixes.push(
        `Change the MX value ${m.exchange} to ${host} (and make sure ${host} has an A record with that address).`,
      );
      continue;
    }
    if (endsInZoneTwice(m.exchange, domain)) {
      problems.push(
        `${m.exchange} has the domain twice: the value was typed without its final dot, so the panel added ${domain} again.`,
      );
      fixes.push(
        `Change the MX value to "${m.exchange.slice(0, -domain.length - 1)}." (with the final dot), or as your DNS host's form asks.`,
      );
      continue;
    }
    const t = obs.targets.find((x) => x.name === m.exchange);
    if (!t) continue;
    const isCname = [t.cname, t.a].some((l) =>
      l.answers.some((a) =>
        recordsOf(a.answer, 'CNAME').some((r) => r.name.toLowerCase() === m.exchange),
      ),
    );
    if (isCname) {
      problems.push(
        `${m.exchange} is an alias (CNAME); an MX must point at a name with its own A/AAAA records.`,
      );
      fixes.push(
        `Point the MX at ${host} or replace the CNAME at ${m.exchange} with A/AAAA records.`,
      );
      continue;
    }
    const answered = [t.a, t.aaaa].flatMap((l) => l.answers).filter((a) => isConclusive(a.answer));
    const hasAddress = answered.some(
      (a) => recordsOf(a.answer, 'A').length + recordsOf(a.answer, 'AAAA').length > 0,
    );
    if (answered.length > 0 && !hasAddress) {
      problems.push(
        `${m.exchange} has no address (no A or AAAA record), so mail to it cannot be delivered.`,
      );
      fixes.push(`Create an A record for ${m.exchange} or point the MX at a host that has one.`);
    }
  }
  const pointsHere = mx.some((m) => m.exchange === host);
  const shownMx = mx.slice(0, DNS_LIMITS.evidenceRecords);
  const lines = shownMx.map((m) => `MX ${m.preference} ${m.exchange}`);
  const published = mx.length + (pub.answer.recordsOmitted ?? 0);
  if (published > shownMx.length)
    lines.push(`and ${countWords(published - shownMx.length)} more MX records`);
  // The MX hosts as a phrase, cut like the lines above.
  const hostList =
    shownMx.map((m) => m.exchange).join(', ') +
    (published > shownMx.length ? ` and ${countWords(published - shownMx.length)} more` : '');
  // "The domain publishes 1,000 MX records: only the first 20 were checked."
  const cappedWords = obs.capped
    ? ` ${domain} publishes ${countWords(obs.capped.published)} MX records: only the first ${countWords(obs.capped.followed)} were checked.`
    : '';
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
      detail: detailText(problems.join(' ') + cappedWords, lines),
      fix: fixes.join(' '),
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
