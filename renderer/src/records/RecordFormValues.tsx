import { shownName } from '../../../shared/model/shown-name';
import { formInOwnWords, type DnsHostForm } from '../../../shared/providers/dns-host-render';
import { getDnsHost } from '../../../shared/providers/dns-hosts';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { CopyButton } from '../components/CopyButton';
import { ValueRow } from '../components/ValueRow';

/** What to type in each box of the DNS host's form for one record to add, edit or keep. */
export function RecordFormValues({ record, form }: { record: PlannedRecord; form: DnsHostForm }) {
  const ownWords = formInOwnWords(form, getDnsHost(form.hostId).name);
  return (
    <>
      {ownWords ? (
        <p className="form-own-words" data-testid="form-own-words">
          {ownWords}
        </p>
      ) : null}
      {shownName(form.nameField) !== form.nameField ? (
        <p className="hint" data-testid="punycode-note">
          {form.nameField} is how DNS writes {shownName(form.nameField)}: type it as shown, since
          most DNS host forms want this form.
        </p>
      ) : null}
      <dl className="values">
        <ValueRow label={form.nameLabel} value={form.nameField} shown="leave empty" />
        {form.nameFieldAlternative !== undefined ? (
          <ValueRow label="Or, if the form adds your domain" value={form.nameFieldAlternative} />
        ) : null}
        <ValueRow label="Type" value={form.typeField} copy={false} />
        {form.priorityField !== undefined ? (
          <ValueRow label="Priority" value={form.priorityField} />
        ) : null}
        <ValueRow label="Value" value={form.valueField} copy={!record.incomplete} />
        {form.ttlChoice !== undefined ? (
          <ValueRow label="TTL" value={form.ttlChoice} shown="" copy={false} />
        ) : (
          <ValueRow label="TTL (seconds)" value={form.ttlField} copy={false} />
        )}
        {form.proxyField !== undefined ? (
          <ValueRow label="Proxy status" value={form.proxyField} copy={false} />
        ) : null}
      </dl>
      {form.valueStrings && form.valueStrings.length > 1 ? (
        <div className="pieces">
          <p>If the form wants pieces of at most 255 characters, use these, in order:</p>
          <ol>
            {form.valueStrings.map((s, i) => (
              <li key={i}>
                <code className="value">{s}</code>
                <CopyButton value={s} label={`piece ${i + 1}`} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {form.zoneLine ? <ValueRow label="Zone editor line" value={form.zoneLine} /> : null}
      <ul className="form-notes">
        {form.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}
