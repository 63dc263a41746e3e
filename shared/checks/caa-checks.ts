import type { Finding } from './finding';
import { makeFinding, unknownFinding } from './finding-make';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import { conclusive, lookupTrouble, recordsOfType, validatedEvidence } from './secure-lookup';
import type { CaaObservation, ValidatedLookup } from './secure-observation';
import { chose, securityChoices } from '../model/security-choices';
import { caOfIssuer } from '../providers/ca-identities';

/**
 * caa.mail-host: the CAA records that govern the mail host (the first name with CAA records,
 * walking from the mail host up to the domain, RFC 8659 §3) allow the CA that issued the
 * certificate the SMTP probe saw. No CAA at all means any CA may issue: `info` unless chosen.
 */

/** The CA domains an `issue` property set allows (";" alone allows none), or undefined when it has no issue tags. */
export function caaIssuers(l: ValidatedLookup): string[] | undefined {
  const issue = recordsOfType(l, 'CAA').filter((r) => r.tag.toLowerCase() === 'issue');
  if (issue.length === 0) return undefined;
  return issue.map((r) => r.value.split(';')[0]?.trim().toLowerCase() ?? '').filter(Boolean);
}

/** caa.mail-host. */
export function evaluateCaa(obs: CaaObservation, ctx: EvalContext): Finding {
  const subject = ctx.plan.mailHost;
  const wanted = chose(ctx.plan.security, 'caa');
  const issuersWanted = securityChoices(ctx.plan.security).caa?.issuers ?? [];
  const evidence: Record<string, unknown> = {
    lookups: obs.lookups.map(validatedEvidence),
    smtp: obs.smtp,
  };
  const bad = obs.lookups.find((l) => !conclusive(l));
  const governing = obs.lookups.find((l) => conclusive(l) && recordsOfType(l, 'CAA').length > 0);
  if (!governing && bad)
    return unknownFinding('caa.mail-host', subject, lookupTrouble(bad), evidence);
  const ca = obs.smtp.ok ? caOfIssuer(obs.smtp.issuerOrg) : undefined;
  const caWords = obs.smtp.ok ? (ca?.label ?? obs.smtp.issuerName ?? obs.smtp.issuer) : undefined;
  const addFor = ca?.caa ?? issuersWanted[0] ?? 'letsencrypt.org';
  const createFix = `Create a CAA record ${atDnsHost(ctx)}: Name "${nameField(ctx.plan.domain, ctx)}", Type CAA, Value 0 issue "${addFor}"${ca || issuersWanted.length <= 1 ? '' : ` (and one for each of ${issuersWanted.slice(1).join(', ')})`}.`;
  if (!governing) {
    return makeFinding('caa.mail-host', subject, wanted ? 'warn' : 'info', {
      title: wanted
        ? 'The CAA record is not published yet'
        : 'No CAA records: any authority may issue (optional)',
      detail: wanted
        ? `You chose CAA, but neither ${subject} nor the names above it have CAA records.`
        : 'CAA (Certification Authority Authorization) lists which certificate authorities may issue certificates for your domain. There is none, so any may: your certificate renewals are not blocked. Adding one is optional hardening.',
      fix: createFix,
      evidence,
    });
  }
  const allowed = caaIssuers(governing);
  const at = governing.name;
  if (allowed === undefined)
    return makeFinding('caa.mail-host', subject, wanted ? 'warn' : 'info', {
      title: 'The CAA records do not limit who may issue',
      detail: `${at} has CAA records, but no "issue" property, so they do not restrict ordinary certificates.`,
      fix: createFix,
      evidence,
    });
  if (!obs.smtp.ok)
    return unknownFinding(
      'caa.mail-host',
      subject,
      `the CAA records at ${at} allow ${allowed.join(', ') || 'no authority at all'}, but the certificate could not be compared: ${obs.smtp.reason}`,
      evidence,
    );
  if (obs.smtp.selfSigned)
    return makeFinding('caa.mail-host', subject, 'info', {
      title: 'The mail server certificate is self-made: CAA does not apply',
      detail: `The CAA records at ${at} allow ${allowed.join(', ') || 'no authority'}; the server's certificate was not issued by an authority, so CAA says nothing about it (see smtp.certificate).`,
      evidence,
    });
  if (!ca)
    return unknownFinding(
      'caa.mail-host',
      subject,
      `the CAA records at ${at} allow ${allowed.join(', ') || 'no authority'}; Mailwright does not know which CAA name belongs to the issuer of your certificate (${caWords})`,
      evidence,
      `Check that ${caWords}'s CAA name (on its website) is among ${allowed.join(', ') || 'the allowed names'}.`,
    );
  if (allowed.includes(ca.caa))
    return makeFinding('caa.mail-host', subject, 'pass', {
      title: `CAA allows ${ca.label}, which issued your certificate`,
      detail: `The CAA records at ${at} allow ${allowed.join(', ')}; your mail server's certificate is from ${ca.label} (${ca.caa}), so renewals will work.`,
      evidence,
    });
  return makeFinding('caa.mail-host', subject, wanted ? 'fail' : 'warn', {
    title: `CAA blocks ${ca.label}, which issued your certificate`,
    detail: `The CAA records at ${at} allow only ${allowed.join(', ') || 'no authority at all'}, but your mail server's certificate is from ${ca.label} (${ca.caa}). The current certificate keeps working, but its renewal will be refused, and mail encryption breaks when it expires.`,
    fix: `Add a CAA record at "${nameField(at, ctx)}" ${atDnsHost(ctx)}: Type CAA, Value 0 issue "${ca.caa}" (keep the existing ones for the authorities you also use).`,
    evidence,
  });
}
