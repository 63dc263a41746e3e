import { findMailSoftware } from '../providers/mail-software';
import { openDkimEd25519Setup } from './dkim-setup-opendkim-ed25519';

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

/** A second key signed with beside the first (an Ed25519 key beside the RSA one). */
export interface SecondKeyInput {
  selector: string;
  /** The generated key file's name on this computer. */
  keyFileName?: string;
}

/** What the snippets need to know. */
export interface DkimSetupInput {
  domain: string;
  selector: string;
  /** The generated key file's name on this computer (shown so the user copies the right file). */
  keyFileName?: string;
  keyType?: 'rsa' | 'ed25519';
  /** An Ed25519 key to sign with as well, under its own selector (RFC 8463). */
  ed25519?: SecondKeyInput;
}

/** The file name Mailwright gives a generated key (main/dkim), when the caller does not say. */
function fileNameOf(domain: string, key: SecondKeyInput): string {
  return key.keyFileName ?? `${domain}.${key.selector}.key`;
}

/** Where Rspamd looks for a key by default: /var/lib/rspamd/dkim/<domain>.<selector>.key. */
function rspamdKeyPath(domain: string, selector: string): string {
  return `/var/lib/rspamd/dkim/${domain}.${selector}.key`;
}

/** Rspamd's dkim_signing.conf for one domain: one selector, or the RSA and Ed25519 pair. */
export function rspamdSetup(input: DkimSetupInput): DkimSetup {
  const serverPath = rspamdKeyPath(input.domain, input.selector);
  const ed = input.ed25519;
  const edPath = ed ? rspamdKeyPath(input.domain, ed.selector) : '';
  const edFile = ed ? fileNameOf(input.domain, ed) : '';
  const oneSelector = [`    selector = "${input.selector}";`, `    path = "${serverPath}";`];
  // Rspamd signs once per entry of "selectors": one DKIM-Signature per key.
  const bothSelectors = [
    '    selectors = {',
    `      selector = "${input.selector}";`,
    `      path = "${serverPath}";`,
    '    }',
    '    selectors = {',
    `      selector = "${ed?.selector ?? ''}";`,
    `      path = "${edPath}";`,
    '    }',
  ];
  return {
    title: ed ? 'Rspamd signs your mail with both keys' : 'Rspamd signs your mail',
    steps: [
      `Copy the key file${input.keyFileName ? ` ${input.keyFileName}` : ''} to your server as ${serverPath}.`,
      `Make it readable only by Rspamd: chown _rspamd: ${serverPath} && chmod 600 ${serverPath}`,
      ...(ed
        ? [
            // Rspamd 3.4 (Debian 12) reads Ed25519 signing keys only as the base64 of the
            // 32-byte seed; a PEM file makes it fail with "cannot extract rsa key". The seed is
            // the last 32 bytes of the PKCS#8 DER form, and every Rspamd version reads it.
            `Copy the Ed25519 key file ${edFile} to your home folder on the server, then convert it to the short form Rspamd reads (Rspamd 3.4, in Debian 12, cannot read the file as it is): (umask 077; openssl pkey -in ~/${edFile} -outform DER | tail -c 32 | base64 > ${edPath}) && rm ~/${edFile}`,
            `Make it readable only by Rspamd: chown _rspamd: ${edPath} && chmod 600 ${edPath}`,
          ]
        : []),
      'Create or edit /etc/rspamd/local.d/dkim_signing.conf as shown, then restart Rspamd: systemctl restart rspamd',
      ed
        ? `Send a test message and check it has two DKIM-Signature headers: one with a=rsa-sha256 and s=${input.selector}, one with a=ed25519-sha256 and s=${ed.selector}.`
        : 'Send a test message and check its DKIM-Signature header names your domain (d=) and selector (s=).',
    ],
    files: [
      {
        path: '/etc/rspamd/local.d/dkim_signing.conf',
        content: [
          `# DKIM signing for ${input.domain} (written by Mailwright)`,
          'allow_username_mismatch = true;',
          'domain {',
          `  ${input.domain} {`,
          ...(ed ? bothSelectors : oneSelector),
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ],
  };
}

/** OpenDKIM's KeyTable and SigningTable lines for one domain and selector (and the Ed25519 key). */
export function openDkimSetup(input: DkimSetupInput): DkimSetup {
  const serverPath = `/etc/opendkim/keys/${input.domain}/${input.selector}.private`;
  const keyName = `${input.selector}._domainkey.${input.domain}`;
  const rsa: DkimSetup = {
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
  if (!input.ed25519) return rsa;
  const ed = openDkimEd25519Setup(
    input.domain,
    input.ed25519,
    fileNameOf(input.domain, input.ed25519),
  );
  return {
    title: 'OpenDKIM signs your mail with both keys',
    steps: [...rsa.steps, ...ed.steps],
    files: [...rsa.files, ...ed.files],
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
    default: {
      const ed = input.ed25519;
      return {
        title: ed
          ? 'Install both keys in your mail software'
          : 'Install the key in your mail software',
        steps: [
          `Copy the key file${input.keyFileName ? ` ${input.keyFileName}` : ''} to your server, readable only by the program that signs mail.`,
          `Configure it to sign mail from ${input.domain} with selector "${input.selector}" and that key.`,
          ...(ed
            ? [
                `Copy the Ed25519 key file ${fileNameOf(input.domain, ed)} the same way, and add a second signature: selector "${ed.selector}", that key, algorithm ed25519-sha256. Your software must sign each message twice, once with each key; if it cannot, keep signing with RSA only and remove the Ed25519 key on the DKIM step.`,
              ]
            : []),
          'Or, if your software makes its own key, paste its DKIM record into Mailwright instead.',
        ],
        files: [],
      };
    }
  }
}
