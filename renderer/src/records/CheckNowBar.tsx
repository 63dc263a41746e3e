import type { RecordsCheck } from './use-records-check';

/** The "Check these now" button and what it says while and after it checks. */
export function CheckNowBar({ check }: { check: RecordsCheck }) {
  const { checking, run, error } = check;
  return (
    <div className="row check-now">
      <button type="button" onClick={() => void check.checkNow()} disabled={checking}>
        {checking ? 'Checking your records…' : 'Check these now'}
      </button>
      <span className="hint" role="status">
        {checking
          ? 'Asking your DNS host and public resolvers. This takes a few seconds.'
          : error !== undefined
            ? `The check could not run: ${error}`
            : run
              ? `Checked just now: ${run.summary.pass} passed, ${run.summary.fail} to fix, ${run.summary.pending} waiting for DNS. Each card shows its result.`
              : 'Once you have added them, see whether your DNS host and the world see them.'}
      </span>
    </div>
  );
}
