import { useId } from 'react';
import type { DomainInputResult } from '../../../../shared/model/domain-input';

/** The domain box, checked as you type: the name we will use (and its DNS spelling), or what is wrong. */
export function DomainField({
  value,
  onChange,
  domain,
}: {
  value: string;
  onChange: (domain: string) => void;
  /** The box's reading (normalizeDomainInput). */
  domain: DomainInputResult;
}) {
  const domainId = useId();
  const typed = value.trim() !== '';
  return (
    <div className="field">
      <label htmlFor={domainId}>Your domain</label>
      <input
        id={domainId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="example.com"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={typed && !domain.ok ? true : undefined}
        aria-describedby={`${domainId}-help`}
      />
      <div id={`${domainId}-help`} aria-live="polite">
        {!typed ? (
          <p className="hint">
            Type or paste it: a web address like https://www.example.com/contact works too.
          </p>
        ) : domain.ok ? (
          <>
            <p className="field-ok" data-testid="domain-normalized">
              We will use <strong>{domain.unicode}</strong>
              {domain.unicode !== domain.domain ? ` (written ${domain.domain} in DNS)` : ''}.
            </p>
            {domain.notes.map((n) => (
              <p className="hint" key={n}>
                {n}
              </p>
            ))}
          </>
        ) : (
          <p className="field-error" role="alert" data-testid="domain-error">
            {domain.message}
          </p>
        )}
      </div>
    </div>
  );
}
