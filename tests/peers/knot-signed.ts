import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canonicalName } from '../../main/dns/dns-names';
import { createWireTransport } from '../../main/dns/wire-transport';
import { waitForDns } from './dns-ready';
import { spawnPeer } from './peer-process';
import { getFreePort } from './ports';
import { makeTempDir, removeTempDir } from './temp-dir';

const run = promisify(execFile);

/** One zone of a signed world. */
export interface SignedZone {
  /** Zone file text (unsigned; Knot signs it). */
  text: string;
  /** Knot signs it itself (automatic DNSSEC, ECDSA P-256); default true. */
  sign?: boolean;
  /**
   * Signed once, offline, by Knot's kzonesign as if it were 30 days ago, and served as it is (Knot
   * does not re-sign it): every signature has expired, as when a DNS host stops re-signing.
   */
  expiredSignatures?: boolean;
}

/** How far back an expired zone is signed: well past the policy's 14-day signature lifetime. */
const EXPIRED_AGO_S = 30 * 24 * 3600;

/** A running Knot that signs its zones itself. */
export interface SignedKnotPeer {
  port: number;
  address: string;
  dir: string;
  /** The DS records (SHA-256 digest) of a signed zone, as zone-file lines "name. DS tag 13 2 hex". */
  ds(zone: string): Promise<string[]>;
  setZone(name: string, text: string): Promise<void>;
  /**
   * Knot's own offline check of a signed zone file (`kzonesign -v`), as of `at` (default now):
   * an independent cross-check of what the resolver said about the zone.
   */
  verify(zone: string, at?: Date): Promise<{ ok: boolean; output: string }>;
  logs(): string;
  stop(): Promise<void>;
}

function config(dir: string, port: number, zones: Record<string, SignedZone>): string {
  const common = `    storage: "${dir}/zones"
    file: "%s.zone"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
    semantic-checks: on`;
  return `server:
    rundir: "${dir}/run"
    listen: [ 127.0.0.1@${port} ]
log:
  - target: stderr
    any: info
database:
    storage: "${dir}/db"
control:
    listen: "${dir}/run/knot.sock"
policy:
  - id: auto
    algorithm: ecdsap256sha256
    ksk-lifetime: 0
    zsk-lifetime: 0
template:
  - id: default
${common}
  - id: signed
${common}
    dnssec-signing: on
    dnssec-policy: auto
  - id: presigned
${common}
    dnssec-policy: auto
zone:
${Object.entries(zones)
  .map(
    ([z, o]) =>
      `  - domain: "${canonicalName(z)}."${o.sign === false ? '' : `\n    template: ${o.expiredSignatures ? 'presigned' : 'signed'}`}`,
  )
  .join('\n')}
`;
}

/**
 * Start Knot serving `zones`, signing those marked to be signed with keys it makes itself
 * (automatic DNSSEC). Resolves once every signed zone answers its DNSKEY.
 */
export async function startSignedKnot(zones: Record<string, SignedZone>): Promise<SignedKnotPeer> {
  const port = await getFreePort();
  const dir = await makeTempDir('knot-signed');
  await Promise.all(['run', 'db', 'zones'].map((d) => mkdir(join(dir, d), { recursive: true })));
  const zoneFile = (name: string): string => join(dir, 'zones', `${canonicalName(name)}.zone`);
  await Promise.all(Object.entries(zones).map(([n, z]) => writeFile(zoneFile(n), z.text)));
  const conf = join(dir, 'knot.conf');
  await writeFile(conf, config(dir, port, zones));
  for (const [name, z] of Object.entries(zones)) {
    if (!z.expiredSignatures) continue;
    // kzonesign makes the keys in the KASP database (so ds() works) and writes the signed file.
    const when = Math.floor(Date.now() / 1000) - EXPIRED_AGO_S;
    const out = join(dir, 'presigned');
    await mkdir(out, { recursive: true });
    await run('kzonesign', ['-c', conf, '-t', String(when), '-o', out, `${canonicalName(name)}.`]);
    await writeFile(zoneFile(name), await readFile(join(out, `${canonicalName(name)}.zone`)));
  }
  const peer = spawnPeer('knotd', ['-c', conf], dir);
  const socket = join(dir, 'run', 'knot.sock');
  const stop = async (): Promise<void> => {
    await peer.stop();
    await removeTempDir(dir);
  };
  try {
    const names = Object.keys(zones);
    await waitForDns(port, names[0] ?? '.', { isDead: peer.exited, logs: peer.logs });
    const probe = createWireTransport({
      server: `127.0.0.1:${port}`,
      timeoutMs: 500,
      tcpOnly: true,
      recursionDesired: false,
    });
    for (const [name, z] of Object.entries(zones)) {
      if (z.sign === false) continue;
      for (let i = 0; ; i++) {
        // Signing is done when the zone answers with its keys: an SOA answer comes before that.
        const keys = await probe.query(name, 'SOA');
        const signed = await run('kdig', [
          '@127.0.0.1',
          '-p',
          String(port),
          '+tcp',
          '+short',
          'DNSKEY',
          `${name}.`,
        ]);
        if (keys.outcome === 'answer' && signed.stdout.trim() !== '') break;
        if (i > 200) throw new Error(`Knot did not sign ${name}:\n${peer.logs()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port,
    address: `127.0.0.1:${port}`,
    dir,
    ds: async (zone) => {
      const out = await run('keymgr', ['-c', conf, `${canonicalName(zone)}.`, 'ds'], {
        timeout: 10_000,
      });
      return out.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => / DS \d+ \d+ 2 /.test(l));
    },
    setZone: async (name, text) => {
      await writeFile(zoneFile(name), text);
      await run('knotc', ['-b', '-s', socket, 'zone-reload', `${canonicalName(name)}.`], {
        timeout: 10_000,
      });
    },
    verify: async (zone, at) => {
      const when = at ? ['-t', String(Math.floor(at.getTime() / 1000))] : [];
      try {
        const r = await run('kzonesign', ['-c', conf, '-v', ...when, `${canonicalName(zone)}.`], {
          timeout: 10_000,
        });
        return { ok: true, output: `${r.stdout}${r.stderr}` };
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
      }
    },
    logs: peer.logs,
    stop,
  };
}
