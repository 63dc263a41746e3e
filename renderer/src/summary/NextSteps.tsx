import type { PlannedRecord } from '../../../shared/records/planned-record';
import { dateWords } from '../../../shared/summary/date-words';
import { policyLadder, type LadderStep } from '../../../shared/summary/policy-ladder';
import { WARMUP_ADVICE, WARMUP_TITLE } from '../../../shared/summary/warmup-advice';
import { Term } from '../components/Term';

function dates(step: LadderStep): string | null {
  if (!step.earliest) return null;
  return step.latest
    ? `Between ${dateWords(step.earliest)} and ${dateWords(step.latest)}.`
    : `From ${dateWords(step.earliest)}.`;
}

/** What to do after the records work: tighten SPF and DMARC step by step, warm up the address. */
export function NextSteps({ records, from }: { records: readonly PlannedRecord[]; from: Date }) {
  const ladder = policyLadder(records, from);
  return (
    <section className="card card-section" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">Next steps</h2>
      {ladder.length > 0 ? (
        <>
          <p>
            Start gentle, then tighten. Once the reports show only your own servers sending, change
            these records so receivers refuse forged mail (<Term id="spf">SPF</Term>,{' '}
            <Term id="dmarc">DMARC</Term>).
          </p>
          <ol className="ladder" data-testid="ladder">
            {ladder.map((s) => (
              <li key={s.recordKey}>
                <strong>{s.label}</strong> ({s.name}). {s.when} <strong>{dates(s)}</strong>
                <br />
                New value: <code>{s.next}</code>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>Your SPF and DMARC records are already at their strictest setting.</p>
      )}
      <h3>{WARMUP_TITLE}</h3>
      <ul className="advice" data-testid="warmup">
        {WARMUP_ADVICE.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </section>
  );
}
