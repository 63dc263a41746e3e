/**
 * How a generated DKIM private key gets from this computer to the mail server, written out for
 * this user's server, user name and mail software: the scp command to run here, the settings
 * for an SFTP program (FileZilla, WinSCP, Cyberduck), and the one command to run on the server
 * that puts the file where the signing program reads it, owned by it and readable by it alone.
 */

/** Where the signing program reads a key, and which system user it runs as. */
interface KeyHome {
  path: string;
  owner: string;
}

/** What the walkthrough needs to know. */
export interface KeyCopyInput {
  /** The key file on this computer (full path, as main reported it). */
  localPath: string;
  keyFileName: string;
  /** How the user reaches the server: its IPv4 address, else the mail host name. */
  server: string;
  /** The login name on the server; '' when not typed yet (the commands then say "root"). */
  user: string;
  domain: string;
  selector: string;
  /** Mail software id (shared/providers/mail-software); '' when not chosen. */
  software: string;
}

/** The walkthrough, ready to show: each command whole, ready to paste. */
export interface KeyCopyGuide {
  login: string;
  /** Run on this computer (a terminal; Windows 10+ has scp too). */
  scp: string;
  /** For an SFTP program. */
  sftp: { host: string; port: string; user: string; upload: string };
  /** Run on the server after the upload; absent when the software's key folder is not known. */
  install?: string;
  /** Where the key ends up on the server. */
  serverPath?: string;
}

function keyHome(software: string, domain: string, selector: string): KeyHome | undefined {
  switch (software) {
    case 'postfix-opendkim':
      return { path: `/etc/opendkim/keys/${domain}/${selector}.private`, owner: 'opendkim' };
    case 'postfix-rspamd':
      return { path: `/var/lib/rspamd/dkim/${domain}.${selector}.key`, owner: '_rspamd' };
    default:
      return undefined;
  }
}

/** Quote a path for a POSIX shell (and PowerShell, which reads single quotes the same way). */
function quoted(path: string): string {
  return /^[\w./:@~-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The copy-to-server walkthrough for one key. */
export function keyCopyGuide(input: KeyCopyInput): KeyCopyGuide {
  const user = input.user.trim() || 'root';
  const login = `${user}@${input.server.includes(':') ? `[${input.server}]` : input.server}`;
  const home = keyHome(input.software, input.domain, input.selector);
  const sudo = user === 'root' ? '' : 'sudo ';
  const guide: KeyCopyGuide = {
    login,
    scp: `scp ${quoted(input.localPath)} ${login}:`,
    sftp: { host: `sftp://${input.server}`, port: '22', user, upload: 'your home folder' },
  };
  if (home) {
    // install -D makes the folder, sets owner and mode in one step: the key is never readable
    // by others on the server, not even for a moment.
    guide.install = `${sudo}install -D -m 600 -o ${home.owner} -g ${home.owner} ~/${input.keyFileName} ${home.path} && rm ~/${input.keyFileName}`;
    guide.serverPath = home.path;
  }
  return guide;
}
