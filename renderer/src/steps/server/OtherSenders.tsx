import { useId } from 'react';
import { SENDERS, SENDER_IDS } from '../../../../shared/providers/senders';
import { Term } from '../../components/Term';

/** The other services that send as the domain (each joins the SPF record), and "other"'s include. */
export function OtherSenders({
  senders,
  otherInclude,
  update,
}: {
  senders: string[];
  otherInclude: string;
  update: (patch: { senders?: string[]; otherSenderInclude?: string }) => void;
}) {
  const otherId = useId();
  const toggle = (id: string, on: boolean) =>
    update({ senders: on ? [...senders, id] : senders.filter((s) => s !== id) });
  return (
    <fieldset className="field choices">
      <legend>Other services that send mail as your domain</legend>
      <p className="hint">
        Tick every service that sends mail with your addresses (newsletters, office mail, invoices).
        Each is added to your <Term id="spf">SPF</Term> record, so receivers trust it.
      </p>
      <div className="checkbox-grid">
        {SENDER_IDS.map((id) => (
          <label key={id} className="choice compact">
            <input
              type="checkbox"
              checked={senders.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            <span>{SENDERS[id].name}</span>
          </label>
        ))}
      </div>
      {senders.includes('other') ? (
        <div className="field">
          <label htmlFor={otherId}>SPF include of the other service</label>
          <input
            id={otherId}
            value={otherInclude}
            onChange={(e) => update({ otherSenderInclude: e.target.value })}
            placeholder="spf.example-mailer.com"
            aria-describedby={`${otherId}-help`}
          />
          <p className="hint" id={`${otherId}-help`}>
            The service's help pages give it, often as "include:something".
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
