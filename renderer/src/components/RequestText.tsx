import { useId } from 'react';
import { CopyButton } from './CopyButton';

/** A ready-to-send request text, shown in full (read-only, selectable) with a copy button. */
export function RequestText({ label, text }: { label: string; text: string }) {
  const id = useId();
  return (
    <div className="request-text">
      <div className="row">
        <label htmlFor={id}>{label}</label>
        <CopyButton value={text} label={label.toLowerCase()} />
      </div>
      <textarea id={id} readOnly value={text} rows={Math.min(18, text.split('\n').length + 1)} />
    </div>
  );
}
