import { describe, expect, it } from 'vitest';
import { keyCopyGuide } from '../../../shared/records/dkim-key-copy';

const base = {
  localPath: '/home/anna/.config/mailwright/projects/p1/bäckerei.example.default.key',
  keyFileName: 'bäckerei.example.default.key',
  server: '5.161.77.10',
  user: 'anna',
  domain: 'xn--bckerei-mxa.example',
  selector: 'default',
};

describe('the DKIM key copy walkthrough', () => {
  it('writes the scp command and the OpenDKIM install line for this server and user', () => {
    const g = keyCopyGuide({ ...base, software: 'postfix-opendkim' });
    expect(g.scp).toBe(
      "scp '/home/anna/.config/mailwright/projects/p1/bäckerei.example.default.key' anna@5.161.77.10:",
    );
    expect(g.install).toBe(
      'sudo install -D -m 600 -o opendkim -g opendkim ~/bäckerei.example.default.key /etc/opendkim/keys/xn--bckerei-mxa.example/default.private && rm ~/bäckerei.example.default.key',
    );
    expect(g.sftp).toEqual({
      host: 'sftp://5.161.77.10',
      port: '22',
      user: 'anna',
      upload: 'your home folder',
    });
  });

  it('logs in as root without sudo when no user is given, and knows Rspamd’s folder', () => {
    const g = keyCopyGuide({ ...base, user: ' ', software: 'postfix-rspamd' });
    expect(g.login).toBe('root@5.161.77.10');
    expect(g.install).toMatch(
      /^install -D -m 600 -o _rspamd -g _rspamd .* \/var\/lib\/rspamd\/dkim\/xn--bckerei-mxa\.example\.default\.key/,
    );
  });

  it('puts an IPv6 server in brackets and leaves the install line out for unknown software', () => {
    const g = keyCopyGuide({ ...base, server: '2001:db8::10', software: '' });
    expect(g.scp.endsWith(' anna@[2001:db8::10]:')).toBe(true);
    expect(g.install).toBeUndefined();
  });
});
