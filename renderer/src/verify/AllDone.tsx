import './all-done.css';
import type { AllDone as AllDoneFacts } from '../../../shared/summary/all-done';
import { dateWords } from '../../../shared/summary/date-words';
import type { LadderStep } from '../../../shared/summary/policy-ladder';
import { CopyButton } from '../components/CopyButton';
import { Term } from '../components/Term';

function dates(step: LadderStep): string {
  if (!step.earliest) return '';
  return step.latest
    ? `between ${dateWords(step.earliest)} and ${dateWords(step.latest)}`
    : `from ${dateWords(step.earliest)}`;
}

/**
 * The "All done" moment: what was verified, what the check did not look at, and what to do
 * next (the SPF and DMARC ladder with its dates). Verify and Summary show the same facts.
 */
export function AllDone({
  done,
  nextStepsBelow = false,
}: {
  done: AllDoneFacts;
  /** On the Summary, whose Next steps section has the ladder: point there instead of repeating it. */
  nextStepsBelow?: boolean;
}) {
  return (
    <section className="card all-done" aria-labelledby="all-done-title" data-testid="all-done">
      <h2 id="all-done-title">
        {done.complete ? 'All done' : 'All done with what this check looked at'}
      </h2>
      <p>
        Nothing fails and nothing waits for <Term id="dns" /> any more.
        {done.advice > 0
          ? ` ${done.advice === 1 ? 'One suggestion remains' : `${done.advice} suggestions remain`}: advice that would make delivery more reliable, not a failure.`
          : ''}
      </p>
      <h3>Verified</h3>
      <ul className="all-done-verified" data-testid="all-done-verified">
        {done.verified.map((g) => (
          <li key={g.group}>
            <span aria-hidden="true">✓ </span>
            {g.title} ({g.checks} check{g.checks === 1 ? '' : 's'})
          </li>
        ))}
      </ul>
      {done.notLooked.length > 0 ? (
        <>
          <h3>Not looked at</h3>
          <ul data-testid="all-done-not-looked">
            {done.notLooked.map((n) => (
              <li key={n}>{n[0]?.toUpperCase() + n.slice(1)}.</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>What to do next</h3>
      {nextStepsBelow ? (
        <p>
          {done.ladder.length > 0
            ? 'Tighten SPF and DMARC step by step, on the dates under Next steps below.'
            : 'Your SPF and DMARC records are already at their strictest setting: nothing to tighten.'}
        </p>
      ) : done.ladder.length > 0 ? (
        <ol className="ladder" data-testid="all-done-ladder">
          {done.ladder.map((s) => (
            <li key={s.recordKey}>
              <strong>
                {s.label === 'SPF' ? (
                  <Term id="spf">SPF</Term>
                ) : s.label === 'DMARC' ? (
                  <Term id="dmarc">DMARC</Term>
                ) : (
                  s.label
                )}
                {s.earliest ? `, ${dates(s)}` : ''}
              </strong>
              : {s.when}
              <span className="ladder-next">
                New value: <code>{s.next}</code>{' '}
                <CopyButton value={s.next} label={`Copy the new ${s.label} value`} />
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p>
          Your SPF and DMARC records are already at their strictest setting: nothing to tighten.
        </p>
      )}
    </section>
  );
}
