import type { DkimSetup, SecondKeyInput } from './dkim-setup';

/**
 * An Ed25519 key for OpenDKIM, beside its RSA key. OpenDKIM 2.11 (Debian 12, Ubuntu 24.04)
 * reads Ed25519 keys in the PEM file Mailwright writes, but signs every key with the one
 * SignatureAlgorithm of its configuration (rsa-sha256 unless told), and its KeyTable has no
 * per-key algorithm field (that came later, in OpenDKIM's development branch, issue #6). So one
 * running OpenDKIM cannot make both signatures: a second one, set to ed25519-sha256 and listening
 * on its own port, signs with the Ed25519 key, and Postfix passes each message through both.
 */

/** The port the second OpenDKIM listens on (the first usually has 8891 or a socket file). */
const PORT = 8892;

/** The steps and files for the second OpenDKIM that signs with the Ed25519 key. */
export function openDkimEd25519Setup(
  domain: string,
  key: SecondKeyInput,
  keyFileName: string,
): Pick<DkimSetup, 'steps' | 'files'> {
  const serverPath = `/etc/opendkim/keys/${domain}/${key.selector}.private`;
  const keyName = `${key.selector}._domainkey.${domain}`;
  return {
    steps: [
      'OpenDKIM 2.11 (the version in Debian 12 and Ubuntu 24.04) signs all its keys the same way, so the Ed25519 key gets a second OpenDKIM of its own, running beside the first. The files for it are below.',
      `Copy the Ed25519 key file ${keyFileName} to your server as ${serverPath}, then make it readable only by OpenDKIM: chown opendkim: ${serverPath} && chmod 600 ${serverPath}`,
      'Create /etc/opendkim/KeyTable.ed25519, /etc/opendkim/SigningTable.ed25519, /etc/opendkim-ed25519.conf and /etc/systemd/system/opendkim-ed25519.service as shown, then start it: systemctl daemon-reload && systemctl enable --now opendkim-ed25519',
      `Let Postfix pass mail through both. "postconf -h smtpd_milters" shows what it uses now; add inet:localhost:${PORT} after it: postconf -e "smtpd_milters = <what it showed>, inet:localhost:${PORT}" "non_smtpd_milters = \\$smtpd_milters", then systemctl reload postfix`,
      `Send a test message and check it has two DKIM-Signature headers: one with a=rsa-sha256, one with a=ed25519-sha256 and s=${key.selector}.`,
    ],
    files: [
      {
        path: '/etc/opendkim/KeyTable.ed25519',
        content: `${keyName} ${domain}:${key.selector}:${serverPath}\n`,
      },
      { path: '/etc/opendkim/SigningTable.ed25519', content: `*@${domain} ${keyName}\n` },
      {
        path: '/etc/opendkim-ed25519.conf',
        content: [
          '# The second OpenDKIM: it signs with the Ed25519 key only (written by Mailwright)',
          'Syslog                  yes',
          'Mode                    s',
          `Socket                  inet:${PORT}@localhost`,
          'SignatureAlgorithm      ed25519-sha256',
          'Canonicalization        relaxed/simple',
          'KeyTable                /etc/opendkim/KeyTable.ed25519',
          'SigningTable            refile:/etc/opendkim/SigningTable.ed25519',
          'PidFile                 /run/opendkim-ed25519/opendkim.pid',
          '',
        ].join('\n'),
      },
      {
        path: '/etc/systemd/system/opendkim-ed25519.service',
        content: [
          '[Unit]',
          'Description=OpenDKIM signing with the Ed25519 key (written by Mailwright)',
          'After=network.target',
          '',
          '[Service]',
          'Type=forking',
          'User=opendkim',
          'Group=opendkim',
          'RuntimeDirectory=opendkim-ed25519',
          'PIDFile=/run/opendkim-ed25519/opendkim.pid',
          'ExecStart=/usr/sbin/opendkim -x /etc/opendkim-ed25519.conf',
          'Restart=on-failure',
          '',
          '[Install]',
          'WantedBy=multi-user.target',
          '',
        ].join('\n'),
      },
    ],
  };
}
