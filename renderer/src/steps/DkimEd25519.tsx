import { useId } from 'react';
import type { Project } from '../../../shared/model/project';
import { ed25519SelectorFor } from '../../../shared/records/dkim-ed25519-selector';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { useMakeDkimKey } from '../hooks/use-make-dkim-key';
import { Ed25519KeyMade } from './dkim/Ed25519KeyMade';
import { Ed25519Outcome } from './dkim/Ed25519Outcome';

/**
 * The opt-in Ed25519 key beside a generated RSA key: made by main like the RSA key (private
 * half in a 0600 file in the project folder), published under its own selector, removable again.
 */
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
        <Ed25519KeyMade generated={key} domain={domain} remove={remove} />
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
      <Ed25519Outcome
        making={making}
        hasKey={Boolean(key)}
        selector={selector}
        replace={() => void make(true)}
      />
    </section>
  );
}
