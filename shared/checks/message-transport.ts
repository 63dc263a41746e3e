import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageObservation } from './message-observation';
import { messageSubject, type MessageContext } from './message-context';
import { judgeHopHelo, judgeHopPtr, judgeHopTls } from './message-transport-parts';

/** message.transport: TLS on the provider's hop, the sender's PTR and HELO name. */
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
  const tls = judgeHopTls(hop);
  const ptr = judgeHopPtr(hop, ctx);
  const helo = judgeHopHelo(hop, ctx);
  // The TLS verdict leads the detail; the Received line itself follows, then what it names.
  const lines = [
    ...tls.lines,
    `Received line: ${hop.line.slice(0, 400)}`,
    ...ptr.lines,
    ...helo.lines,
  ];
  const problems = [...tls.problems, ...ptr.problems, ...helo.problems];
  const detail = detailText(lines[0]!, lines.slice(1));
  const evidence = { hop };
  const worst = (['fail', 'unknown', 'warn'] as const).find((s) =>
    problems.some((p) => p.status === s),
  );
  if (!worst)
    return makeFinding('message.transport', subject, 'pass', {
      title: 'Sent encrypted, from a server with a matching reverse name',
      detail,
      evidence,
    });
  const shown = problems.filter((p) => p.status === worst);
  return makeFinding('message.transport', subject, worst, {
    title: shown.map((p) => p.title).join('; '),
    detail,
    fix: problems.map((p) => p.fix).join(' '),
    evidence,
  });
}
