import { useId, useState, type ReactNode } from 'react';
import { TERMS, type TermId } from '../../../shared/summary/glossary';

/**
 * A technical word with a small "?" button that opens its plain-language explanation in
 * place: keyboard reachable, announced as expanded or collapsed, and it never hides the text.
 */
export function Term({ id, children }: { id: TermId; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const noteId = useId();
  const entry = TERMS[id];
  return (
    <span className="term">
      {children ?? entry.label}
      <button
        type="button"
        className="term-toggle"
        aria-expanded={open}
        aria-controls={noteId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">What is {entry.label}?</span>
      </button>
      <span id={noteId} className="term-note" hidden={!open}>
        <strong>{entry.label}:</strong> {entry.text}
      </span>
    </span>
  );
}
