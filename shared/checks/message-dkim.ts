import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageDkimSignature, MessageObservation } from './message-observation';
import {
  SIGNING_SETUP_FIX,
  isAtOrUnder,
  messageSubject,
  type MessageContext,
} from './message-context';
import { keyName, planSelectors, signatureVerdict } from './message-dkim-verdict';

/** Lines that say what the signature is and how it relates to the plan. */
function facts(sig: MessageDkimSignature, ctx: MessageContext): string[] {
  const lines = [
    `Signed for d=${sig.domain} with selector s=${sig.selector} (${sig.algorithm || 'no algorithm named'}).`,
  ];
  const plan = ctx.plan;
  if (plan) {
    const selectors = planSelectors(ctx);
    if (selectors.length > 0)
      lines.push(
        selectors.includes(sig.selector.toLowerCase())
          ? `"${sig.selector}" is your plan's selector.`
          : `Your plan's selector is "${selectors[0]}", not "${sig.selector}".`,
      );
    lines.push(
      isAtOrUnder(sig.domain, plan.domain)
        ? `d=${sig.domain} is your domain.`
        : `d=${sig.domain} is not your domain (${plan.domain}).`,
    );
    if (sig.keyIsPlanKey === true) lines.push('The published key is the key in your plan.');
    if (sig.keyIsPlanKey === false) lines.push('The published key is NOT the key in your plan.');
  }
  if (sig.bodyLengthLimit !== undefined)
    lines.push(
      `It covers only the first ${sig.bodyLengthLimit} bytes of the body (l=)${sig.unsignedBodyBytes ? `; ${sig.unsignedBodyBytes} bytes after them are unsigned` : ''}.`,
    );
  return lines;
}

/** One signature's finding: its verdict, with the facts about it and the plan under the first line. */
function judgeSignature(
  sig: MessageDkimSignature,
  obs: MessageObservation,
  ctx: MessageContext,
): Finding {
  const { status, title, first, fix } = signatureVerdict(sig, obs, ctx);
  return makeFinding('message.dkim', keyName(sig), status, {
    title,
    detail: detailText(first, facts(sig, ctx)),
    ...(fix ? { fix } : {}),
    evidence: { signature: sig },
  });
}

/** message.dkim: one finding per signature; a message with none is a fail pointing at the signing setup. */
export function evaluateMessageDkim(obs: MessageObservation, ctx: MessageContext): Finding[] {
  if (obs.dkim.length === 0)
    return [
      makeFinding('message.dkim', messageSubject(obs), 'fail', {
        title: 'The message is not signed (no DKIM signature)',
        detail:
          'There is no DKIM-Signature header. Receivers cannot tell that your server sent it, and DMARC can then pass only through SPF, which breaks when mail is forwarded.',
        fix: SIGNING_SETUP_FIX,
        evidence: { signatures: 0 },
      }),
    ];
  return obs.dkim.map((sig) => judgeSignature(sig, obs, ctx));
}
