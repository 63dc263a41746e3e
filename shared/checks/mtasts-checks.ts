import type { Finding } from './finding';
import { detailText, makeFinding, unknownFinding } from './finding-make';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import {
  conclusive,
  lookupTrouble,
  recordsOfType,
  texts,
  validatedEvidence,
} from './secure-lookup';
import type { MtaStsObservation, PolicyFetch, SmtpSighting } from './secure-observation';
import { chose } from '../model/security-choices';
import {
  MTA_STS_POLICY_MAX_BYTES,
  parseMtaStsPolicy,
  parseMtaStsRecord,
  parseTlsRptRecord,
} from '../records/mtasts-policy';
import { mtaStsPlan, tlsRptRua } from '../records/secure-records';
import { fetchTrouble, policyProblems } from './mtasts-policy-problems';

/**
 * mtasts.record, mtasts.policy and tlsrpt.record. Not chosen and not published: `info` (what it
 * would give). Chosen: missing or wrong is `warn`. Published and broken: at least `warn`, chosen
 * or not; a policy in enforce mode that leaves out an MX, or whose MX shows a certificate other
 * servers cannot verify, is `fail`: MTA-STS senders then refuse to deliver.
 */

const WHAT_STS =
  'MTA-STS (Mail Transfer Agent Strict Transport Security) tells other mail servers to deliver to you only over an encrypted connection to a server with a valid certificate, so nobody in between can read or redirect your incoming mail.';

function stsTexts(obs: MtaStsObservation): string[] {
  return texts(obs.record).filter((t) => /^v=STSv1(;|\s|$)/.test(t));
}

/** mtasts.record: one v=STSv1 TXT record at _mta-sts.<domain> with a valid id. */
export function evaluateMtaStsRecord(obs: MtaStsObservation, ctx: EvalContext): Finding {
  const name = obs.record.name;
  const evidence = { lookup: validatedEvidence(obs.record) };
  const wanted = chose(ctx.plan.security, 'mtaSts');
  const planned = mtaStsPlan(
    ctx.plan,
    recordsOfType(obs.mx, 'MX').map((m) => m.exchange),
  );
  const fix = planned
    ? `Create a TXT record ${atDnsHost(ctx)}: Name "${nameField(name, ctx)}", Type TXT, Value v=STSv1; id=${planned.id}`
    : undefined;
  if (!conclusive(obs.record))
    return unknownFinding('mtasts.record', name, lookupTrouble(obs.record), evidence);
  const found = stsTexts(obs);
  if (found.length === 0) {
    if (!wanted)
      return makeFinding('mtasts.record', name, 'info', {
        title: 'MTA-STS is not set up (optional)',
        detail: `${WHAT_STS} It is optional: mail works without it. Choose it in the Secure delivery step if you want it.`,
        evidence,
      });
    return makeFinding('mtasts.record', name, 'warn', {
      title: 'The MTA-STS record is not published yet',
      detail: `You chose MTA-STS, but there is no v=STSv1 record at ${name}, so other servers do not look for your policy.`,
      ...(fix ? { fix } : {}),
      evidence,
    });
  }
  if (found.length > 1)
    return makeFinding('mtasts.record', name, 'warn', {
      title: 'There are several MTA-STS records',
      detail: `${name} has ${found.length} v=STSv1 records (${found.join(' | ')}). With more than one, other servers ignore MTA-STS altogether (RFC 8461 §3.1).`,
      fix: `Delete all but one ${atDnsHost(ctx)}.${fix ? ` Keep: ${fix.replace(/^Create a TXT record [^:]*: /, '')}` : ''}`,
      evidence,
    });
  const parsed = parseMtaStsRecord(found[0] ?? '');
  if (parsed.problems.length)
    return makeFinding('mtasts.record', name, 'warn', {
      title: 'The MTA-STS record is written wrongly',
      detail: `The record at ${name} is "${found[0]}": ${parsed.problems.join('; ')}. Other servers ignore a record they cannot read.`,
      fix:
        fix ??
        `Correct it ${atDnsHost(ctx)} to the form v=STSv1; id=20260101 (1 to 32 letters and digits; change the id whenever the policy changes).`,
      evidence,
    });
  if (planned && parsed.id !== planned.id && planned.nextStep?.id !== parsed.id)
    return makeFinding('mtasts.record', name, wanted ? 'warn' : 'info', {
      title: 'The MTA-STS id is not the one of the planned policy',
      detail: `The record says id=${parsed.id}; the policy Mailwright planned has id=${planned.id}. If you changed the policy file, senders only fetch it again when the id changes.`,
      ...(fix
        ? { fix: `Update the record ${atDnsHost(ctx)}: Value v=STSv1; id=${planned.id}` }
        : {}),
      evidence,
    });
  return makeFinding('mtasts.record', name, 'pass', {
    title: 'The MTA-STS record is published',
    detail: `${name} says "${found[0]}".`,
    evidence,
  });
}

