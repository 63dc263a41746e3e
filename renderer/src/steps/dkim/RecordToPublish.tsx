import type { ReactNode } from 'react';
import { CopyButton } from '../../components/CopyButton';

/** A DKIM record to publish: the name it goes at, the whole value, and a copy button. */
export function RecordToPublish({
  name,
  after,
  value,
  label,
  testId,
}: {
  /** The full DNS name, e.g. `mail._domainkey.example.com`. */
  name: string;
  /** What follows the name in the sentence, with its colon (where else the record is shown). */
  after: ReactNode;
  value: string;
  /** What the copy button copies, in words ("DKIM record"). */
  label: string;
  testId?: string;
}) {
  return (
    <div className="value-block">
      <p>
        The record to publish at <code>{name}</code>
        {after}
      </p>
      <code className="value wide" data-testid={testId}>
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </div>
  );
}
