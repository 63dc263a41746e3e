import { useEffect, useRef, useState } from 'react';
import { whenWords } from '../../../shared/summary/date-words';
import type { Plan } from '../../../shared/model/plan';
import type { Draft, PublishedRecords } from '../../../shared/model/project';
import { api } from '../state/api-ref';
import { describeReceivers } from '../../../shared/providers/mail-receivers';

/** Plain sentences about what a domain publishes today; nothing about a list that could not be read. */
function describe(p: PublishedRecords, domain: string, onRecords: boolean): string[] {
  const cards = onRecords ? 'card below' : 'card on the Records step';
  const unread = new Set(p.unread ?? []);
  const out: string[] = [];
  if (!unread.has('mx'))
    out.push(
      p.mx.length === 0
        ? `${domain} has no MX record: no mail is received for it today.`
        : `Your mail for ${domain} is received today by ${describeReceivers(p.mx.map((m) => m.exchange))}.`,
    );
  if (!unread.has('spf'))
    out.push(
      p.spf.length === 0
        ? 'It has no SPF record yet.'
        : p.spf.length === 1
          ? `It has an SPF record (${p.spf[0]}): the SPF ${cards} adds your server to it.`
          : `It has ${p.spf.length} SPF records. Receivers treat that as an error; the SPF ${cards} merges them into one.`,
    );
  if (!unread.has('dmarc'))
    out.push(
      p.dmarc.length === 0
        ? p.dmarcInherited
          ? `It has no DMARC record of its own; receivers use the one at _dmarc.${p.dmarcInherited.at}.`
          : 'It has no DMARC record yet.'
        : `It has a DMARC record (${p.dmarc[0]}): the DMARC ${cards} says whether to keep it.`,
    );
  return out;
}

/** True when not one list could be read: nothing worth keeping. */
function nothingRead(p: PublishedRecords): boolean {
  const unread = new Set(p.unread ?? []);
  return ['spf', 'dmarc', 'mx'].every((k) => unread.has(k as 'spf'));
}

/** How long the names must stay unchanged before the automatic look-up starts (typing pauses). */
export const AUTO_LOOK_DELAY_MS = 800;

/** The saved look-up when it was made for these names; null when there is none or the names changed. */
export function publishedFor(
  published: Draft['published'],
  plan: Pick<Plan, 'domain' | 'mailHost'>,
): NonNullable<Draft['published']> | null {
  return published && published.domain === plan.domain && published.mailHost === plan.mailHost
    ? published
    : null;
}

/**
 * "What your domain publishes today", kept in the draft so the plan merges with it after a
 * reload too. With `auto` (the Domain step) it looks by itself once the names stop changing,
 * once per pair of names; elsewhere, and to look again, the user asks.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function PublishedToday({
  plan,
  published,
  update,
  onRecords = true,
  auto = false,
}: {
  /** False on the Domain step: the record cards are on the Records step, not below. */
  onRecords?: boolean;
  /** Look without being asked when there is no look-up for these names yet. */
  auto?: boolean;
  plan: Pick<Plan, 'domain' | 'mailHost'>;
  published: Draft['published'];
  update: (patch: Partial<Draft>) => void;
}) {
  const [state, setState] = useState<{ looking: boolean; error: string | null }>({
    looking: false,
    error: null,
  });
  const current = publishedFor(published, plan);

  const look = async () => {
    setState({ looking: true, error: null });
    const r = await api().call('dns.published', { domain: plan.domain, mailHost: plan.mailHost });
    if (!r.ok) {
      setState({ looking: false, error: r.error.message });
      return;
    }
    if (nothingRead(r.value)) {
      // Keep an earlier good look rather than replace it with an empty one.
      setState({ looking: false, error: r.value.problems[0] ?? 'No DNS server answered.' });
      return;
    }
    update({
      published: {
        ...r.value,
        domain: plan.domain,
        mailHost: plan.mailHost,
        checkedAt: new Date().toISOString(),
      },
    });
    setState({ looking: false, error: null });
  };

  // One automatic look per pair of names: a failed look is not repeated on its own (the user
  // sees why and can ask again), and typing never fires a look per keystroke.
  const tried = useRef(new Set<string>());
  const names = `${plan.domain} ${plan.mailHost}`;
  const needed = auto && current === null && !tried.current.has(names);
  useEffect(() => {
    if (!needed) return;
    const timer = setTimeout(() => {
      tried.current.add(names);
      void look();
    }, AUTO_LOOK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [needed, names]); // `look` is recreated on each render; the names are what matter.

  return (
    <div className="card published" data-testid="published-today">
      <h2 className="card-title">What {plan.domain} publishes today</h2>
      {current ? (
        <>
          <ul>
            {describe(current, plan.domain, onRecords).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {current.problems.map((p) => (
            <p className="field-warn" key={p}>
              {p}
            </p>
          ))}
          <p className="hint">Checked {whenWords(current.checkedAt)}.</p>
        </>
      ) : (
        <p className="hint">
          {auto
            ? 'We look this up as soon as the domain is entered (it asks the internet)'
            : 'Check before you add anything (it asks the internet)'}
          : if your domain already has SPF, DMARC or MX records, the record cards
          {onRecords ? ' below' : ' on the Records step'} merge with them instead of replacing what
          works.
        </p>
      )}
      {state.error && !state.looking ? (
        <p className="field-warn" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void look()}
          disabled={state.looking}
        >
          {current
            ? 'Check again'
            : state.error
              ? 'Try again'
              : `Check what ${plan.domain} publishes`}
        </button>
        <span role="status" aria-live="polite">
          {state.looking ? `Looking up what ${plan.domain} publishes today…` : ''}
        </span>
      </div>
    </div>
  );
}
