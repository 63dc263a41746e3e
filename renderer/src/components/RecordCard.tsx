import './record-card.css';
import { Link } from 'react-router';
import type { DnsHostRendering } from '../../../shared/providers/dns-host-render';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import { actionWords, recordTitle } from '../app/record-words';
import { CopyButton } from './CopyButton';
import { ValueRow } from './ValueRow';
import { StatusBadge } from './StatusBadge';
import { sentence } from '../app/sentence';
import type { RecordCheck } from '../../../shared/summary/record-status';

/** One record to publish: what to type in each box of the DNS host's form, and why. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function RecordCard({
  index,
  record,
  form,
  projectId,
  check,
}: {
  index: number;
  record: PlannedRecord;
  form: DnsHostRendering;
  projectId: string;
  /** The record's status from a check run on this step ("Check these now"); absent before. */
  check?: RecordCheck;
}) {
  const titleId = `record-${record.key.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <article className="card record-card" aria-labelledby={titleId} data-testid="record-card">
      <header className="record-head">
        <span className="record-index" aria-hidden="true">
          {index}
        </span>
        <h3 id={titleId}>{recordTitle(record)}</h3>
        <span className={`badge action-${record.action ?? 'add'}`}>{actionWords(record)}</span>
        {check ? (
          <StatusBadge status={check.status} {...(check.words ? { words: check.words } : {})} />
        ) : null}
      </header>
      {check ? <RecordCheckNotes check={check} /> : null}
      <p className="why">{record.why}</p>
      {record.more ? (
        <details className="more">
          <summary>More about why</summary>
          <p>{record.more}</p>
        </details>
      ) : null}
      {record.incomplete ? (
        <p className="notice warn compact" role="note">
          {record.incomplete} <Link to={`/p/${projectId}/dkim`}>Go to the DKIM step</Link>
        </p>
      ) : null}
      {record.warnings?.map((w) => (
        <p className="notice warn compact" role="note" key={w}>
          {w}
        </p>
      ))}
      {record.mergeNote ? <p className="notice info compact">{record.mergeNote}</p> : null}
      {record.action === 'edit' && record.oldValue !== undefined ? (
        <div className="replaces" data-testid="old-value">
          <p>Published today, to be edited into the value below:</p>
          <code>{record.oldValue}</code>
        </div>
      ) : null}

      {record.action === 'delete' && form.where === 'dns-host' ? (
        <dl className="values">
          <ValueRow label="Name" value={form.nameField} shown="leave empty" copy={false} />
          <ValueRow label="Type" value={form.typeField} copy={false} />
          <ValueRow label="Value today" value={record.value} copy={false} />
        </dl>
      ) : form.where === 'dns-host' ? (
        <>
          <dl className="values">
            <ValueRow label="Name" value={form.nameField} shown="leave empty" />
            {form.nameFieldAlternative !== undefined ? (
              <ValueRow
                label="Or, if the form adds your domain"
                value={form.nameFieldAlternative}
              />
            ) : null}
            <ValueRow label="Type" value={form.typeField} copy={false} />
            {form.priorityField !== undefined ? (
              <ValueRow label="Priority" value={form.priorityField} />
            ) : null}
            <ValueRow label="Value" value={form.valueField} copy={!record.incomplete} />
            <ValueRow label="TTL (seconds)" value={form.ttlField} copy={false} />
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
      ) : (
        <>
          <dl className="values">
            <ValueRow label="Address" value={record.key.slice(4)} />
            <ValueRow label="Should point to" value={record.value} />
          </dl>
          <p className="hint">
            {form.notes[0]} <Link to={`/p/${projectId}/reverse-dns`}>Go to Reverse DNS</Link>
          </p>
        </>
      )}

      {record.nextStep ? (
        <details className="next-step">
          <summary>Later: the stricter setting</summary>
          <p>{record.nextStep.when}</p>
          <dl className="values">
            <ValueRow label="Value then" value={record.nextStep.value} />
          </dl>
        </details>
      ) : null}
    </article>
  );
}

// What the check said about this record, when it is not simply fine: the title and the fix.
function RecordCheckNotes({ check }: { check: RecordCheck }) {
  const notable = check.findings.filter((f) => f.status !== 'pass' && f.status !== 'info');
  if (notable.length === 0) return null;
  return (
    <ul className="record-check-notes" data-testid="record-check-notes">
      {notable.map((f) => (
        <li key={`${f.check}:${f.subject}`}>
          {sentence(f.title)}
          {f.fix ? ` ${f.fix}` : ''}
        </li>
      ))}
    </ul>
  );
}
