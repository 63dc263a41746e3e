import { useMemo } from 'react';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import type { Project } from '../../../shared/model/project';
import { useDraft } from '../hooks/use-draft';
import { useMakeDkimKey } from '../hooks/use-make-dkim-key';
import { DkimGeneratedKey } from './dkim/DkimGeneratedKey';
import { DkimMakeKey } from './dkim/DkimMakeKey';

/**
 * The "make a key here" side of the DKIM step: main makes the pair and keeps the private key in
 * the project folder; this shows where it is, the record, and how to install it for the chosen
 * mail software.
 */
export function DkimGenerate({ project, selector }: { project: Project; selector: string }) {
  const [draft, update] = useDraft(project);
  const { making, make: makeKey } = useMakeDkimKey(project.id);
  const key = draft.dkimGenerated;
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);

  const make = async (replace: boolean) => {
    const made = await makeKey(selector, 'rsa', replace);
    if (made) update({ dkimGenerated: made });
  };

  return (
    <div className="card" data-testid="dkim-generate">
      {key ? (
        <DkimGeneratedKey
          project={project}
          generated={key}
          domain={domain.ok ? domain.domain : undefined}
        />
      ) : (
        <p>
          Mailwright makes a 2048-bit RSA key pair for the selector "{selector}". The private key is
          saved as a file in this project's folder, readable only by you; you then copy it to your
          server.
        </p>
      )}
      <DkimMakeKey
        making={making}
        selector={selector}
        hasKey={Boolean(key)}
        newKeyForSelector={!key || key.selector !== selector}
        canMake={domain.ok}
        make={(replace) => void make(replace)}
      />
      {!domain.ok ? <p className="hint">Enter your domain on the Domain step first.</p> : null}
    </div>
  );
}
