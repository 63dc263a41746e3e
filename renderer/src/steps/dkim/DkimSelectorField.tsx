import { useId } from 'react';
import { Term } from '../../components/Term';

/** The selector box, with the selector used when it is left empty and the plan's warning. */
export function DkimSelectorField({
  value,
  onChange,
  fallback,
  pastedSelector,
  softwareName,
  warning,
}: {
  value: string;
  onChange: (selector: string) => void;
  /** The mail software's usual selector (or the general default). */
  fallback: string;
  /** The selector named in a valid pasted record, which wins over the fallback. */
  pastedSelector: string | undefined;
  softwareName: string | undefined;
  warning: string | undefined;
}) {
  const selectorId = useId();
  return (
    <div className="field">
      <label htmlFor={selectorId}>Selector</label>
      <input
        id={selectorId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={fallback}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${selectorId}-help`}
      />
      <div id={`${selectorId}-help`}>
        <p className="hint">
          The <Term id="selector">selector</Term> names the key. Leave it empty to use{' '}
          {pastedSelector
            ? `"${pastedSelector}", from the record you pasted`
            : `"${fallback}"${softwareName ? `, ${softwareName}'s usual one` : ''}`}
          .
        </p>
        {warning ? <p className="field-warn">{warning}</p> : null}
      </div>
    </div>
  );
}
