import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageObservation } from './message-observation';
import { messageSubject, type MessageContext } from './message-context';

const FQDN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

/** message.transport: TLS on the provider's hop, the sender's PTR and HELO name. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function evaluateMessageTransport(obs: MessageObservation, ctx: MessageContext): Finding {
  const subject = messageSubject(obs);
  const hop = obs.hop;
  if (!hop)
    return makeFinding('message.transport', subject, 'unknown', {
      title: "The provider's Received line was not found",
      detail:
        'No "Received:" line names the server that handed the message over, so encryption and the reverse name could not be checked.',
      fix: 'Give the whole message as the provider shows it ("Show original" keeps every Received line).',
    });
  const lines = [`Received line: ${hop.line.slice(0, 400)}`];
  const problems: { status: 'fail' | 'warn' | 'unknown'; title: string; fix: string }[] = [];
  if (hop.tls === 'yes')
    lines.unshift(`Encrypted on the way to ${hop.by} (${hop.tlsWords ?? 'TLS'}).`);
  else if (hop.tls === 'no') {
    lines.unshift(`Not encrypted on the way to ${hop.by} (${hop.tlsWords ?? 'plain SMTP'}).`);
    problems.push({
      status: 'fail',
      title: 'The message travelled unencrypted',
      fix: 'Turn on TLS for outgoing mail in your mail software (Postfix: smtp_tls_security_level = may, with a CA file), restart it and send a new test. Gmail marks unencrypted mail with a red padlock.',
    });
  } else {
    lines.unshift(`The Received line of ${hop.by} does not say whether TLS was used.`);
    problems.push({
      status: 'unknown',
      title: 'Whether it was encrypted is not said',
      fix: 'Gmail shows it in "Show original" ("TLS" beside the sender); check it there.',
    });
  }
  if (hop.ip) {
    if (hop.ptr === undefined) {
      lines.push(
        `Reverse name of ${hop.ip}: could not be looked up (${hop.ptrProblem ?? 'no answer'}).`,
      );
      problems.push({
        status: 'unknown',
        title: 'The reverse name could not be looked up',
        fix: 'Check that this computer is online and check the message again.',
      });
    } else if (hop.ptr.length === 0) {
      lines.push(`Reverse name of ${hop.ip}: none.`);
      problems.push({
        status: 'fail',
        title: `${hop.ip} has no reverse name (PTR)`,
        fix: 'Ask your VPS host for a PTR record naming your mail host: the Reverse DNS step has the request.',
      });
    } else {
      lines.push(
        `Reverse name of ${hop.ip}: ${hop.ptr.join(', ')}${hop.ptrConfirmed ? ', which leads back to it' : hop.ptrConfirmed === false ? ', which does NOT lead back to it' : ''}.`,
      );
      const host = ctx.plan?.mailHost.toLowerCase();
      if (hop.ptrConfirmed === false)
        problems.push({
          status: 'fail',
          title: 'The reverse name does not lead back to the address',
          fix: `Give ${hop.ptr[0]} an A/AAAA record of ${hop.ip} (the Records step's mail host record), or change the PTR to your mail host.`,
        });
      if (
        host &&
        !hop.ptr.some((p) => p.toLowerCase().replace(/\.$/, '') === host) &&
        (ctx.plan!.ipv4.includes(hop.ip) || ctx.plan!.ipv6.includes(hop.ip))
      )
        problems.push({
          status: 'warn',
          title: `The reverse name is not ${host}`,
          fix: 'Ask your VPS host to set the PTR of your address to your mail host: the Reverse DNS step has the request.',
        });
    }
  }
  if (hop.helo) {
    lines.push(`HELO name: ${hop.helo}.`);
    if (!FQDN.test(hop.helo))
      problems.push({
        status: 'warn',
        title: `The server introduces itself as "${hop.helo}", not a full host name`,
        fix: `Set the mail software's host name to your mail host${ctx.plan ? ` (Postfix: myhostname = ${ctx.plan.mailHost})` : ''}.`,
      });
    else if (
      hop.ptr &&
      hop.ptr.length > 0 &&
      !hop.ptr.some(
        (p) => p.toLowerCase().replace(/\.$/, '') === hop.helo!.toLowerCase().replace(/\.$/, ''),
      )
    )
      problems.push({
        status: 'warn',
        title: 'The HELO name and the reverse name differ',
        fix: `Use the same name for both: set the HELO name (Postfix: smtp_helo_name) to ${hop.ptr[0]}, or ask for the PTR to be ${hop.helo}.`,
      });
  }
  const evidence = { hop };
  const worst = (['fail', 'unknown', 'warn'] as const).find((s) =>
    problems.some((p) => p.status === s),
  );
  if (!worst)
    return makeFinding('message.transport', subject, 'pass', {
      title: 'Sent encrypted, from a server with a matching reverse name',
      detail: detailText(lines[0]!, lines.slice(1)),
      evidence,
    });
  const shown = problems.filter((p) => p.status === worst);
  return makeFinding('message.transport', subject, worst, {
    title: shown.map((p) => p.title).join('; '),
    detail: detailText(lines[0]!, lines.slice(1)),
    fix: problems.map((p) => p.fix).join(' '),
    evidence,
  });
}
