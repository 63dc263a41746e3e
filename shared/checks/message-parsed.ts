import type { Finding } from './finding';
import { makeFinding } from './finding-make';
import type { MessageObservation } from './message-observation';
import { messageSubject } from './message-context';

const HOW_TO_GET =
  'Open the test message at Gmail, Outlook.com or Yahoo, use "Show original" (Gmail), "View message source" (Outlook.com) or "View raw message" (Yahoo), and copy the whole text, or download it as a .eml file and drop that here.';

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/** message.parsed: a whole message, headers only, or not a message at all (and what it looks like). */
export function evaluateMessageParsed(obs: MessageObservation): Finding {
  const subject = messageSubject(obs);
  const evidence = {
    shape: obs.shape,
    bytes: obs.bytes,
    headers: obs.headerCount,
    lineEnds: obs.lineEnds,
    source: obs.source,
  };
  switch (obs.shape) {
    case 'empty':
      return makeFinding('message.parsed', subject, 'fail', {
        title: 'There is no message to check',
        detail: 'The text is empty.',
        fix: HOW_TO_GET,
        evidence,
      });
    case 'too-large':
      return makeFinding('message.parsed', subject, 'fail', {
        title: 'The message is too large to check',
        detail: `It is ${megabytes(obs.bytes)}; Mailwright checks messages up to ${megabytes(obs.limitBytes ?? 0)}. A test message does not need attachments.`,
        fix: 'Send yourself a test without attachments (a newsletter without large images is fine) and check that one.',
        evidence,
      });
    case 'binary':
    case 'not-a-message':
      return makeFinding('message.parsed', subject, 'fail', {
        title: 'This is not an e-mail message',
        detail: `${obs.looksLike ? `It looks like ${obs.looksLike}. ` : ''}An e-mail message starts with header lines such as "From:", "To:", "Subject:" and "DKIM-Signature:".`,
        fix: HOW_TO_GET,
        evidence,
      });
    case 'headers-only':
      return makeFinding('message.parsed', subject, 'warn', {
        title: 'Only the headers were given',
        detail: `${obs.headerCount} header lines, no body. Signatures, SPF and DMARC can be checked from the headers, but not the body hash: whether the body arrived unchanged stays open.`,
        fix: 'For the full check give the whole message: the downloaded .eml file, or all of the "Show original" text including the body.',
        evidence,
      });
    case 'whole': {
      const limited = obs.headerLimit !== undefined;
      return makeFinding('message.parsed', subject, limited ? 'warn' : 'pass', {
        title: limited ? 'The message has very many headers' : 'A whole message: headers and body',
        detail: limited
          ? `Reading stopped after ${obs.headerLimit} header lines; the rest were not looked at.`
          : `${obs.headerCount} header lines and a body${obs.subject ? `, subject "${obs.subject.slice(0, 120)}"` : ''}.`,
        fix: 'Check a message straight from your server: one with this many headers was changed on the way.',
        evidence,
      });
    }
  }
}
