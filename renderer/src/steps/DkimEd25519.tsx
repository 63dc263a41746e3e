import { useId } from 'react';
import type { Project } from '../../../shared/model/project';
import { ed25519SelectorFor } from '../../../shared/records/dkim-ed25519-selector';
import { CopyButton } from '../components/CopyButton';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { useMakeDkimKey } from '../hooks/use-make-dkim-key';

/**
 * The opt-in Ed25519 key beside a generated RSA key: made by main like the RSA key (private
 * half in a 0600 file in the project folder), published under its own selector, removable again.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function DkimEd25519({
  project,
  rsaSelector,
  domain,
}: {
  project: Project;
  rsaSelector: string;
  /** The domain in ASCII, or undefined while the Domain step has none. */
  domain: string | undefined;
}) {
  const [draft, update] = useDraft(project);
  const { making, setMaking, make: makeKey } = useMakeDkimKey(project.id);
  const titleId = useId();
  const key = draft.dkimGeneratedEd25519;
  const selector = key?.selector ?? ed25519SelectorFor(rsaSelector);

  const make = async (replace: boolean) => {
    const made = await makeKey(selector, 'ed25519', replace);
    if (made) update({ dkimGeneratedEd25519: made });
  };

  const remove = () => {
    if (!key) return;
    update({ dkimGeneratedEd25519: null });
    setMaking({ state: 'removed', keyFile: key.keyFile });
  };

  return (
    <section className="card-section ed25519" aria-labelledby={titleId} data-testid="dkim-ed25519">
      <h2 id={titleId} className="card-title">
        A second, Ed25519 key (optional)
      </h2>
      <p>
        Ed25519 (RFC 8463) is a newer kind of <Term id="dkim">DKIM</Term> key: as strong, and much
        shorter. Some receivers check it, but many big mailbox providers still check only RSA. So it
        is published beside your RSA key, never instead of it.
      </p>
      <p>
        It needs its own selector, "{selector}", and mail software that signs each message twice,
        once with each key. If yours cannot, keep the RSA key alone.
      </p>
      {key ? (
        <>
          <p className="field-ok" data-testid="dkim-ed25519-generated">
            An Ed25519 key for the selector "{key.selector}" was made on this computer.
          </p>
          <p>
            Its private key is in this file:{' '}
            <code data-testid="dkim-ed25519-key-file">{key.keyFile}</code>. Only you can read it.
            Copy it to your server as shown below, like the RSA key.
          </p>
          <div className="value-block">
            <p>
              The record to publish at{' '}
              <code>
                {key.selector}._domainkey.{domain ?? ''}
              </code>{' '}
              (also on the Records step), in addition to the RSA record:
            </p>
            <code className="value wide" data-testid="dkim-ed25519-record">
              {key.record}
            </code>
            <CopyButton value={key.record} label="Ed25519 DKIM record" />
          </div>
          <div className="row">
            <button type="button" className="secondary" onClick={remove}>
              Remove the Ed25519 key
            </button>
          </div>
        </>
      ) : (
        <div className="row">
          <button
            type="button"
            onClick={() => void make(false)}
            disabled={making.state === 'working' || domain === undefined}
          >
            Also make an Ed25519 key
          </button>
          <span role="status" aria-live="polite">
            {making.state === 'working' ? 'Making the Ed25519 key…' : ''}
          </span>
        </div>
      )}
      {making.state === 'removed' && !key ? (
        <p className="notice info compact" role="status" data-testid="dkim-ed25519-removed">
          The Ed25519 record is no longer in your plan. The key file stays at{' '}
          <code>{making.keyFile}</code>: delete it if you do not need it. If you already published
          the record, delete it at your DNS host once your server no longer signs with this key.
        </p>
      ) : null}
      {making.state === 'failed' ? (
        <div className="notice error compact" role="alert">
          {making.code === 'key-exists' ? (
            <>
              <p>
                An Ed25519 key for "{selector}" was made before, and its file is still in the
                project folder. Its public half left the plan when you removed it, so Mailwright
                makes a new pair: it replaces the old file, and you copy the new one to your server.
              </p>
              <button type="button" className="danger" onClick={() => void make(true)}>
                Replace the Ed25519 key
              </button>
            </>
          ) : (
            <p>{making.message}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
