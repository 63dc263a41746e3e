import { conclusive, lookupTrouble, recordsOfType } from './secure-lookup';
import type { PolicyFetch, SmtpSighting, ValidatedLookup } from './secure-observation';
import { MTA_STS_POLICY_MAX_BYTES, uncoveredMx, type MtaStsPolicy } from '../records/mtasts-policy';

/**
 * What is wrong with a fetched, readable MTA-STS policy, and why a policy could not be fetched,
 * in plain words for mtasts.policy (mtasts-checks.ts decides the status and the fix).
 */

/** Why the policy could not be fetched, one sentence per kind of failure. */
export function fetchTrouble(f: Extract<PolicyFetch, { ok: false }>): string {
  switch (f.kind) {
    case 'dns':
      return `the name in ${f.url} has no address (${f.message})`;
    case 'connect':
      return `nothing answered HTTPS at ${f.url} (${f.message})`;
    case 'certificate':
      return `the web server's certificate is not valid for this name or not trusted (${f.message}); senders must refuse such a policy`;
    case 'tls':
      return `the encrypted connection failed (${f.message})`;
    case 'redirect':
      return `the server answered with a redirect (${f.status}${f.location ? ` to ${f.location}` : ''}); RFC 8461 §3.3 forbids following redirects, so senders treat this as no policy`;
    case 'status':
      return `the server answered HTTP ${f.status} instead of the file`;
    case 'too-large':
      return `the file is larger than ${MTA_STS_POLICY_MAX_BYTES / 1024} KB`;
    case 'timeout':
      return `no answer within the time limit (${f.message})`;
    default:
      return f.message;
  }
}

/** The problems of a readable policy, whether they make senders refuse mail, and the MX compared. */
export interface PolicyProblems {
  problems: string[];
  /** In enforce mode an MX left out or a certificate senders cannot verify: mail is refused. */
  fatal: boolean;
  /** The mail server's certificate is the problem (the fix is a certificate, not the file). */
  certificate: boolean;
  /** The published MX hosts, lower case without the final dot. */
  mxHosts: string[];
}

/**
 * The policy against the published MX, its content type and max_age, and (in enforce mode) the
 * certificate the mail server showed.
 */
export function policyProblems(
  policy: MtaStsPolicy,
  f: Extract<PolicyFetch, { ok: true }>,
  mx: ValidatedLookup,
  mailHost: string,
  smtp: SmtpSighting | undefined,
): PolicyProblems {
  const mxHosts = recordsOfType(mx, 'MX').map((m) => m.exchange.toLowerCase().replace(/\.$/, ''));
  const missing = uncoveredMx(mxHosts, policy.mx);
  const enforce = policy.mode === 'enforce';
  const problems: string[] = [];
  if (!conclusive(mx))
    problems.push(
      `the domain's MX records could not be read (${lookupTrouble(mx)}), so the mx lines were not compared with them`,
    );
  if (missing.length)
    problems.push(
      `the mx lines (${policy.mx.join(', ')}) do not cover ${missing.join(', ')}${enforce ? ': servers that honour MTA-STS refuse to deliver there' : ''}`,
    );
  if (!/^text\/plain\b/i.test(f.contentType ?? ''))
    problems.push(
      `it is served as "${f.contentType ?? 'no content type'}"; RFC 8461 asks for text/plain and some senders reject anything else`,
    );
  if ((policy.maxAge ?? 0) < 86_400)
    problems.push(
      `max_age ${policy.maxAge} is under a day; RFC 8461 advises weeks (604800 is one week) so the policy protects between fetches`,
    );
  const certBad =
    enforce && smtp?.ok && (!smtp.trusted || !smtp.coversHost)
      ? `the mail server shows a certificate that ${!smtp.trusted ? 'other servers cannot verify' : `is not valid for ${mailHost}`}: in enforce mode MTA-STS senders refuse to deliver`
      : undefined;
  if (certBad) problems.push(certBad);
  return {
    problems,
    fatal: enforce && (missing.length > 0 || certBad !== undefined),
    certificate: certBad !== undefined,
    mxHosts,
  };
}
