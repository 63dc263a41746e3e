import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Project } from '../../../shared/model/project';
import { keyCopyGuide } from '../../../shared/records/dkim-key-copy';
import { CopyButton } from '../components/CopyButton';
import { useDraft, usePlan } from '../hooks/use-draft';
import { api } from '../state/api-ref';
import type { StepId } from '../../../shared/model/steps';
import { useAppStore } from '../state/app-store';
import { downloadText } from '../app/download';

/** Where the "Check signing" link leads: the Test message step checks a real signed message. */
const SIGNING_CHECK_STEP: StepId = 'message-test';

/**
 * The generated private key's way to the server: the file itself (shown in the file manager or
 * saved by the desktop app; downloaded in browser mode, with a warning), the copy command for
 * this server and user, the same for an SFTP program, and where to check the signing after.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
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
  const [status, setStatus] = useState('');
  const desktop = api().transport === 'electron';
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

  const act = async (action: 'reveal' | 'save' | 'download') => {
    setStatus('');
    // Main finds the key from the saved project: a key made a moment ago may still wait in the
    // save queue.
    await useAppStore.getState().flushSave();
    const r = await api().call('dkim.keyFile', { projectId: project.id, selector, action });
    if (!r.ok) return setStatus(r.error.message);
    if (action === 'download' && r.value.pem !== undefined) {
      downloadText(r.value.fileName, r.value.pem, 'application/x-pem-file');
      setStatus(
        `Downloaded as ${r.value.fileName}. Copy it to your server, then delete the download.`,
      );
    } else if (action === 'save') {
      setStatus(r.value.path ? `Saved a copy as ${r.value.path}.` : '');
    }
  };

  return (
    <div className="card-section key-to-server" data-testid="key-to-server">
      <h2 className="card-title">Copy the key to your server</h2>
      <div className="row wrap">
        {desktop ? (
          <>
            <button type="button" onClick={() => void act('reveal')}>
              Show the key file in its folder
            </button>
            <button type="button" onClick={() => void act('save')}>
              Save a copy…
            </button>
          </>
        ) : (
          <div>
            <p className="notice warn compact" data-testid="key-download-warning">
              The downloaded file is your private key: anyone who has it can sign mail as {domain}.
              Copy it to your server only, never by mail or chat, and delete the download once it is
              on the server.
            </p>
            <button type="button" onClick={() => void act('download')}>
              Download the private key
            </button>
          </div>
        )}
        <span role="status" aria-live="polite" data-testid="key-file-status">
          {status}
        </span>
      </div>

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

      <h3>With a terminal</h3>
      <ol>
        <li>
          On this computer, open a terminal (on Windows: PowerShell) and copy the file to your home
          folder on the server:
          <div className="command-row">
            <code className="value wide" data-testid="scp-command">
              {guide.scp}
            </code>
            <CopyButton value={guide.scp} label="copy command" />
          </div>
        </li>
        <li>
          Log in to the server: <code>ssh {guide.login}</code>
        </li>
        {guide.install ? (
          <li>
            Put the key where {draft.mailSoftware === 'postfix-rspamd' ? 'Rspamd' : 'OpenDKIM'}{' '}
            reads it ({guide.serverPath}), readable by it alone:
            <div className="command-row">
              <code className="value wide" data-testid="install-command">
                {guide.install}
              </code>
              <CopyButton value={guide.install} label="install command" />
            </div>
          </li>
        ) : (
          <li>Move it to the folder your mail software reads keys from, readable by it alone.</li>
        )}
      </ol>

      <h3>With an SFTP program (FileZilla, WinSCP, Cyberduck)</h3>
      <dl className="value-list" data-testid="sftp-settings">
        <div className="value-row">
          <dt>Host</dt>
          <dd>
            <code>{guide.sftp.host}</code>
          </dd>
        </div>
        <div className="value-row">
          <dt>Port</dt>
          <dd>
            <code>{guide.sftp.port}</code>
          </dd>
        </div>
        <div className="value-row">
          <dt>User</dt>
          <dd>
            <code>{guide.sftp.user}</code> and your server password or key
          </dd>
        </div>
      </dl>
      <p>
        Upload <code>{keyFileName}</code> to {guide.sftp.upload} (the folder the program opens
        first), then log in with a terminal and run the command of step 3 above.
      </p>

      <h3>Check signing</h3>
      <p data-testid="check-signing">
        When the mail software setup below is done and the DKIM record is published, send a test
        message from your server to a mailbox of yours, then{' '}
        <Link to={`/p/${project.id}/${SIGNING_CHECK_STEP}`}>check signing</Link>.
      </p>
    </div>
  );
}
