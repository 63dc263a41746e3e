import type { Project } from '../../../shared/model/project';
import { CopyButton } from '../components/CopyButton';
import { useDraft } from '../hooks/use-draft';

/**
 * The "make a key here" side of the DKIM step. Making the key needs main (node:crypto and a
 * file written 0600 in the project folder); until the contract has `dkim.generate`, this says
 * so plainly instead of pretending.
 */
export function DkimGenerate({ project, selector }: { project: Project; selector: string }) {
  const [draft] = useDraft(project);
  const key = draft.dkimGenerated;
  if (key) {
    return (
      <div className="card" data-testid="dkim-generated">
        <p className="field-ok">
          A key for the selector "{key.selector}" was made on this computer.
        </p>
        <p>
          The private key is saved in <code>{key.keyFile}</code>. Copy it to your server; never
          share it or send it by mail.
        </p>
        <div className="value-block">
          <code className="value wide">{key.record}</code>
          <CopyButton value={key.record} label="DKIM record" />
        </div>
      </div>
    );
  }
  return (
    <p className="notice info" role="note">
      Making a key on this computer (selector "{selector}") is not available in this version yet.
      For now, make the key with your mail software (for example{' '}
      <code>opendkim-genkey -s {selector} -d your-domain</code> or{' '}
      <code>rspamadm dkim_keygen -s {selector}</code>) and paste the record it prints.
    </p>
  );
}
