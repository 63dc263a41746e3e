import type { Finding } from './finding';
import type { MessageObservation } from './message-observation';
import type { MessageContext } from './message-context';
import { evaluateMessageParsed } from './message-parsed';
import { evaluateMessageDkim } from './message-dkim';
import { evaluateMessageSpf } from './message-spf';
import { evaluateMessageDmarc } from './message-dmarc';
import { evaluateMessageReceiver } from './message-receiver';
import { evaluateMessageTransport } from './message-transport';
import { evaluateMessageBulk } from './message-bulk';

/**
 * Every message.* finding of one test message. Text that is not a message gets only
 * message.parsed: nothing else can be judged from it.
 */
export function evaluateMessage(obs: MessageObservation, ctx: MessageContext): Finding[] {
  const parsed = evaluateMessageParsed(obs);
  if (obs.shape !== 'whole' && obs.shape !== 'headers-only') return [parsed];
  return [
    parsed,
    ...evaluateMessageDkim(obs, ctx),
    evaluateMessageSpf(obs, ctx),
    evaluateMessageDmarc(obs),
    evaluateMessageReceiver(obs),
    evaluateMessageTransport(obs, ctx),
    evaluateMessageBulk(obs),
  ];
}

/** Whether a test message passed: read, signed and DMARC-aligned, nothing failed. */
export function messagePassed(findings: readonly Finding[]): boolean {
  const by = (id: string) => findings.filter((f) => f.check === id);
  return (
    findings.length > 0 &&
    !findings.some((f) => f.status === 'fail') &&
    by('message.dkim').some((f) => f.status === 'pass') &&
    by('message.dmarc').every((f) => f.status === 'pass') &&
    by('message.dmarc').length > 0
  );
}