/** Where to put the policy file, for fixes. */
function serveFix(ctx: EvalContext, obs: MtaStsObservation): string {
  const planned = mtaStsPlan(
    ctx.plan,
    recordsOfType(obs.mx, 'MX').map((m) => m.exchange),
  );
  const url = planned?.url ?? `https://mta-sts.${ctx.plan.domain}/.well-known/mta-sts.txt`;
  return `Serve the policy file at ${url} over HTTPS, with a certificate valid for mta-sts.${ctx.plan.domain}, as a plain 200 answer (no redirect). The Secure delivery step has the file and the web server settings.${planned ? ` The file:\n${planned.text.replace(/\r\n/g, '\n')}` : ''}`;
}

/** The policy could not be fetched: information when nobody asked for it, else why it failed. */
function notFetched(
  f: Extract<PolicyFetch, { ok: false }>,
  obs: MtaStsObservation,
  ctx: EvalContext,
  evidence: Record<string, unknown>,
): Finding {
  const published = stsTexts(obs).length > 0;
  if (!published && !chose(ctx.plan.security, 'mtaSts'))
    return makeFinding('mtasts.policy', f.url, 'info', {
      title: 'No MTA-STS policy (optional)',
      detail: `${WHAT_STS} There is no policy at ${f.url}. That is fine: it is optional.`,
      evidence,
    });
  if (f.kind === 'timeout' || f.kind === 'error')
    return unknownFinding('mtasts.policy', f.url, fetchTrouble(f), evidence);
  return makeFinding('mtasts.policy', f.url, 'warn', {
    title: 'The MTA-STS policy file cannot be fetched',
    detail: `${published ? 'Your _mta-sts record says there is a policy, but' : 'You chose MTA-STS, but'} fetching it failed: ${fetchTrouble(f)}. Other servers then act as if you had no policy.`,
    fix: serveFix(ctx, obs),
    evidence,
  });
}

/**
 * mtasts.policy: the policy file fetched over HTTPS (validated certificate, no redirects, size
 * limit) and parsed; its mx lines cover every published MX; max_age sane; mode; and in enforce
 * mode, the mail server's certificate must be one other servers can verify.
 */
