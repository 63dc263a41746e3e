import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageObservation, ReceiverVerdict } from './message-observation';
import { messageSubject } from './message-context';

const PROVIDER_NAMES = { gmail: 'Gmail', outlook: 'Outlook.com', yahoo: 'Yahoo' } as const;

/** The receiver whose verdict counts: a known provider's, else the newest (top-most). */
function chosen(receivers: readonly ReceiverVerdict[]): ReceiverVerdict | undefined {
  return receivers.find((r) => r.provider) ?? receivers[0];
}

function ownDkim(obs: MessageObservation): string {
  if (obs.dkim.length === 0) return 'none';
  if (obs.dkim.some((s) => s.result === 'pass')) return 'pass';
  if (obs.dkim.some((s) => s.result === 'temperror' || s.key.state === 'lookup-failed'))
    return 'temperror';
  return 'fail';
}

const normal = (v: string | undefined): string | undefined =>
  v === undefined ? undefined : v === 'neutral' || v === 'policy' || v === 'permerror' ? 'fail' : v;

/** message.receiver: the provider's own verdict beside Mailwright's, and why they differ. */
export function evaluateMessageReceiver(obs: MessageObservation): Finding {
  const subject = messageSubject(obs);
  const r = chosen(obs.receiver);
  const arcLine = obs.arc
    ? [
        `ARC (a forwarder's seal, ${obs.arc.instances} set${obs.arc.instances === 1 ? '' : 's'}): ${obs.arc.result}${obs.arc.comment ? ` (${obs.arc.comment})` : ''}.`,
      ]
    : [];
  if (!r)
    return makeFinding('message.receiver', subject, 'info', {
      title: 'No provider verdict in the message',
      detail: detailText(
        "There is no Authentication-Results header: the message did not pass through Gmail, Outlook.com or Yahoo, or the headers were cut. Mailwright's own results above stand alone.",
        arcLine,
      ),
      evidence: { receivers: [] },
    });
  const name = r.provider ? PROVIDER_NAMES[r.provider] : r.authservId;
  const theirs = { dkim: normal(r.dkim), spf: normal(r.spf), dmarc: normal(r.dmarc) };
  const ours = {
    dkim: ownDkim(obs),
    spf: normal(obs.spf?.result),
    dmarc: normal(obs.dmarc?.result),
  };
  const lines = (['dkim', 'spf', 'dmarc'] as const).map(
    (k) =>
      `${k.toUpperCase()}: ${name} said ${r[k] ?? 'nothing'}; Mailwright finds ${ours[k] ?? 'nothing'} now.`,
  );
  if (r.compauth) lines.push(`Microsoft's composite verdict (compauth): ${r.compauth}.`);
  lines.push(...arcLine);
  const evidence = { receiver: r, receivers: obs.receiver };
  const differs = (['dkim', 'spf', 'dmarc'] as const).filter(
    (k) =>
      theirs[k] !== undefined &&
      ours[k] !== undefined &&
      ours[k] !== 'temperror' &&
      theirs[k] !== 'temperror' &&
      (theirs[k] === 'pass') !== (ours[k] === 'pass'),
  );
  if (differs.length > 0) {
    const theyPassed = differs.some((k) => theirs[k] === 'pass');
    return makeFinding('message.receiver', subject, 'warn', {
      title: `${name} and Mailwright disagree about ${differs.map((k) => k.toUpperCase()).join(', ')}`,
      detail: detailText(
        theyPassed
          ? `${name} found it good when the message arrived; Mailwright checks against DNS as it is now. A record changed since the message was sent (a key replaced, SPF edited), or the text changed on the way here (pasting).`
          : `${name} found a problem when the message arrived that Mailwright does not find now: DNS changed since (you fixed something, or DNS was not visible yet), or ${name} used a forwarder's ARC seal or its own rules.`,
        lines,
      ),
      fix: theyPassed
        ? 'If you changed DNS since sending, send a new test and check that. If you pasted the text, drop the downloaded .eml file instead.'
        : 'Send a new test message now that DNS is right, and check that one: it shows what receivers see today.',
      evidence,
    });
  }
  const failed = ['dkim', 'spf', 'dmarc'].filter((k) => theirs[k as 'dkim'] === 'fail');
  if (theirs.dmarc === 'fail' || (failed.length > 0 && theirs.dmarc !== 'pass'))
    return makeFinding('message.receiver', subject, 'fail', {
      title: `${name} also found ${failed.map((k) => k.toUpperCase()).join(' and ')} failing`,
      detail: detailText(`${name} agrees with Mailwright.`, lines),
      fix: 'Fix what the findings above name, then send a new test.',
      evidence,
    });
  return makeFinding(
    'message.receiver',
    subject,
    theirs.dmarc === 'pass' || theirs.dkim === 'pass' ? 'pass' : 'info',
    {
      title: `${name} agrees`,
      detail: detailText(
        `${name}'s verdict when the message arrived matches Mailwright's now.`,
        lines,
      ),
      evidence,
    },
  );
}
