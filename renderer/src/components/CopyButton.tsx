import { useEffect, useRef, useState } from 'react';

/**
 * Copies one value to the clipboard and says so where the user is looking ("Copied"), also to
 * screen readers; if the browser refuses, it says how to copy by hand instead of failing silently.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), 4000);
  };
  return (
    <span className="copy">
      <button type="button" className="secondary small" onClick={() => void copy()}>
        Copy<span className="visually-hidden"> {label}</span>
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {status === 'copied'
          ? 'Copied'
          : status === 'failed'
            ? 'Could not copy: select the text and press Ctrl+C'
            : ''}
      </span>
    </span>
  );
}
