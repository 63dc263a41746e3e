import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { Project } from '../../../shared/model/project';
import { keyCopyGuide } from '../../../shared/records/dkim-key-copy';
import type { StepId } from '../../../shared/model/steps';
import { useDraft, usePlan } from '../hooks/use-draft';
import { KeyCopyBySftp } from './dkim/KeyCopyBySftp';
import { KeyCopyByTerminal } from './dkim/KeyCopyByTerminal';
import { KeyFileActions } from './dkim/KeyFileActions';

/** Where the "Check signing" link leads: the Test message step checks a real signed message. */
const SIGNING_CHECK_STEP: StepId = 'message-test';

/**
 * The generated private key's way to the server: the file itself (shown in the file manager or
 * saved by the desktop app; downloaded in browser mode, with a warning), the copy command for
 * this server and user, the same for an SFTP program, and where to check the signing after.
 */
export function DkimKeyToServer({
  project,
  keyFile,
  keyFileName,
  selector,
  domain,
}: {
  project: Project;
  keyFile: string;
  keyFileName: string;
  selector: string;
  domain: string;
}) {
  const [draft, update] = useDraft(project);
  const planned = usePlan(project);
  const userId = useId();
  const server = planned.ok ? (planned.plan.ipv4[0] ?? planned.plan.mailHost) : '';
  const guide = useMemo(
    () =>
      keyCopyGuide({
        localPath: keyFile,
        keyFileName,
        server: server || 'your-server',
        user: draft.sshUser,
        domain,
        selector,
        software: draft.mailSoftware,
      }),
    [keyFile, keyFileName, server, draft.sshUser, domain, selector, draft.mailSoftware],
  );

  return (
    <div className="card-section key-to-server" data-testid="key-to-server">
      <h2 className="card-title">Copy the key to your server</h2>
      <KeyFileActions projectId={project.id} selector={selector} domain={domain} />

      <div className="field">
        <label htmlFor={userId}>Your user name on the server</label>
        <input
          id={userId}
          value={draft.sshUser}
          onChange={(e) => update({ sshUser: e.target.value })}
          placeholder="root"
          autoComplete="off"
          spellCheck={false}
        />
        <p className="hint">
          The name you log in with (SSH). Your VPS host's e-mail or panel shows it; often "root".
        </p>
      </div>

      <KeyCopyByTerminal guide={guide} mailSoftware={draft.mailSoftware} />
      <KeyCopyBySftp sftp={guide.sftp} keyFileName={keyFileName} />

      <h3>Check signing</h3>
      <p data-testid="check-signing">
        When the mail software setup below is done and the DKIM record is published, send a test
        message from your server to a mailbox of yours, then{' '}
        <Link to={`/p/${project.id}/${SIGNING_CHECK_STEP}`}>check signing</Link>.
      </p>
    </div>
  );
}
