import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDkimKey } from '../../../main/dkim/dkim-keygen';
import { parseDkimRecord } from '../../../shared/records/dkim-parse';
import { normalizePastedDkim } from '../../../shared/records/dkim-paste';
import { dkimSetupFor } from '../../../shared/records/dkim-setup';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailwright-dkim-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const message = [
  'From: Alice <alice@example.com>',
  'To: Bob <bob@example.net>',
  'Subject: DKIM test',
  'Date: Sun, 22 Nov 2026 10:00:00 +0000',
  'Message-ID: <test-1@example.com>',
  '',
  'Hello from Mailwright.',
  '',
].join('\r\n');

/** Sign with the private key on disk and verify with only the published record. */
async function signAndVerify(keyPath: string, selector: string, record: string, body = message) {
  const privateKey = await readFile(keyPath, 'utf8');
  // mailauth's runtime takes the keys as signatureData (its .d.ts shows flat options).
  const signed = await dkimSign(body, {
    signatureData: [{ signingDomain: 'example.com', selector, privateKey }],
  } as never);
  expect(signed.signatures).toMatch(/^DKIM-Signature: /);
  expect(signed.errors).toEqual([]);
  const resolver = async (name: string, type: string) => {
    if (name === `${selector}._domainkey.example.com` && type === 'TXT') return [[record]];
    const e = new Error(`no ${type} for ${name}`) as Error & { code: string };
    e.code = 'ENOTFOUND';
    throw e;
  };
  const verified = await dkimVerify(signed.signatures + body, { resolver: resolver as never });
  return verified.results[0]?.status.result;
}

describe('generateDkimKey', () => {
  it('writes a 2048-bit RSA private key with mode 0600 and returns only its path and the record', async () => {
    const key = await generateDkimKey({
      folder: join(dir, 'project'),
      domain: 'example.com',
      selector: 'mail',
    });
    expect(key.privateKeyPath).toBe(join(dir, 'project', 'example.com.mail.key'));
    expect((await stat(key.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'project'))).mode & 0o777).toBe(0o700);
    expect(JSON.stringify(key)).not.toContain('PRIVATE KEY');
    expect(key.record).toBe(`v=DKIM1; k=rsa; p=${key.publicKey}`);
    expect(key.txtStrings.join('')).toBe(key.record);
    expect(key.txtStrings.every((s) => s.length <= 255)).toBe(true);
    const parsed = parseDkimRecord(key.record);
    expect(parsed.valid).toBe(true);
    expect(parsed.bits).toBe(2048);
    expect(await signAndVerify(key.privateKeyPath, 'mail', key.record)).toBe('pass');
  });

  it('a signature does not verify against a different key', async () => {
    const a = await generateDkimKey({ folder: dir, domain: 'example.com', selector: 'a1' });
    const b = await generateDkimKey({ folder: dir, domain: 'example.com', selector: 'b1' });
    expect(await signAndVerify(a.privateKeyPath, 'a1', b.record)).toBe('fail');
  });

  it('refuses to overwrite an existing key unless asked', async () => {
    await generateDkimKey({ folder: dir, domain: 'example.com', selector: 'keep' });
    await expect(
      generateDkimKey({ folder: dir, domain: 'example.com', selector: 'keep' }),
    ).rejects.toThrow(/EEXIST/);
    const again = await generateDkimKey({
      folder: dir,
      domain: 'example.com',
      selector: 'keep',
      overwrite: true,
    });
    expect((await stat(again.privateKeyPath)).mode & 0o777).toBe(0o600);
  });

  it('makes a 4096-bit key with a warning about long TXT values', async () => {
    const key = await generateDkimKey({
      folder: dir,
      domain: 'example.com',
      selector: 'big',
      bits: 4096,
    });
    expect(parseDkimRecord(key.record).bits).toBe(4096);
    expect(key.txtStrings).toHaveLength(3);
    expect(key.warnings[0]).toContain('Some DNS hosts refuse TXT values this long');
    expect(await signAndVerify(key.privateKeyPath, 'big', key.record)).toBe('pass');
  }, 60_000);

  it('makes an Ed25519 key beside the RSA one, both verifying', async () => {
    // As the DKIM step makes them: one call per key, each under its own selector.
    const rsa = await generateDkimKey({ folder: dir, domain: 'example.com', selector: 'r2026' });
    const ed = await generateDkimKey({
      folder: dir,
      domain: 'example.com',
      selector: 'e2026',
      type: 'ed25519',
    });
    expect(rsa?.keyType).toBe('rsa');
    expect(ed?.keyType).toBe('ed25519');
    expect(ed?.record).toMatch(/^v=DKIM1; k=ed25519; p=[A-Za-z0-9+/]{43}=$/);
    expect(parseDkimRecord(ed!.record).key).toEqual({
      ok: true,
      type: 'ed25519',
      bits: 256,
      format: 'raw',
    });
    expect(ed?.warnings[0]).toContain('beside an RSA key');
    expect(await signAndVerify(ed!.privateKeyPath, 'e2026', ed!.record)).toBe('pass');
    expect(await signAndVerify(rsa!.privateKeyPath, 'r2026', rsa!.record)).toBe('pass');
  });

  it('a generated record survives being pasted back as a BIND snippet', async () => {
    const key = await generateDkimKey({ folder: dir, domain: 'example.com', selector: 'paste' });
    const snippet = `paste._domainkey IN TXT ( ${key.txtStrings.map((s) => `"${s}"`).join('\n\t')} )`;
    const r = normalizePastedDkim(snippet);
    expect(r.ok && r.record).toBe(key.record);
  });

  it('rejects a bad selector before writing anything', async () => {
    await expect(
      generateDkimKey({ folder: dir, domain: 'example.com', selector: '../evil' }),
    ).rejects.toThrow('not a valid DKIM selector');
  });
});

