import { useAppStore } from '../state/app-store';

/** Tells the user whether their typing is safely on disk. */
export function SaveIndicator() {
  const state = useAppStore((s) => s.saveState);
  const error = useAppStore((s) => s.saveError);
  const text =
    state === 'error'
      ? `Not saved: ${error ?? 'unknown error'}`
      : state === 'saving' || state === 'pending'
        ? 'Saving…'
        : state === 'saved'
          ? 'All changes saved'
          : '';
  return (
    <p
      className={`save-indicator ${state === 'error' ? 'is-error' : ''}`}
      role="status"
      aria-live="polite"
    >
      {text}
    </p>
  );
}
