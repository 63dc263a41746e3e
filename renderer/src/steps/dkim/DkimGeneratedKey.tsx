import { useMemo } from 'react';
import type { GeneratedKey, Project } from '../../../../shared/model/project';
import { dkimSetupFor } from '../../../../shared/records/dkim-setup';
import { useDraft } from '../../hooks/use-draft';
import { DkimEd25519 } from '../DkimEd25519';
import { DkimKeyToServer } from '../DkimKeyToServer';
import { DkimSetupGuide } from './DkimSetupGuide';
import { baseName } from './key-file-name';
import { RecordToPublish } from './RecordToPublish';

/**
 * A key made on this computer: where its private half is, its record, the optional Ed25519 key,
 * how to copy it to the server, and how to install it for the chosen mail software.
 */
export function DkimGeneratedKey({
  project,
  generated: key,
  domain,
}: {
  project: Project;
  generated: GeneratedKey;
  /** The domain in ASCII, or undefined while the Domain step has none. */
  domain: string | undefined;
}) {
  const [draft] = useDraft(project);
  const ed = draft.dkimGeneratedEd25519;
  const setup = useMemo(
    () =>
      domain
        ? dkimSetupFor(draft.mailSoftware || undefined, {
            domain,
            selector: key.selector,
            keyFileName: baseName(key.keyFile),
            keyType: key.keyType,
            // The plan publishes the Ed25519 key only beside another selector (draft-to-plan).
            ...(ed && ed.selector !== key.selector
              ? { ed25519: { selector: ed.selector, keyFileName: baseName(ed.keyFile) } }
              : {}),
          })
        : null,
    [key, ed, domain, draft.mailSoftware],
  );

  return (
    <>
      <p className="field-ok" data-testid="dkim-generated">
        A 2048-bit RSA key for the selector "{key.selector}" was made on this computer.
      </p>
      <p>
        The private key is in this file: <code data-testid="dkim-key-file">{key.keyFile}</code>.
        Only you can read it. Copy it to your server as shown below; never send it by mail or share
        it. Mailwright never shows it, not even in the summary.
      </p>
      <RecordToPublish
        name={`${key.selector}._domainkey.${domain ?? ''}`}
        after=" (also on the Records step):"
        value={key.record}
        label="DKIM record"
      />
      <DkimEd25519 project={project} rsaSelector={key.selector} domain={domain} />
      {domain ? (
        <DkimKeyToServer
          project={project}
          keyFile={key.keyFile}
          keyFileName={baseName(key.keyFile)}
          selector={key.selector}
          domain={domain}
        />
      ) : null}
      {setup ? <DkimSetupGuide setup={setup} /> : null}
    </>
  );
}
