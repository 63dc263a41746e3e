import type { KeyCopyGuide } from '../../../../shared/records/dkim-key-copy';

/** The key's way to the server with an SFTP program: the connection settings and where to upload. */
export function KeyCopyBySftp({
  sftp,
  keyFileName,
}: {
  sftp: KeyCopyGuide['sftp'];
  keyFileName: string;
}) {
  // Each box of the program's connection form: its label, what to type, and what goes with it.
  const rows: [string, string, string][] = [
    ['Host', sftp.host, ''],
    ['Port', sftp.port, ''],
    ['User', sftp.user, ' and your server password or key'],
  ];
  return (
    <>
      <h3>With an SFTP program (FileZilla, WinSCP, Cyberduck)</h3>
      <dl className="value-list" data-testid="sftp-settings">
        {rows.map(([label, value, after]) => (
          <div className="value-row" key={label}>
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
              {after}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        Upload <code>{keyFileName}</code> to {sftp.upload} (the folder the program opens first),
        then log in with a terminal and run the command of step 3 above.
      </p>
    </>
  );
}
