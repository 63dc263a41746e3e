import type { MessageContext } from './message-context';
import type { ProviderHop } from './message-observation';

/**
 * The three things message.transport reads from the provider's Received line, each judged on its
 * own: whether the hop was encrypted, the sending address's reverse name (PTR), and the HELO name.
 * Each part gives the lines it saw and the problems it found; message-transport.ts weighs them.
 */

/** One problem of the hop, with the finding status it calls for and its fix. */
export interface TransportProblem {
  status: 'fail' | 'warn' | 'unknown';
  title: string;
  fix: string;
}

/** What one part saw (lines for the detail) and found wrong. */
export interface TransportPart {
  lines: string[];
  problems: TransportProblem[];
}

const FQDN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i;

/** A host name compared without case or a final dot. */
function bareName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** TLS on the hop: encrypted, plain (fail: receivers show a red padlock), or not said (unknown). */
export function judgeHopTls(hop: ProviderHop): TransportPart {
  if (hop.tls === 'yes')
    return {
      lines: [`Encrypted on the way to ${hop.by} (${hop.tlsWords ?? 'TLS'}).`],
      problems: [],
    };
  if (hop.tls === 'no')
    return {
      lines: [`Not encrypted on the way to ${hop.by} (${hop.tlsWords ?? 'plain SMTP'}).`],
      problems: [
        {
          status: 'fail',
          title: 'The message travelled unencrypted',
          fix: 'Turn on TLS for outgoing mail in your mail software (Postfix: smtp_tls_security_level = may, with a CA file), restart it and send a new test. Gmail marks unencrypted mail with a red padlock.',
        },
      ],
    };
  return {
    lines: [`The Received line of ${hop.by} does not say whether TLS was used.`],
    problems: [
      {
        status: 'unknown',
        title: 'Whether it was encrypted is not said',
        fix: 'Gmail shows it in "Show original" ("TLS" beside the sender); check it there.',
      },
    ],
  };
}

/** Problems of a reverse name that was found: not leading back, or not the plan's mail host. */
function ptrNameProblems(
  hop: ProviderHop & { ip: string; ptr: string[] },
  ctx: MessageContext,
): TransportProblem[] {
  const problems: TransportProblem[] = [];
  if (hop.ptrConfirmed === false)
    problems.push({
      status: 'fail',
      title: 'The reverse name does not lead back to the address',
      fix: `Give ${hop.ptr[0]} an A/AAAA record of ${hop.ip} (the Records step's mail host record), or change the PTR to your mail host.`,
    });
  const plan = ctx.plan;
  const host = plan?.mailHost.toLowerCase();
  // Only the plan's own addresses must carry the mail host's name; a relay's PTR is its own.
  if (
    plan &&
    host &&
    !hop.ptr.some((p) => bareName(p) === host) &&
    (plan.ipv4.includes(hop.ip) || plan.ipv6.includes(hop.ip))
  )
    problems.push({
      status: 'warn',
      title: `The reverse name is not ${host}`,
      fix: 'Ask your VPS host to set the PTR of your address to your mail host: the Reverse DNS step has the request.',
    });
  return problems;
}

/** The sending address's reverse name: not looked up (unknown), none (fail), or judged by name. */
export function judgeHopPtr(hop: ProviderHop, ctx: MessageContext): TransportPart {
  const { ip, ptr } = hop;
  if (!ip) return { lines: [], problems: [] };
  if (ptr === undefined)
    return {
      lines: [`Reverse name of ${ip}: could not be looked up (${hop.ptrProblem ?? 'no answer'}).`],
      problems: [
        {
          status: 'unknown',
          title: 'The reverse name could not be looked up',
          fix: 'Check that this computer is online and check the message again.',
        },
      ],
    };
  if (ptr.length === 0)
    return {
      lines: [`Reverse name of ${ip}: none.`],
      problems: [
        {
          status: 'fail',
          title: `${ip} has no reverse name (PTR)`,
          fix: 'Ask your VPS host for a PTR record naming your mail host: the Reverse DNS step has the request.',
        },
      ],
    };
  const back =
    hop.ptrConfirmed === true
      ? ', which leads back to it'
      : hop.ptrConfirmed === false
        ? ', which does NOT lead back to it'
        : '';
  return {
    lines: [`Reverse name of ${ip}: ${ptr.join(', ')}${back}.`],
    problems: ptrNameProblems({ ...hop, ip, ptr }, ctx),
  };
}

/** The HELO name: a full host name, and the same as the reverse name when there is one. */
export function judgeHopHelo(hop: ProviderHop, ctx: MessageContext): TransportPart {
  const helo = hop.helo;
  if (!helo) return { lines: [], problems: [] };
  const lines = [`HELO name: ${helo}.`];
  if (!FQDN.test(helo))
    return {
      lines,
      problems: [
        {
          status: 'warn',
          title: `The server introduces itself as "${helo}", not a full host name`,
          fix: `Set the mail software's host name to your mail host${ctx.plan ? ` (Postfix: myhostname = ${ctx.plan.mailHost})` : ''}.`,
        },
      ],
    };
  const ptr = hop.ptr ?? [];
  if (ptr.length > 0 && !ptr.some((p) => bareName(p) === bareName(helo)))
    return {
      lines,
      problems: [
        {
          status: 'warn',
          title: 'The HELO name and the reverse name differ',
          fix: `Use the same name for both: set the HELO name (Postfix: smtp_helo_name) to ${ptr[0]}, or ask for the PTR to be ${helo}.`,
        },
      ],
    };
  return { lines, problems: [] };
}
