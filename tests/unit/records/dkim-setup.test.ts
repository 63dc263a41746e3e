import { describe, expect, it } from 'vitest';
import { dkimSetupFor } from '../../../shared/records/dkim-setup';

// Where the keys go on the server when an Ed25519 key is signed with beside the RSA key.
const input = {
  domain: 'example.com',
  selector: 'default',
  keyFileName: 'example.com.default.key',
  ed25519: { selector: 'default-ed25519', keyFileName: 'example.com.default-ed25519.key' },
};

describe('dkimSetupFor with an Ed25519 key beside the RSA key', () => {
  it('gives Rspamd one dkim_signing.conf that signs with both selectors', () => {
    const s = dkimSetupFor('postfix-rspamd', input);
    expect(s.title).toBe('Rspamd signs your mail with both keys');
    expect(s.files).toHaveLength(1);
    expect(s.files[0]?.content).toBe(
      [
        '# DKIM signing for example.com (written by Mailwright)',
        'allow_username_mismatch = true;',
        'domain {',
        '  example.com {',
        '    selectors = {',
        '      selector = "default";',
        '      path = "/var/lib/rspamd/dkim/example.com.default.key";',
        '    }',
        '    selectors = {',
        '      selector = "default-ed25519";',
        '      path = "/var/lib/rspamd/dkim/example.com.default-ed25519.key";',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const steps = s.steps.join('\n');
    // Rspamd 3.4 reads an Ed25519 signing key only as the base64 of its seed.
    expect(steps).toContain(
      '(umask 077; openssl pkey -in ~/example.com.default-ed25519.key -outform DER | tail -c 32 | base64 > /var/lib/rspamd/dkim/example.com.default-ed25519.key) && rm ~/example.com.default-ed25519.key',
    );
    expect(steps).toContain('chown _rspamd: /var/lib/rspamd/dkim/example.com.default-ed25519.key');
    expect(steps).toContain('a=ed25519-sha256 and s=default-ed25519');
  });

  it('keeps the one-selector Rspamd file when there is no Ed25519 key', () => {
    const s = dkimSetupFor('postfix-rspamd', { ...input, ed25519: undefined });
    expect(s.title).toBe('Rspamd signs your mail');
    expect(s.files[0]?.content).toContain('    selector = "default";');
    expect(s.files[0]?.content).not.toContain('selectors');
  });

  it('gives OpenDKIM KeyTable and SigningTable lines for both keys, the Ed25519 ones in a second OpenDKIM', () => {
    const s = dkimSetupFor('postfix-opendkim', input);
    expect(s.title).toBe('OpenDKIM signs your mail with both keys');
    const file = (path: string) => s.files.find((f) => f.path === path)?.content;
    expect(file('/etc/opendkim/KeyTable')).toBe(
      'default._domainkey.example.com example.com:default:/etc/opendkim/keys/example.com/default.private\n',
    );
    expect(file('/etc/opendkim/SigningTable')).toBe(
      '*@example.com default._domainkey.example.com\n',
    );
    expect(file('/etc/opendkim/KeyTable.ed25519')).toBe(
      'default-ed25519._domainkey.example.com example.com:default-ed25519:/etc/opendkim/keys/example.com/default-ed25519.private\n',
    );
    expect(file('/etc/opendkim/SigningTable.ed25519')).toBe(
      '*@example.com default-ed25519._domainkey.example.com\n',
    );
    // OpenDKIM 2.11 has one SignatureAlgorithm per running copy: the second copy is set to Ed25519.
    const conf = file('/etc/opendkim-ed25519.conf') ?? '';
    expect(conf).toContain('SignatureAlgorithm      ed25519-sha256');
    expect(conf).toContain('Socket                  inet:8892@localhost');
    expect(conf).toContain('KeyTable                /etc/opendkim/KeyTable.ed25519');
    expect(conf).toContain('SigningTable            refile:/etc/opendkim/SigningTable.ed25519');
    const unit = file('/etc/systemd/system/opendkim-ed25519.service') ?? '';
    expect(unit).toContain('ExecStart=/usr/sbin/opendkim -x /etc/opendkim-ed25519.conf');
    expect(unit).toContain('PIDFile=/run/opendkim-ed25519/opendkim.pid');
    expect(conf).toContain('PidFile                 /run/opendkim-ed25519/opendkim.pid');
    const steps = s.steps.join('\n');
    expect(steps).toContain('example.com.default-ed25519.key');
    expect(steps).toContain('chmod 600 /etc/opendkim/keys/example.com/default-ed25519.private');
    expect(steps).toContain('systemctl enable --now opendkim-ed25519');
    expect(steps).toContain('inet:localhost:8892');
  });

  it('tells other software to sign twice, or to keep RSA alone if it cannot', () => {
    const s = dkimSetupFor('velocity-mta', input);
    expect(s.title).toBe('Install both keys in your mail software');
    const steps = s.steps.join('\n');
    expect(steps).toContain('selector "default-ed25519"');
    expect(steps).toContain('ed25519-sha256');
    expect(steps).toContain(
      'keep signing with RSA only and remove the Ed25519 key on the DKIM step',
    );
    expect(s.files).toEqual([]);
  });
});
