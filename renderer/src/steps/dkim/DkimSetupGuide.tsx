import type { DkimSetup } from '../../../../shared/records/dkim-setup';
import { CopyButton } from '../../components/CopyButton';

/** How to install the generated key for the chosen mail software: the steps and the files to edit. */
export function DkimSetupGuide({ setup }: { setup: DkimSetup }) {
  return (
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
  );
}
