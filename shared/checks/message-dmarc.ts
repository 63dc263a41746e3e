import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { DmarcAlignment, MessageObservation } from './message-observation';
import { domainOfAddress, fromDomainOf, messageSubject } from './message-context';

function alignWords(label: string, a: DmarcAlignment | undefined, what: string): string {
  const mode = a?.strict ? 'strict: the same name' : 'relaxed: the same organisational domain';
  return a?.aligned
    ? `${label}: ${a.aligned} aligns with From (${mode}).`
    : `${label}: nothing that passed aligns with From (${mode}); seen: ${what}.`;
}

/** message.dmarc: the DMARC verdict with alignment spelled out and the policy that applied. */
export function evaluateMessageDmarc(obs: MessageObservation): Finding {
  const subject = messageSubject(obs);
  const d = obs.dmarc;
  const from = fromDomainOf(obs);
  if (!d)
    return makeFinding('message.dmarc', subject, from ? 'unknown' : 'fail', {
      title: from ? 'DMARC could not be evaluated' : 'DMARC needs one From address',
      detail: from
        ? 'The DMARC evaluation did not run.'
        : 'The message has no From address with a domain (or more than one), so no DMARC policy applies; receivers treat that as suspicious.',
      fix: from ? 'Check the message again.' : 'Send with exactly one From address at your domain.',
    });
  const signers = obs.dkim.filter((s) => s.result === 'pass').map((s) => `d=${s.domain}`);
  const mailFrom =
    obs.spf?.identity === 'mailfrom' ? domainOfAddress(obs.spf.mailFrom) : obs.spf?.domain;
  const lines = [
    `From: ${d.fromDomain}.`,
    alignWords(
      'DKIM',
      d.alignment?.dkim,
      signers.length ? signers.join(', ') : 'no verified signature',
    ),
    alignWords(
      'SPF',
      d.alignment?.spf,
      mailFrom ? `${mailFrom} (SPF ${obs.spf?.result})` : 'no SPF result',
    ),
  ];
  if (d.p)
    lines.push(
      `Policy at ${d.policyDomain ?? d.fromDomain}: p=${d.p}${d.policy && d.policy !== d.p ? `, applied: ${d.policy}` : ''}.`,
    );
  const evidence = { dmarc: d };
  switch (d.result) {
    case 'pass':
      return makeFinding('message.dmarc', subject, 'pass', {
        title: 'DMARC passes',
        detail: detailText(
          `DMARC: pass. ${d.alignment?.dkim.aligned ? 'DKIM aligns, so it keeps passing when the message is forwarded.' : 'Only SPF aligns: forwarding will break it. Sign with DKIM for your domain too.'}`,
          lines,
        ),
        evidence,
      });
    case 'temperror':
      return makeFinding('message.dmarc', subject, 'unknown', {
        title: 'DMARC could not be checked',
        detail: detailText(
          `A DNS look-up failed${d.reason ? `: ${d.reason.replace(/[.\s]+$/, '')}` : ''}.`,
          lines,
        ),
        fix: 'Check that this computer is online and check the message again.',
        evidence,
      });
    case 'none':
      return makeFinding('message.dmarc', subject, 'fail', {
        title: `${d.fromDomain} has no DMARC record`,
        detail: detailText(
          'DMARC: none. Gmail and Yahoo require a DMARC record (p=none at least) from bulk senders.',
          lines,
        ),
        fix: `Publish the DMARC record of the Records step at _dmarc.${d.fromDomain}.`,
        evidence,
      });
    case 'permerror':
      return makeFinding('message.dmarc', subject, 'fail', {
        title: 'The DMARC record is broken',
        detail: detailText(`DMARC: permerror${d.reason ? ` (${d.reason})` : ''}.`, lines),
        fix: `Fix the record at _dmarc.${d.fromDomain}: the Verify step's DMARC checks say what is wrong.`,
        evidence,
      });
    case 'fail': {
      const dkimOther = obs.dkim.some((s) => s.result === 'pass');
      const fix = dkimOther
        ? `A signature verifies but for another domain (${signers.join(', ')}). Sign with d=${d.fromDomain}: set the signing domain in your mail software (or the sending service's custom-domain DKIM) to ${d.fromDomain}, with the key of the DKIM step.`
        : `Neither DKIM nor SPF passed for ${d.fromDomain}. Fix the DKIM finding above first (a signature with d=${d.fromDomain} that verifies makes DMARC pass on its own).`;
      return makeFinding('message.dmarc', subject, 'fail', {
        title: `DMARC fails${d.policy && d.policy !== 'none' ? `: receivers are asked to ${d.policy === 'reject' ? 'refuse' : 'put in spam'} such mail` : ''}`,
        detail: detailText(
          'DMARC: fail. Neither DKIM nor SPF passed with a domain that aligns with From.',
          lines,
        ),
        fix,
        evidence,
      });
    }
  }
}
