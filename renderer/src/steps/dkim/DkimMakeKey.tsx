import type { Making } from '../../hooks/use-make-dkim-key';

/**
 * The "make the key" button with its progress, the warnings main gave with a made key, and a
 * failure (with "Replace the key" when a key file for this selector exists already).
 */
export function DkimMakeKey({
  making,
  selector,
  hasKey,
  newKeyForSelector,
  canMake,
  make,
}: {
  making: Making;
  selector: string;
  hasKey: boolean;
  /** No key yet, or the key made is for another selector than the one chosen now. */
  newKeyForSelector: boolean;
  /** False while the Domain step has no valid domain. */
  canMake: boolean;
  make: (replace: boolean) => void;
}) {
  return (
    <>
      {making.state === 'made' &&
        making.warnings.map((w) => (
          <p className="field-warn" key={w}>
            {w}
          </p>
        ))}
      <div className="row">
        {newKeyForSelector ? (
          <button
            type="button"
            onClick={() => make(false)}
            disabled={making.state === 'working' || !canMake}
          >
            {hasKey ? `Make a key for "${selector}"` : 'Make the key'}
          </button>
        ) : null}
        <span role="status" aria-live="polite">
          {making.state === 'working' ? 'Making the key…' : ''}
        </span>
      </div>
      {making.state === 'failed' ? (
        <div className="notice error compact" role="alert">
          <p>{making.message}</p>
          {making.code === 'key-exists' ? (
            <button type="button" className="danger" onClick={() => make(true)}>
              Replace the key
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
