import type { DkimPasteReading } from './use-dkim-paste';
import { RecordToPublish } from './RecordToPublish';

/**
 * What the paste box's contents are, said under it as you type: a valid key record (and the
 * record to publish), a key the mail service keeps behind a CNAME, or what is wrong.
 */
export function DkimPasteFeedback({
  reading: { pasted, cname },
  planSelector,
  fallback,
  domain,
  plannedValue,
}: {
  reading: DkimPasteReading;
  /** The plan's selector, when the plan has one; it names the record before the pasted one. */
  planSelector: string | undefined;
  /** The mail software's usual selector, used when nothing else names one. */
  fallback: string;
  /** The domain in ASCII, or undefined while the Domain step has none. */
  domain: string | undefined;
  /** The record as the plan publishes it, when the plan has one. */
  plannedValue: string | undefined;
}) {
  const at = domain ? `.${domain}` : '';
  if (pasted === null) {
    return (
      <p className="hint">
        Paste it exactly as shown, quotes and brackets included: we tidy it up.
      </p>
    );
  }
  if (pasted.ok) {
    return (
      <>
        <p className="field-ok" data-testid="dkim-ok">
          This is a valid DKIM record: {pasted.keyType === 'rsa' ? 'an RSA' : 'an Ed25519'} key of{' '}
          {pasted.bits} bits
          {pasted.selector ? `, for the selector "${pasted.selector}"` : ''}
          {pasted.domain ? ` of ${pasted.domain}` : ''}.
        </p>
        {pasted.domain && domain && pasted.domain !== domain ? (
          <p className="field-warn">
            It is for {pasted.domain}, not {domain}. Check that you copied the key for this domain.
          </p>
        ) : null}
        {pasted.notes.map((n) => (
          <p className="hint" key={n}>
            {n}
          </p>
        ))}
        <RecordToPublish
          name={`${planSelector ?? pasted.selector ?? fallback}._domainkey${at}`}
          after=":"
          value={plannedValue ?? pasted.record}
          label="DKIM record"
          testId="dkim-record"
        />
      </>
    );
  }
  if (cname) {
    return (
      <p className="field-ok" data-testid="dkim-cname">
        This is a DKIM key your mail service keeps for you: publish{' '}
        <code>
          {cname.selector ?? planSelector ?? fallback}._domainkey{at}
        </code>{' '}
        as a CNAME record pointing to <code>{cname.target}</code>. The Records step lists it with
        the others.
      </p>
    );
  }
  return (
    <p className="field-error" data-testid="dkim-error">
      {pasted.message}
    </p>
  );
}
