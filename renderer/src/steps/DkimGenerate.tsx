import { useMemo } from 'react';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import type { Project } from '../../../shared/model/project';
import { dkimSetupFor } from '../../../shared/records/dkim-setup';
import { CopyButton } from '../components/CopyButton';
import { useDraft } from '../hooks/use-draft';
import { useMakeDkimKey } from '../hooks/use-make-dkim-key';
import { DkimEd25519 } from './DkimEd25519';
import { DkimKeyToServer } from './DkimKeyToServer';

/** The file name part of a path, whatever the separator of the computer it came from. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The "make a key here" side of the DKIM step: main makes the pair and keeps the private key in
 * the project folder; this shows where it is, the record, and how to install it for the chosen
 * mail software.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function DkimGenerate({ project, selector }: { project: Project; selector: string }) {
  const [draft, update] = useDraft(project);
  const { making, make: makeKey } = useMakeDkimKey(project.id);
  const key = draft.dkimGenerated;
  const ed = draft.dkimGeneratedEd25519;
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);
  const setup = useMemo(
    () =>
      key && domain.ok
        ? dkimSetupFor(draft.mailSoftware || undefined, {
            domain: domain.domain,
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

  const make = async (replace: boolean) => {
    const made = await makeKey(selector, 'rsa', replace);
    if (made) update({ dkimGenerated: made });
  };

  const newKeyForSelector = !key || key.selector !== selector;

  return (
    <div className="card" data-testid="dkim-generate">
      {key ? (
        <>
          <p className="field-ok" data-testid="dkim-generated">
            A 2048-bit RSA key for the selector "{key.selector}" was made on this computer.
          </p>
          <p>
            The private key is in this file: <code data-testid="dkim-key-file">{key.keyFile}</code>.
            Only you can read it. Copy it to your server as shown below; never send it by mail or
            share it. Mailwright never shows it, not even in the summary.
          </p>
          <div className="value-block">
            <p>
              The record to publish at{' '}
              <code>
                {key.selector}._domainkey.{domain.ok ? domain.domain : ''}
              </code>{' '}
              (also on the Records step):
            </p>
            <code className="value wide">{key.record}</code>
            <CopyButton value={key.record} label="DKIM record" />
          </div>
          <DkimEd25519
            project={project}
            rsaSelector={key.selector}
            domain={domain.ok ? domain.domain : undefined}
          />
          {domain.ok ? (
            <DkimKeyToServer
              project={project}
              keyFile={key.keyFile}
              keyFileName={baseName(key.keyFile)}
              selector={key.selector}
              domain={domain.domain}
            />
          ) : null}
          {setup ? (
            <div className="setup card-section">
              <h2 className="card-title">{setup.title}</h2>
              <ol>
                {setup.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              {setup.files.map((f) => (
                <div className="setup-file" key={f.path}>
                  <div className="row">
                    <code>{f.path}</code>
                    <CopyButton value={f.content} label={`lines for ${f.path}`} />
                  </div>
                  <pre>{f.content}</pre>
                </div>
              ))}
            </div>
          ) : null}
        </>
      ) : (
        <p>
          Mailwright makes a 2048-bit RSA key pair for the selector "{selector}". The private key is
          saved as a file in this project's folder, readable only by you; you then copy it to your
          server.
        </p>
      )}
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
            onClick={() => void make(false)}
            disabled={making.state === 'working' || !domain.ok}
          >
            {key ? `Make a key for "${selector}"` : 'Make the key'}
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
            <button type="button" className="danger" onClick={() => void make(true)}>
              Replace the key
            </button>
          ) : null}
        </div>
      ) : null}
      {!domain.ok ? <p className="hint">Enter your domain on the Domain step first.</p> : null}
    </div>
  );
}
