import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';
import type { MessageObservation } from './message-observation';
import { messageSubject } from './message-context';

/** The URIs of a List-Unsubscribe value: `<https://…>, <mailto:…>`. */
export function unsubscribeUris(value: string | undefined): string[] {
  if (!value) return [];
  return [...value.matchAll(/<\s*([^>\s]+)\s*>/g)].map((m) => m[1]!);
}

const MESSAGE_ID = /^\s*<[^<>@\s]+@[^<>@\s]+>\s*$/;

/** message.bulk: the header rules Gmail and Yahoo set for bulk senders (RFC 8058 one-click unsubscribe). */
export function evaluateMessageBulk(obs: MessageObservation): Finding {
  const subject = messageSubject(obs);
  const b = obs.bulk;
  const lines: string[] = [];
  const fails: { title: string; fix: string }[] = [];
  if (b.fromCount !== 1)
    fails.push({
      title: b.fromCount === 0 ? 'No From header' : `${b.fromCount} From headers`,
      fix: 'Send with exactly one From header holding one address at your domain.',
    });
  if (b.messageIds.length !== 1 || !MESSAGE_ID.test(b.messageIds[0]!))
    fails.push({
      title:
        b.messageIds.length === 0
          ? 'No Message-ID'
          : b.messageIds.length > 1
            ? 'More than one Message-ID'
            : `An invalid Message-ID (${b.messageIds[0]!.slice(0, 80)})`,
      fix: 'Let your mail server add the Message-ID (Postfix does it for mail it accepts for sending); a sending app that writes its own must use <unique@your-domain>.',
    });
  if (b.dates.length !== 1 || Number.isNaN(Date.parse(b.dates[0]!)))
    fails.push({
      title:
        b.dates.length === 0
          ? 'No Date header'
          : b.dates.length > 1
            ? 'More than one Date header'
            : 'An invalid Date header',
      fix: 'Let your mail server add the Date header; a sending app must write one valid RFC 5322 date.',
    });
  const uris = unsubscribeUris(b.listUnsubscribe);
  const looksBulk = b.bulkSigns.length > 0 || b.listUnsubscribe !== undefined;
  lines.push(
    looksBulk
      ? `It looks like bulk mail (${[...b.bulkSigns, ...(b.listUnsubscribe !== undefined ? ['List-Unsubscribe'] : [])].join(', ')}).`
      : 'It does not look like bulk mail (no List-Id, List-Unsubscribe or Precedence: bulk).',
  );
  if (looksBulk) {
    const usable = uris.filter((u) => /^(https:|mailto:)/i.test(u));
    const https = uris.some((u) => /^https:/i.test(u));
    const oneClick = /^\s*List-Unsubscribe=One-Click\s*$/i.test(b.listUnsubscribePost ?? '');
    const covered = obs.dkim.some(
      (s) =>
        s.result === 'pass' &&
        s.signedHeaders.includes('list-unsubscribe') &&
        s.signedHeaders.includes('list-unsubscribe-post'),
    );
    lines.push(
      `List-Unsubscribe: ${b.listUnsubscribe ?? 'missing'}`,
      `List-Unsubscribe-Post: ${b.listUnsubscribePost ?? 'missing'}`,
      `Covered by a verified DKIM signature: ${covered ? 'yes' : 'no'}.`,
    );
    if (usable.length === 0)
      fails.push({
        title: 'No unsubscribe link receivers can use',
        fix: 'Add a List-Unsubscribe header with an https link (and optionally a mailto address), e.g. List-Unsubscribe: <https://your-site/unsubscribe?u=…>. Newsletter plugins have a setting for it.',
      });
    if (!https || !oneClick)
      fails.push({
        title: 'No one-click unsubscribe (RFC 8058)',
        fix: 'Add "List-Unsubscribe-Post: List-Unsubscribe=One-Click" with an https List-Unsubscribe link that unsubscribes on a POST request, without a login or a page to confirm. Gmail and Yahoo require it of bulk senders since February 2024.',
      });
    if (usable.length > 0 && !covered)
      fails.push({
        title: 'The unsubscribe headers are not signed',
        fix: 'Have your DKIM signer cover List-Unsubscribe and List-Unsubscribe-Post (OpenDKIM signs them by default; Rspamd: add them to sign_headers), so receivers trust them.',
      });
  }
  const evidence = { bulk: b, uris };
  if (fails.length > 0)
    return makeFinding('message.bulk', subject, 'fail', {
      title: fails.map((f) => f.title).join('; '),
      detail: detailText(`Gmail and Yahoo rules for senders: ${fails.length} not met.`, lines),
      fix: fails.map((f) => f.fix).join(' '),
      evidence,
    });
  if (!looksBulk)
    return makeFinding('message.bulk', subject, 'info', {
      title: 'Not bulk mail: the unsubscribe rules do not apply to it',
      detail: detailText('One From, a valid Message-ID and Date.', [
        ...lines,
        'If you send newsletters, test one of those: they must also carry a one-click unsubscribe.',
      ]),
      evidence,
    });
  return makeFinding('message.bulk', subject, 'pass', {
    title: 'One-click unsubscribe and the required headers are there',
    detail: detailText(
      'One From, a valid Message-ID and Date, and a signed one-click unsubscribe.',
      lines,
    ),
    evidence,
  });
}