describe('dkimSetupFor (where the key goes)', () => {
  const input = {
    domain: 'example.com',
    selector: 'default',
    keyFileName: 'example.com.default.key',
  };

  it('gives Rspamd a dkim_signing.conf naming the selector and key path', () => {
    const s = dkimSetupFor('postfix-rspamd', input);
    expect(s.files[0]?.path).toBe('/etc/rspamd/local.d/dkim_signing.conf');
    expect(s.files[0]?.content).toContain('selector = "default";');
    expect(s.files[0]?.content).toContain('path = "/var/lib/rspamd/dkim/example.com.default.key";');
    expect(s.steps.join(' ')).toContain('chmod 600');
  });

  it('gives OpenDKIM KeyTable and SigningTable lines', () => {
    const s = dkimSetupFor('postfix-opendkim', input);
    expect(s.files.map((f) => f.content)).toEqual([
      'default._domainkey.example.com example.com:default:/etc/opendkim/keys/example.com/default.private\n',
      '*@example.com default._domainkey.example.com\n',
      expect.stringContaining('refile:/etc/opendkim/SigningTable'),
    ]);
  });

  it("the Rspamd step's conversion turns the Ed25519 key file into the seed of the published key", async () => {
    const ed = await generateDkimKey({
      folder: join(dir, 'home'),
      domain: 'example.com',
      selector: 'conv-ed25519',
      type: 'ed25519',
    });
    const serverPath = '/var/lib/rspamd/dkim/example.com.conv-ed25519.key';
    const setup = dkimSetupFor('postfix-rspamd', {
      ...input,
      ed25519: { selector: 'conv-ed25519', keyFileName: 'example.com.conv-ed25519.key' },
    });
    const step = setup.steps.find((s) => s.includes('openssl pkey')) ?? '';
    const command = step.slice(step.indexOf('(umask 077;'));
    const target = join(dir, 'rspamd.key');
    // The literal command from the step, with the server's folder swapped for a temporary one.
    execFileSync('sh', ['-c', command.replaceAll(serverPath, target)], {
      env: { ...process.env, HOME: join(dir, 'home') },
    });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await expect(stat(ed.privateKeyPath)).rejects.toThrow(/ENOENT/);
    const seed = Buffer.from((await readFile(target, 'utf8')).trim(), 'base64');
    expect(seed).toHaveLength(32);
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    const raw = createPublicKey(key).export({ type: 'spki', format: 'der' }).subarray(12);
    expect(raw.toString('base64')).toBe(ed.publicKey);
  });

  it('sends mailcow and Mail-in-a-Box users to their own key', () => {
    expect(dkimSetupFor('mailcow', input).steps[0]).toContain('ARC/DKIM keys');
    expect(dkimSetupFor('mail-in-a-box', input).steps[0]).toContain('External DNS');
    expect(dkimSetupFor('mailcow', input).files).toEqual([]);
  });
});
