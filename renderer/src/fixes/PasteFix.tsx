import './paste-fix.css';
import { renderForDnsHost } from '../../../shared/providers/dns-host-render';
import type { PasteFix as PasteFixData } from '../../../shared/summary/finding-paste';
import { CopyButton } from '../components/CopyButton';
import { ValueRow } from '../components/ValueRow';
import type { OpenRecords } from '../hooks/use-open-records';

/**
 * A fix written out whole: the record to add (or the new value of the one to edit) in the
 * DNS host's own boxes, ready to copy, and the records beside it to delete.
 */
export function PasteFix({ fix, open }: { fix: PasteFixData; open: OpenRecords }) {
  const form = renderForDnsHost(fix.record, open.hostId, open.zone);
  if (form.where !== 'dns-host') return null;
  const edit = fix.record.action === 'edit';
  return (
    <div className="paste-fix finding-fix" data-testid="paste-fix">
      <p>
        <strong>What to do:</strong>{' '}
        {edit
          ? 'At your DNS host, edit the record so its value is exactly this:'
          : 'At your DNS host, add this record:'}
      </p>
      <dl className="values">
        <ValueRow label={form.nameLabel} value={form.nameField} shown="leave empty" />
        <ValueRow label="Type" value={form.typeField} copy={false} />
        {form.priorityField !== undefined ? (
          <ValueRow label="Priority" value={form.priorityField} />
        ) : null}
        <ValueRow label="Value" value={form.valueField} />
      </dl>
      {edit && fix.record.oldValue !== undefined ? (
        <p className="hint">
          It says today: <code>{fix.record.oldValue}</code>
        </p>
      ) : null}
      {fix.deletes.length > 0 ? (
        <div className="paste-deletes">
          <p>Then delete the {fix.deletes.length === 1 ? 'record' : 'records'} it replaces:</p>
          <ul>
            {fix.deletes.map((d) => (
              <li key={d.value}>
                <code>{d.value}</code>
                <CopyButton value={d.value} label="value to delete" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="hint">Then check again.</p>
    </div>
  );
}
