import type { KeyCopyGuide } from '../../../../shared/records/dkim-key-copy';
import { CopyButton } from '../../components/CopyButton';

/** One command to run, whole, with its copy button. */
function Command({ value, label, testId }: { value: string; label: string; testId: string }) {
  return (
    <div className="command-row">
      <code className="value wide" data-testid={testId}>
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </div>
  );
}

/** The key's way to the server with a terminal: copy it, log in, put it where the software reads it. */
export function KeyCopyByTerminal({
  guide,
  mailSoftware,
}: {
  guide: KeyCopyGuide;
  mailSoftware: string;
}) {
  return (
    <>
      <h3>With a terminal</h3>
      <ol>
        <li>
          On this computer, open a terminal (on Windows: PowerShell) and copy the file to your home
          folder on the server:
          <Command value={guide.scp} label="copy command" testId="scp-command" />
        </li>
        <li>
          Log in to the server: <code>ssh {guide.login}</code>
        </li>
        {guide.install ? (
          <li>
            Put the key where {mailSoftware === 'postfix-rspamd' ? 'Rspamd' : 'OpenDKIM'} reads it (
            {guide.serverPath}), readable by it alone:
            <Command value={guide.install} label="install command" testId="install-command" />
          </li>
        ) : (
          <li>Move it to the folder your mail software reads keys from, readable by it alone.</li>
        )}
      </ol>
    </>
  );
}
