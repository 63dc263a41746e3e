import { findMailSoftware } from '../providers/mail-software';

/**
 * Where the DKIM key goes on the server: the configuration to add for Rspamd or OpenDKIM when
 * Mailwright generated the key, and for mailcow and Mail-in-a-Box where their own key is shown
 * (they sign with their own key, so the user publishes theirs instead of generating one).
 */

/** One file to create or edit on the server. */
export interface SetupFile {
  /** Where it goes on the server. */
  path: string;
  content: string;
}

/** Instructions for one mail program. */
export interface DkimSetup {
  title: string;
  /** Plain steps, in order. */
  steps: string[];
  files: SetupFile[];
}

/** What the snippets need to know. */
export interface DkimSetupInput {
  domain: string;
  selector: string;
  /** The generated key file's name on this computer (shown so the user copies the right file). */
  keyFileName?: string;
  keyType?: 'rsa' | 'ed25519';
}

/** Rspamd's dkim_signing.conf for one domain and selector. */
export function rspamdSetup(input: DkimSetupInput): DkimSetup {
  const serverPath = `/var/lib/rspamd/dkim/${input.domain}.${input.selector}.key`;
  return {
    title: 'Rspamd signs your mail',
    steps: [
      `Copy the key file${input.keyFileName ? ` ${input.keyFileName}` : ''} to your server as ${serverPath}.`,
      `Make it readable only by Rspamd: chown _rspamd: ${serverPath} && chmod 600 ${serverPath}`,
      'Create or edit /etc/rspamd/local.d/dkim_signing.conf as shown, then restart Rspamd: systemctl restart rspamd',
      'Send a test message and check its DKIM-Signature header names your domain (d=) and selector (s=).',
    ],
    files: [
      {
        path: '/etc/rspamd/local.d/dkim_signing.conf',
        content: [
          `# DKIM signing for ${input.domain} (written by Mailwright)`,
          'allow_username_mismatch = true;',
          'domain {',
          `  ${input.domain} {`,
          `    selector = "${input.selector}";`,
          `    path = "${serverPath}";`,
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ],
  };
}

/** OpenDKIM's KeyTable and SigningTable lines for one domain and selector. */
export function openDkimSetup(input: DkimSetupInput): DkimSetup {
  const serverPath = `/etc/opendkim/keys/${input.domain}/${input.selector}.private`;
  const keyName = `${input.selector}._domainkey.${input.domain}`;
  return {
    title: 'OpenDKIM signs your mail',
    steps: [
      `Copy the key file${input.keyFileName ? ` ${input.keyFileName}` : ''} to your server as ${serverPath}.`,
      `Make it readable only by OpenDKIM: chown opendkim: ${serverPath} && chmod 600 ${serverPath}`,
      'Add the lines below to /etc/opendkim/KeyTable and /etc/opendkim/SigningTable, and make sure /etc/opendkim.conf has the KeyTable and SigningTable settings shown.',
      'Restart OpenDKIM (systemctl restart opendkim), then check the published record with: opendkim-testkey -d ' +
        `${input.domain} -s ${input.selector} -vvv`,
    ],
    files: [
      {
        path: '/etc/opendkim/KeyTable',
        content: `${keyName} ${input.domain}:${input.selector}:${serverPath}\n`,
      },
      { path: '/etc/opendkim/SigningTable', content: `*@${input.domain} ${keyName}\n` },
      {
        path: '/etc/opendkim.conf',
        content:
          'KeyTable           /etc/opendkim/KeyTable\nSigningTable       refile:/etc/opendkim/SigningTable\n',
      },
    ],
  };
}

/** For software that makes its own key: where to find it, so the user pastes it. */
function ownKeySetup(softwareId: string, input: DkimSetupInput): DkimSetup {
  const sw = findMailSoftware(softwareId);
  const where = sw?.whereKeyIsShown;
  return {
    title: `${sw?.name ?? 'Your mail software'} makes its own DKIM key`,
    steps: [
      where && where.certainty !== 'unknown'
        ? where.value
        : "Open your mail software's admin page and find its DKIM record.",
      `Paste the record it shows for ${input.domain} into Mailwright (the DKIM step): we check it and publish exactly that key. Do not generate a key here: your server would sign with a different one.`,
      `Keep the selector your software uses${sw?.defaultSelector.certainty !== 'unknown' ? ` ("${sw?.defaultSelector.value}" by default)` : ''}; Mailwright uses the one in the pasted record.`,
    ],
    files: [],
  };
}

/** The setup instructions for a mail software id (see shared/providers/mail-software). */
export function dkimSetupFor(softwareId: string | undefined, input: DkimSetupInput): DkimSetup {
  switch (softwareId) {
    case 'postfix-rspamd':
      return rspamdSetup(input);
    case 'postfix-opendkim':
      return openDkimSetup(input);
    case 'mailcow':
    case 'mail-in-a-box':
      return ownKeySetup(softwareId, input);
    default:
      return {
        title: 'Install the key in your mail software',
        steps: [
          `Copy the key file${input.keyFileName ? ` ${input.keyFileName}` : ''} to your server, readable only by the program that signs mail.`,
          `Configure it to sign mail from ${input.domain} with selector "${input.selector}" and that key.`,
          'Or, if your software makes its own key, paste its DKIM record into Mailwright instead.',
        ],
        files: [],
      };
  }
}
