import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageObservation } from './message-observation';
import {
  domainOfAddress,
  fromDomainOf,
  isAtOrUnder,
  messageSubject,
  type MessageContext,
} from './message-context';

function mechanism(ip: string): string {
  return ip.includes(':') ? `ip6:${ip}` : `ip4:${ip}`;
}

/** message.spf: SPF for the address that handed the message over, for MAIL FROM (or HELO). */
export function evaluateMessageSpf(obs: MessageObservation, ctx: MessageContext): Finding {
  const subject = messageSubject(obs);
  const spf = obs.spf;
  if (!spf)
    return makeFinding('message.spf', subject, 'unknown', {
      title: 'Could not tell which server sent it',
      detail:
        'No "Received:" line gives the address of the server that handed the message to the provider, so SPF could not be evaluated.',
      fix: 'Give the whole message as the provider shows it ("Show original" keeps every Received line), not a copy forwarded or exported by a mail app.',
    });
  const from = fromDomainOf(obs);
  const mailFromDomain = spf.identity === 'mailfrom' ? domainOfAddress(spf.mailFrom) : '';
  const lines = [
    `Sending server: ${spf.ip}${spf.helo ? ` (HELO ${spf.helo})` : ''}.`,
    spf.identity === 'mailfrom'
      ? `MAIL FROM (Return-Path): ${spf.mailFrom}, so SPF is looked up at ${spf.domain}.`
      : `No MAIL FROM address (a bounce): SPF is looked up for the HELO name ${spf.domain}.`,
  ];
  if (spf.record) lines.push(`SPF record: ${spf.record}`);
  const otherDomain =
    from !== undefined &&
    mailFromDomain !== '' &&
    !isAtOrUnder(mailFromDomain, from) &&
    !isAtOrUnder(from, mailFromDomain);
  if (otherDomain)
    lines.push(
      `MAIL FROM is at ${mailFromDomain}, a different domain than From (${from}): even when SPF passes, it does not count for DMARC; DKIM has to.`,
    );
  const evidence = { spf };
  const detail = (first: string) => detailText(first, lines);
  switch (spf.result) {
    case 'pass':
      return makeFinding('message.spf', subject, 'pass', {
        title: `SPF allows ${spf.ip} to send for ${spf.domain}`,
        detail: detail(`SPF: pass (${spf.detail || 'matched'}).`),
        evidence,
      });
    case 'temperror':
      return makeFinding('message.spf', subject, 'unknown', {
        title: 'SPF could not be checked',
        detail: detail(`A DNS look-up failed: ${spf.detail || 'temporary error'}.`),
        fix: 'Check that this computer is online and check the message again.',
        evidence,
      });
    case 'permerror':
      return makeFinding('message.spf', subject, 'fail', {
        title: `The SPF record of ${spf.domain} is broken`,
        detail: detail(`SPF: permerror (${spf.detail}). Receivers treat this as a failure.`),
        fix: `Fix the SPF record at ${spf.domain}: the Verify step's SPF checks say what is wrong with it.`,
        evidence,
      });
    case 'none':
      return makeFinding('message.spf', subject, 'fail', {
        title: `${spf.domain} has no SPF record`,
        detail: detail(
          'SPF: none. Gmail and Yahoo require SPF (or DKIM) from every sender and both from bulk senders.',
        ),
        fix: otherDomain
          ? `Set the bounce address (Return-Path) of your sending app to an address at ${from}, whose SPF the Records step sets up; or publish "v=spf1 ${mechanism(spf.ip)} ~all" at ${spf.domain}.`
          : `Publish the SPF record of the Records step at ${spf.domain}.`,
        evidence,
      });
    default: {
      const planned =
        ctx.plan && (ctx.plan.ipv4.includes(spf.ip) || ctx.plan.ipv6.includes(spf.ip));
      const ownDomain = ctx.plan ? isAtOrUnder(spf.domain, ctx.plan.domain) : !otherDomain;
      const fix = otherDomain
        ? `The bounce address (MAIL FROM) is at ${mailFromDomain}, whose SPF does not allow ${spf.ip}. Set the bounce or Return-Path address in your sending app (for example a newsletter plugin's bounce mailbox) to an address at ${from}, or add ${mechanism(spf.ip)} to the SPF record of ${mailFromDomain}.`
        : ownDomain && ctx.plan && !planned
          ? `${spf.ip} is not a server in your plan: the message left through another server. Send through your own server, or add that server (or its service's include:) to your plan and publish the new SPF record.`
          : `Add ${mechanism(spf.ip)} to the SPF record at ${spf.domain} (the Records step shows the whole record with it) and check again.`;
      return makeFinding('message.spf', subject, spf.result === 'neutral' ? 'warn' : 'fail', {
        title: `SPF does not allow ${spf.ip} to send for ${spf.domain}`,
        detail: detail(`SPF: ${spf.result}${spf.detail ? ` (${spf.detail})` : ''}.`),
        fix,
        evidence,
      });
    }
  }
}
