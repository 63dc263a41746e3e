import type { KeyCopyGuide } from '../../../../shared/records/dkim-key-copy';

/** The key's way to the server with an SFTP program: the connection settings and where to upload. */
export function KeyCopyBySftp({
  sftp,
  keyFileName,
}: {
  sftp: KeyCopyGuide['sftp'];
  keyFileName: string;
}) {
  return (
    <>
      <h3>With an SFTP program (FileZilla, WinSCP, Cyberduck)</h3>
      <dl className="value-list" data-testid="sftp-settings">
        <div className="value-row">
          <dt>Host</dt>
          <dd>
            <code>{sftp.host}</code>
          </dd>
        </div>
        <div className="value-row">
          <dt>Port</dt>
          <dd>
            <code>{sftp.port}</code>
          </dd>
        </div>
        <div className="value-row">
          <dt>User</dt>
          <dd>
            <code>{sftp.user}</code> and your server password or key
          </dd>
        </div>
      </dl>
      <p>
        Upload <code>{keyFileName}</code> to {sftp.upload} (the folder the program opens first),
        then log in with a terminal and run the command of step 3 above.
      </p>
    </>
  );
}
