import type { Plan } from '../../../shared/model/plan';
import type { Draft } from '../../../shared/model/project';
import { shownName } from '../../../shared/model/shown-name';
import { whenWords } from '../../../shared/summary/date-words';
import { publishedSentences } from '../records/published-words';
import { usePublishedLookup } from '../records/use-published-lookup';

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
  const current = publishedFor(published, plan);
  const state = usePublishedLookup(plan, update, auto && current === null);
  const shown = shownName(plan.domain);

  return (
    <div className="card published" data-testid="published-today">
      <h2 className="card-title">What {shown} publishes today</h2>
      {current ? (
        <>
          <ul>
            {publishedSentences(current, shown, onRecords).map((s) => (
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
          onClick={() => void state.look()}
          disabled={state.looking}
        >
          {current ? 'Check again' : state.error ? 'Try again' : `Check what ${shown} publishes`}
        </button>
        <span role="status" aria-live="polite">
          {state.looking ? `Looking up what ${shown} publishes today…` : ''}
        </span>
      </div>
    </div>
  );
}
