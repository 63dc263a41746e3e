/** The Verify step's buttons: check (always, also while watching), cancel, watch or stop. */
export function VerifyActions({
  running,
  checked,
  watching,
  onCheck,
  onCancel,
  onWatch,
  onStop,
}: {
  running: boolean;
  /** Whether there is a run on screen ("Check again" then). */
  checked: boolean;
  watching: boolean;
  onCheck: () => void;
  onCancel: () => void;
  onWatch: () => void;
  onStop: () => void;
}) {
  return (
    <div className="verify-actions">
      {running ? (
        <button type="button" className="danger" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        // While watching it checks at once instead of waiting for the next planned check.
        <button type="button" onClick={onCheck}>
          {checked && !watching ? 'Check again' : 'Check now'}
        </button>
      )}
      {watching ? (
        <button type="button" className="secondary" onClick={onStop}>
          Stop watching
        </button>
      ) : (
        <button type="button" className="secondary" onClick={onWatch} disabled={running}>
          Watch until everything passes
        </button>
      )}
    </div>
  );
}
