import { useId } from 'react';
import type { MailSoftware } from '../../../../shared/providers/mail-software';
import { describeProvenance, isKnown } from '../../../../shared/providers/provider-fact';
import { DkimPasteFeedback } from './DkimPasteFeedback';
import type { DkimPasteReading } from './use-dkim-paste';

/** The box for the record or key the mail software shows, with where to find it and its reading. */
export function DkimPasteField({
  value,
  onChange,
  reading,
  where,
  planSelector,
  fallback,
  domain,
  plannedValue,
}: {
  value: string;
  onChange: (text: string) => void;
  reading: DkimPasteReading;
  /** Where the mail software shows its key, when the provider facts know. */
  where: MailSoftware['whereKeyIsShown'] | undefined;
  planSelector: string | undefined;
  fallback: string;
  domain: string | undefined;
  plannedValue: string | undefined;
}) {
  const pasteId = useId();
  const { pasted, cname } = reading;
  return (
    <div className="field">
      <label htmlFor={pasteId}>DKIM record or key from your mail software</label>
      {where && isKnown(where) ? (
        <p className="hint">
          Where to find it: {where.value}{' '}
          <span className="fact-source">{describeProvenance(where)}</span>
        </p>
      ) : null}
      <textarea
        id={pasteId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        spellCheck={false}
        placeholder={'default._domainkey IN TXT ( "v=DKIM1; k=rsa; "\n  "p=MIIBIjANBgkqh…" )'}
        aria-invalid={pasted && !pasted.ok && !cname ? true : undefined}
        aria-describedby={`${pasteId}-help`}
        data-testid="dkim-paste"
      />
      <div id={`${pasteId}-help`} aria-live="polite">
        <DkimPasteFeedback
          reading={reading}
          planSelector={planSelector}
          fallback={fallback}
          domain={domain}
          plannedValue={plannedValue}
        />
      </div>
    </div>
  );
}
