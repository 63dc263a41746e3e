import { CopyButton } from './CopyButton';

/** One box of a DNS form: its label, the exact text to type, and (for text values) a copy button. */
export function ValueRow({
  label,
  value,
  copy = true,
  shown,
}: {
  label: string;
  value: string;
  copy?: boolean;
  /** What to show instead of an empty value (e.g. "leave empty"). */
  shown?: string;
}) {
  return (
    <div className="value-row" data-field={label}>
      <dt>{label}</dt>
      <dd>
        {value === '' && shown ? (
          <em className="muted-inline">{shown}</em>
        ) : (
          <code className="value">{value}</code>
        )}
        {copy && value !== '' ? <CopyButton value={value} label={label.toLowerCase()} /> : null}
      </dd>
    </div>
  );
}
