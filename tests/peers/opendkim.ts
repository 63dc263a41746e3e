import { connect } from 'node:net';
import { chmod, chown, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from './ports';
import { spawnPeer } from './peer-process';
import { makeTempDir, removeTempDir } from './temp-dir';

const run = promisify(execFile);

/** How OpenDKIM should sign. */
export interface OpenDkimOptions {
  /** The d= domain. */
  domain: string;
  /** The s= selector. */
  selector: string;
  /** The private key (PEM). */
  privateKeyPem: string;
  /** Sign mail From this domain (default: `domain`); another value makes a d= that does not align. */
  fromDomain?: string;
  /** Extra opendkim.conf lines (e.g. "BodyLengths yes"). */
  extra?: string[];
}

/** A running OpenDKIM milter on 127.0.0.1. */
export interface OpenDkimPeer {
  port: number;
  /** "inet:127.0.0.1:PORT" for Postfix's smtpd_milters. */
  milter: string;
  logs(): string;
  stop(): Promise<void>;
}

function waitForPort(
  port: number,
  timeoutMs: number,
  dead: () => boolean,
  logs: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (dead()) return reject(new Error(`opendkim exited during start-up:\n${logs()}`));
      if (Date.now() > deadline)
        return reject(new Error(`opendkim did not listen on ${port}:\n${logs()}`));
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Start Debian's OpenDKIM in the foreground as a signing milter on loopback, with a key table
 * and signing table in a temp folder: it signs mail From `fromDomain` with d=`domain`, s=`selector`.
 */
export async function startOpenDkim(options: OpenDkimOptions): Promise<OpenDkimPeer> {
  const port = await getFreePort();
  const dir = await makeTempDir('opendkim');
  const keyFile = join(dir, 'signing.key');
  await writeFile(keyFile, options.privateKeyPem, { mode: 0o600 });
  const fromDomain = options.fromDomain ?? options.domain;
  await writeFile(join(dir, 'keytable'), `k1 ${options.domain}:${options.selector}:${keyFile}\n`);
  await writeFile(join(dir, 'signingtable'), `*@${fromDomain} k1\n`);
  const lines = [
    'Syslog no',
    'LogWhy yes',
    'Mode s',
    'Background no',
    `PidFile ${join(dir, 'opendkim.pid')}`,
    `Socket inet:${port}@127.0.0.1`,
    `KeyTable file:${join(dir, 'keytable')}`,
    `SigningTable refile:${join(dir, 'signingtable')}`,
    'InternalHosts 127.0.0.1',
    'Canonicalization relaxed/simple',
    'RequireSafeKeys no',
    // Sign the headers Gmail and Yahoo look at, the unsubscribe ones included (RFC 8058 section 4).
    'SignHeaders From,To,Subject,Date,Message-ID,MIME-Version,Content-Type,List-Unsubscribe,List-Unsubscribe-Post,List-Id',
    ...(options.extra ?? []),
  ];
  if (userInfo().uid === 0) {
    // OpenDKIM drops root for the opendkim user when it exists; let it read its files.
    lines.push('UserID opendkim');
    const { stdout } = await run('id', ['-u', 'opendkim']).catch(() => ({ stdout: '' }));
    const uid = Number(stdout.trim());
    if (uid > 0) {
      await chmod(dir, 0o755);
      for (const f of ['signing.key', 'keytable', 'signingtable'])
        await chown(join(dir, f), uid, -1);
      await chown(dir, uid, -1);
    } else lines.pop();
  }
  const conf = join(dir, 'opendkim.conf');
  await writeFile(conf, `${lines.join('\n')}\n`);
  const peer = spawnPeer('opendkim', ['-f', '-x', conf], dir);
  const stop = async (): Promise<void> => {
    await peer.stop();
    await removeTempDir(dir);
  };
  try {
    await waitForPort(port, 10_000, peer.exited, peer.logs);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, milter: `inet:127.0.0.1:${port}`, logs: peer.logs, stop };
}
