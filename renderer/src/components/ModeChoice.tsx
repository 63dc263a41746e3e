import { MODES, type Mode } from '../../../shared/model/plan-choices';
import type { Draft, PublishedRecords } from '../../../shared/model/project';
import { describeReceivers } from '../../../shared/providers/mail-receivers';
import { Term } from './Term';

const TITLE: Record<Mode, string> = {
  'send-receive': 'Send and receive',
  'send-only': 'Send only',
};

/**
 * What each mode does to this domain's mail, said against what it publishes today: choosing
 * "Send and receive" while Google Workspace receives the mail moves the mail away from it, and
 * the user must read that before choosing, not after.
 */
export function modeConsequence(
  mode: Mode,
  mailHost: string,
  looked: Pick<PublishedRecords, 'mx' | 'unread'> | null,
): { text: string; warning: boolean } {
  // An MX list nobody could read says nothing about where mail goes today.
  const published = looked?.unread?.includes('mx') ? null : looked;
  const elsewhere = (published?.mx ?? [])
    .map((m) => m.exchange)
    .filter((h) => h !== mailHost.toLowerCase());
  const receiver = elsewhere.length > 0 ? describeReceivers(elsewhere) : null;
  if (mode === 'send-receive') {
    return receiver
      ? {
          text: `Mail to your addresses will arrive at ${mailHost} instead of ${receiver}: we replace the MX record. Move your mailboxes first, or mail sent in between goes to a server that has no mailbox for it.`,
          warning: true,
        }
      : {
          text: `Mail to your addresses will arrive at ${mailHost}: we add an MX record that points to it.`,
          warning: false,
        };
  }
  if (receiver)
    return {
      text: `${mailHost} only sends (for example a shop or newsletter). Your MX record stays as it is, so incoming mail keeps arriving at ${receiver}.`,
      warning: false,
    };
  return {
    text: published
      ? `${mailHost} only sends (for example a shop or newsletter). Your domain has no MX record, so no one can write back to your addresses: replies bounce.`
      : `${mailHost} only sends (for example a shop or newsletter). Your MX records stay as they are, so incoming mail keeps arriving where it does today.`,
    warning: false,
  };
}

/** "What will this server do?": send only, or send and receive, each with its consequence. */
export function ModeChoice({
  mode,
  mailHost,
  published,
  update,
}: {
  /** The mode in force; null when none is chosen and none may be assumed (mail received elsewhere). */
  mode: Mode | null;
  mailHost: string;
  /** The last look at the domain's records (null before any): the consequences name today's receiver. */
  published: Pick<PublishedRecords, 'mx' | 'unread'> | null;
  update: (patch: Partial<Draft>) => void;
}) {
  return (
    <fieldset
      className="field choices"
      data-testid="mode-choice"
      aria-describedby={mode === null ? 'mode-choose' : undefined}
    >
      <legend>What will this server do?</legend>
      {mode === null ? (
        <p className="field-warn" id="mode-choose" data-testid="mode-choose">
          Another service receives your mail today, so we do not choose for you. Read what each
          choice does, then pick one.
        </p>
      ) : null}
      {MODES.map((m) => {
        const c = modeConsequence(m, mailHost, published);
        return (
          <label key={m} className="choice">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => update({ mode: m })}
            />
            <span>
              <strong>{TITLE[m]}</strong>
              <span className={c.warning ? 'choice-text choice-warn' : 'choice-text'}>
                {c.text}
              </span>
            </span>
          </label>
        );
      })}
      <p className="hint">
        <Term id="mx">The MX record</Term> decides where mail for your domain is delivered.
      </p>
    </fieldset>
  );
}
