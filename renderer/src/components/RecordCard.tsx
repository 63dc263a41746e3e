import './record-card.css';
import { Link } from 'react-router';
import type { DnsHostRendering } from '../../../shared/providers/dns-host-render';
import type { PlannedRecord } from '../../../shared/records/planned-record';
import type { RecordCheck } from '../../../shared/summary/record-status';
import { actionWords, recordTitle } from '../app/record-words';
import { RecordCheckNotes } from '../records/RecordCheckNotes';
import { RecordFormValues } from '../records/RecordFormValues';
import { RecordNotes } from '../records/RecordNotes';
import { StatusBadge } from './StatusBadge';
import { ValueRow } from './ValueRow';

/** One record to publish: what to type in each box of the DNS host's form, and why. */
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
      {check ? <RecordCheckNotes check={check} record={record} /> : null}
      <RecordNotes record={record} projectId={projectId} />

      {form.where === 'vps-host' ? (
        <>
          <dl className="values">
            <ValueRow label="Address" value={record.key.slice(4)} />
            <ValueRow label="Should point to" value={record.value} />
          </dl>
          <p className="hint">
            {form.notes[0]} <Link to={`/p/${projectId}/reverse-dns`}>Go to Reverse DNS</Link>
          </p>
        </>
      ) : record.action === 'delete' ? (
        <dl className="values">
          <ValueRow
            label={form.nameLabel}
            value={form.nameField}
            shown="leave empty"
            copy={false}
          />
          <ValueRow label="Type" value={form.typeField} copy={false} />
          <ValueRow label="Value today" value={record.value} copy={false} />
        </dl>
      ) : (
        <RecordFormValues record={record} form={form} />
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
