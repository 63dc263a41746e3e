import { useId } from 'react';
import { WHY_SUBDOMAIN, type MailHostInputResult } from '../../../../shared/model/mail-host-input';

/**
 * The mail host box (the name before the domain), checked as you type, with a warning when the
 * name already points somewhere today (often the website).
 */
export function MailHostField({
  value,
  onChange,
  domain,
  host,
  takenBy,
}: {
  value: string;
  onChange: (label: string) => void;
  /** The domain in ASCII, or undefined while the domain box has none. */
  domain: string | undefined;
  /** The box's reading, or null until the domain is valid. */
  host: MailHostInputResult | null;
  /** The addresses the mail host name has today, from the last look at the domain. */
  takenBy: string[] | undefined;
}) {
  const hostId = useId();
  return (
    <div className="field">
      <label htmlFor={hostId}>Mail host name</label>
      <div className="affix">
        <input
          id={hostId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={host && !host.ok ? true : undefined}
          aria-describedby={`${hostId}-help`}
        />
        <span className="suffix" aria-hidden="true">
          .{domain ?? 'your-domain'}
        </span>
      </div>
      <div id={`${hostId}-help`} aria-live="polite">
        {host?.ok ? (
          <p className="field-ok" data-testid="mail-host">
            Your mail server will be called <strong>{host.mailHost}</strong>.
          </p>
        ) : host ? (
          <p className="field-error" role="alert">
            {host.message}
          </p>
        ) : null}
        {host?.ok &&
          host.notes.map((n) => (
            <p className="hint" key={n}>
              {n}
            </p>
          ))}
        {host?.ok && takenBy?.length ? (
          <p className="field-warn" data-testid="mail-host-taken">
            {host.mailHost} already points to {takenBy.join(' and ')} today
            {host.mailHost === domain ? ' (usually your website)' : ''}. If that is not your mail
            server, choose another name: the Records step would change that address, never add a
            second one beside it.
          </p>
        ) : null}
        <p className="hint">Why a separate name? {WHY_SUBDOMAIN}</p>
      </div>
    </div>
  );
}
