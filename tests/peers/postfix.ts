import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, readFile, copyFile, rm, chown, chmod } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from './ports';

const run = promisify(execFile);

/** How to start a private Postfix for a test. */
export interface PostfixOptions {
  /** myhostname: the name Postfix greets with (e.g. "mail.example.test"). */
  hostname: string;
  /** Port on `address`; a free one is picked when omitted. */
  port?: number;
  /** Loopback address to listen on (default 127.0.0.1; e.g. 127.0.0.2 for a second mail host address). */
  address?: string;
  /**
   * A folder holding cert.pem (leaf, optionally followed by its chain) and key.pem. Without it a
   * self-signed certificate for `hostname` is made with openssl.
   */
  certDir?: string;
  /** false turns STARTTLS off (smtpd_tls_security_level = none). Default true. */
  tls?: boolean;
  /** Extra main.cf settings, written last so they win. */
  mainCf?: Record<string, string>;
}

/** A running private Postfix. */
export interface PostfixPeer {
  host: string;
  port: number;
  hostname: string;
  /** The instance's folder (config, spool, maillog, tls). */
  dir: string;
  /** The certificate it serves (PEM). */
  certPem: string;
  /** The instance's mail log so far (for failure messages). */
  maillog(): Promise<string>;
  /** Stop it and delete its folder. Safe to call twice. */
  stop(): Promise<void>;
}

const SERVICES = `pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;

function mainCf(dir: string, options: PostfixOptions, port: number): string {
  const domain = options.hostname.split('.').slice(1).join('.') || options.hostname;
  const settings: Record<string, string> = {
    compatibility_level: '3.6',
    queue_directory: `${dir}/spool`,
    data_directory: `${dir}/data`,
    // postfix check fails silently when maillog_file is not under one of these prefixes.
    maillog_file: `${dir}/maillog`,
    maillog_file_prefixes: `${dir}, /dev/stdout`,
    myhostname: options.hostname,
    mydomain: domain,
    // 127.0.0.2 and up are loopback but no interface's own address, which inet_interfaces wants:
    // the master.cf listener line names the address instead.
    inet_interfaces: '127.0.0.1',
    inet_protocols: 'ipv4',
    mynetworks: '127.0.0.0/8',
    smtpd_banner: '$myhostname ESMTP test instance',
    mydestination: `${domain}, ${options.hostname}`,
    local_recipient_maps: '',
    local_transport: 'discard:',
    default_transport: 'error:outside delivery disabled in tests',
    relay_transport: 'error:outside delivery disabled in tests',
    smtpd_relay_restrictions: 'reject_unauth_destination',
    alias_maps: '',
    alias_database: '',
    smtpd_tls_security_level: options.tls === false ? 'none' : 'may',
    smtpd_tls_cert_file: `${dir}/tls/cert.pem`,
    smtpd_tls_key_file: `${dir}/tls/key.pem`,
    smtpd_tls_session_cache_database: '',
    // One instance per test file: keep them from sharing anything by name.
    syslog_name: `postfix-test-${port}`,
    ...options.mainCf,
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key} = ${value}`)
    .join('\n')
    .concat('\n');
}

async function selfSigned(tlsDir: string, hostname: string): Promise<void> {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '30',
    '-subj',
    `/CN=${hostname}`,
    '-addext',
    `subjectAltName=DNS:${hostname},IP:127.0.0.1`,
    '-keyout',
    join(tlsDir, 'key.pem'),
    '-out',
    join(tlsDir, 'cert.pem'),
  ]);
}

/** Resolve once something on host:port greets with "220", or reject after `timeoutMs`. */
function waitForGreeting(
  host: string,
  port: number,
  timeoutMs: number,
  exited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (exited()) return reject(new Error('postfix exited during start-up'));
      if (Date.now() > deadline) return reject(new Error(`postfix did not greet on port ${port}`));
      const socket = connect({ host, port });
      socket.setTimeout(1000);
      const retry = (): void => {
        socket.destroy();
        setTimeout(attempt, 50);
      };
      socket.once('error', retry);
      socket.once('timeout', retry);
      socket.once('data', (chunk) => {
        socket.end('QUIT\r\n');
        socket.destroy();
        if (chunk.toString('latin1').startsWith('220')) resolve();
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Start a private Postfix on 127.0.0.1 as docs/TESTING.md describes: its own config, spool and log
 * in a temp folder, no chroot, outside delivery disabled. Stop it in afterAll.
 */
export async function startPostfix(options: PostfixOptions): Promise<PostfixPeer> {
  const port = options.port ?? (await getFreePort());
  const host = options.address ?? '127.0.0.1';
  const dir = await mkdtemp(join(tmpdir(), 'mailwright-postfix-'));
  // mkdtemp makes the folder 0700; the postfix user must traverse it to reach data/.
  await chmod(dir, 0o755);
  const etc = join(dir, 'etc');
  const tlsDir = join(dir, 'tls');
  await Promise.all(
    [etc, tlsDir, join(dir, 'spool'), join(dir, 'data')].map((d) => mkdir(d, { recursive: true })),
  );
  if (options.certDir) {
    await copyFile(join(options.certDir, 'cert.pem'), join(tlsDir, 'cert.pem'));
    await copyFile(join(options.certDir, 'key.pem'), join(tlsDir, 'key.pem'));
  } else {
    await selfSigned(tlsDir, options.hostname);
  }
  await writeFile(join(etc, 'main.cf'), mainCf(dir, options, port));
  await writeFile(join(etc, 'master.cf'), `${SERVICES}${host}:${port} inet n - n - - smtpd\n`);
  if (userInfo().uid === 0) {
    const { stdout } = await run('id', ['-u', 'postfix']);
    await chown(join(dir, 'data'), Number(stdout.trim()), -1);
  }

  try {
    await run('postfix', ['-c', etc, 'check']);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`postfix check failed: ${(error as Error).message}`, { cause: error });
  }

  let output = '';
  let exited = false;
  const child: ChildProcess = spawn('postfix', ['-c', etc, 'start-fg'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const pidText = await readFile(join(dir, 'spool', 'pid', 'master.pid'), 'utf8').catch(() => '');
    const masterPid = Number(pidText.trim());
    if (masterPid > 0) {
      try {
        process.kill(masterPid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (!exited) {
      const killer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exitedPromise;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForGreeting(host, port, 10_000, () => exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }

  return {
    host,
    port,
    hostname: options.hostname,
    dir,
    certPem: await readFile(join(tlsDir, 'cert.pem'), 'utf8'),
    maillog: () => readFile(join(dir, 'maillog'), 'utf8').catch(() => output),
    stop,
  };
}