export function evaluateMtaStsPolicy(
  obs: MtaStsObservation,
  ctx: EvalContext,
  smtp?: SmtpSighting,
): Finding {
  const subject = obs.policy.url;
  const evidence: Record<string, unknown> = {
    fetch: obs.policy.ok ? { ...obs.policy, body: obs.policy.body.slice(0, 2000) } : obs.policy,
    mx: validatedEvidence(obs.mx),
  };
  const f = obs.policy;
  if (!f.ok) return notFetched(f, obs, ctx, evidence);
  if (f.bytes > MTA_STS_POLICY_MAX_BYTES)
    return makeFinding('mtasts.policy', subject, 'warn', {
      title: 'The MTA-STS policy file is too large',
      detail: `The file at ${f.url} is ${f.bytes} bytes; senders read at most ${MTA_STS_POLICY_MAX_BYTES}.`,
      fix: serveFix(ctx, obs),
      evidence,
    });
  const policy = parseMtaStsPolicy(f.body);
  evidence.policy = policy;
  if (policy.problems.length)
    return makeFinding('mtasts.policy', subject, 'warn', {
      title: 'The MTA-STS policy file is written wrongly',
      detail: detailText(
        `The file at ${f.url} has problems, so other servers cannot use it:`,
        policy.problems,
      ),
      fix: serveFix(ctx, obs),
      evidence,
    });
  const found = policyProblems(policy, f, obs.mx, ctx.plan.mailHost, smtp);
  if (found.problems.length)
    return makeFinding('mtasts.policy', subject, found.fatal ? 'fail' : 'warn', {
      title: found.fatal
        ? 'The MTA-STS policy makes other servers refuse your mail'
        : 'The MTA-STS policy needs a correction',
      detail: detailText(`The policy at ${f.url} (mode ${policy.mode}):`, found.problems),
      fix: found.certificate
        ? `Get a certificate for ${ctx.plan.mailHost} from a public authority (e.g. Let's Encrypt with certbot), or switch the policy to "mode: testing" until you have one (and change the id in the _mta-sts record).`
        : serveFix(ctx, obs),
      evidence,
    });
  if (policy.mode === 'none')
    return makeFinding(
      'mtasts.policy',
      subject,
      chose(ctx.plan.security, 'mtaSts') ? 'warn' : 'info',
      {
        title: 'The MTA-STS policy is switched off (mode: none)',
        detail: `The policy at ${f.url} says "mode: none", which withdraws MTA-STS: senders forget the policy.`,
        fix: 'If you want MTA-STS, set "mode: testing" (then "enforce") and change the id in the _mta-sts record.',
        evidence,
      },
    );
  return makeFinding('mtasts.policy', subject, 'pass', {
    title:
      policy.mode === 'enforce'
        ? 'The MTA-STS policy is served and enforced'
        : 'The MTA-STS policy is served (testing mode)',
    detail: `${f.url} serves a valid policy: mode ${policy.mode}, max_age ${policy.maxAge}, mx ${policy.mx.join(', ')}${found.mxHosts.length ? `, covering every MX (${found.mxHosts.join(', ')})` : ''}.${policy.mode === 'testing' ? ' In testing mode senders only report problems; switch to enforce once the TLS reports are clean.' : ''}`,
    evidence,
  });
}

/** tlsrpt.record: one v=TLSRPTv1 record at _smtp._tls.<domain> with usable rua addresses. */
export function evaluateTlsRpt(obs: MtaStsObservation, ctx: EvalContext): Finding {
  const l = obs.tlsRpt;
  const name = l.name;
  const evidence = { lookup: validatedEvidence(l) };
  const wanted = chose(ctx.plan.security, 'tlsRpt');
  const fix = `Create a TXT record ${atDnsHost(ctx)}: Name "${nameField(name, ctx)}", Type TXT, Value v=TLSRPTv1; rua=${tlsRptRua(ctx.plan)}`;
  if (!conclusive(l)) return unknownFinding('tlsrpt.record', name, lookupTrouble(l), evidence);
  const found = texts(l).filter((t) => /^v=TLSRPTv1(;|\s|$)/.test(t));
  if (found.length === 0)
    return makeFinding('tlsrpt.record', name, wanted ? 'warn' : 'info', {
      title: wanted
        ? 'The TLS-RPT record is not published yet'
        : 'TLS reports are not set up (optional)',
      detail: wanted
        ? `You chose TLS reports, but there is no v=TLSRPTv1 record at ${name}.`
        : 'TLS-RPT (SMTP TLS Reporting) asks other mail servers to send you a daily report of connections to your server that could not be encrypted. It is optional, and most useful together with MTA-STS or DANE.',
      fix,
      evidence,
    });
  if (found.length > 1)
    return makeFinding('tlsrpt.record', name, 'warn', {
      title: 'There are several TLS-RPT records',
      detail: `${name} has ${found.length} v=TLSRPTv1 records; with more than one, senders send no reports (RFC 8460 §3).`,
      fix: `Delete all but one ${atDnsHost(ctx)}.`,
      evidence,
    });
  const parsed = parseTlsRptRecord(found[0] ?? '');
  if (parsed.problems.length)
    return makeFinding('tlsrpt.record', name, 'warn', {
      title: 'The TLS-RPT record is written wrongly',
      detail: `The record at ${name} is "${found[0]}": ${parsed.problems.join('; ')}.`,
      fix,
      evidence,
    });
  return makeFinding('tlsrpt.record', name, 'pass', {
    title: 'TLS reports are set up',
    detail: `Reports about failed encrypted connections go to ${parsed.rua.join(', ')}.`,
    evidence,
  });
}
