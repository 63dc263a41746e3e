import type { MessageResult } from '../../../shared/checks/message-result';
import { FindingItem } from '../verify/FindingItem';
import { Term } from '../components/Term';
import type { ReactNode } from 'react';

/** The message checks in reading order, each with a heading and one plain sentence. */
const SECTIONS: { check: string; title: string; why: ReactNode }[] = [
  {
    check: 'message.parsed',
    title: 'The text you gave',
    why: 'Whether it is a whole message, or only its headers.',
  },
  {
    check: 'message.dkim',
    title: 'Signature',
    why: (
      <>
        Your server signs each message with its private key; receivers check the signature with the
        public <Term id="dkim" /> key in your DNS.
      </>
    ),
  },
  {
    check: 'message.spf',
    title: 'Sending server',
    why: (
      <>
        <Term id="spf" /> says which servers may send for the bounce address (Return-Path).
      </>
    ),
  },
  {
    check: 'message.dmarc',
    title: 'Policy and alignment',
    why: (
      <>
        <Term id="dmarc" /> passes when DKIM or SPF passes for the same domain as the From address
        (that is "alignment").
      </>
    ),
  },
  {
    check: 'message.receiver',
    title: 'What the provider concluded',
    why: 'The verdict Gmail, Outlook.com or Yahoo wrote into the message when it arrived.',
  },
  {
    check: 'message.transport',
    title: 'The way it travelled',
    why: (
      <>
        Whether it was encrypted on the way, and the sending address&apos;s reverse name (
        <Term id="ptr" />
        ).
      </>
    ),
  },
  {
    check: 'message.bulk',
    title: 'Rules for newsletters',
    why: 'Gmail and Yahoo ask bulk senders for a one-click unsubscribe and well-formed headers.',
  },
];

/** The result of a test message, grouped by what each check is about, each explained. */
export function MessageResults({ result }: { result: MessageResult; projectId: string }) {
  const { document } = result;
  const now = Date.now();
  const counts = document.summary;
  const when = new Date(result.checkedAt).toLocaleString();
  return (
    <section className="message-results" aria-labelledby="message-results-title">
      <h2 id="message-results-title">Result of the test message</h2>
      <p
        className={`notice ${result.passed ? 'info' : counts.fail > 0 ? 'error' : ''}`}
        role="status"
        data-testid="message-verdict"
      >
        {result.passed
          ? 'This message passed: it is signed with a key that verifies, DMARC passes with alignment, and nothing failed.'
          : counts.fail > 0
            ? `${counts.fail === 1 ? 'One thing needs' : `${counts.fail} things need`} fixing before receivers trust this message.`
            : 'Nothing failed, but not everything could be confirmed: see below.'}{' '}
        <span className="muted">
          Checked {when}
          {result.fileName
            ? ` from ${result.fileName}`
            : result.source === 'paste'
              ? ' from pasted text'
              : ''}
          .
        </span>
      </p>
      {SECTIONS.map((s) => {
        const mine = document.findings.filter((f) => f.check === s.check);
        if (mine.length === 0) return null;
        return (
          <section key={s.check} className="card finding-group" aria-labelledby={`m-${s.check}`}>
            <h3 id={`m-${s.check}`}>{s.title}</h3>
            <p className="hint">{s.why}</p>
            <ul className="finding-list">
              {mine.map((f) => (
                <FindingItem key={`${f.check} ${f.subject}`} finding={f} now={now} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
