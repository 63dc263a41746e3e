import type { Making } from '../../hooks/use-make-dkim-key';

/**
 * What became of the last Ed25519 action when it needs words: the key was removed (its file stays,
 * its record may still be published), or making it failed (a key file left over from before is
 * offered for replacement).
 */
export function Ed25519Outcome({
  making,
  hasKey,
  selector,
  replace,
}: {
  making: Making;
  hasKey: boolean;
  selector: string;
  replace: () => void;
}) {
  if (making.state === 'removed' && !hasKey) {
    return (
      <p className="notice info compact" role="status" data-testid="dkim-ed25519-removed">
        The Ed25519 record is no longer in your plan. The key file stays at{' '}
        <code>{making.keyFile}</code>: delete it if you do not need it. If you already published the
        record, delete it at your DNS host once your server no longer signs with this key.
      </p>
    );
  }
  if (making.state !== 'failed') return null;
  return (
    <div className="notice error compact" role="alert">
      {making.code === 'key-exists' ? (
        <>
          <p>
            An Ed25519 key for "{selector}" was made before, and its file is still in the project
            folder. Its public half left the plan when you removed it, so Mailwright makes a new
            pair: it replaces the old file, and you copy the new one to your server.
          </p>
          <button type="button" className="danger" onClick={replace}>
            Replace the Ed25519 key
          </button>
        </>
      ) : (
        <p>{making.message}</p>
      )}
    </div>
  );
}
