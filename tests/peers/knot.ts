import { execFile } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canonicalName } from '../../main/dns/dns-names';
import { waitForDns } from './dns-ready';
import { spawnPeer } from './peer-process';
import { getFreePort } from './ports';
import { makeTempDir, removeTempDir } from './temp-dir';

const run = promisify(execFile);

/** Options for a Knot instance. */
export interface KnotOptions {
  /** Zones to serve: zone name -> zone file text (see zone-fixtures.ts). */
  zones: Record<string, string>;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** Also listen on ::1 (default false: getFreePort only checks 127.0.0.1). */
  ipv6?: boolean;
  /**
   * Loopback address to listen on (default 127.0.0.1). Another 127.x address lets a second
   * server share the port, as a zone's nameservers all share the run's --ns-port.
   */
  host?: string;
}

/** A running Knot (authoritative DNS) on 127.0.0.1. */
export interface KnotPeer {
  port: number;
  /** "127.0.0.1:PORT" */
  address: string;
  host: string;
  dir: string;
  /** Replace a served zone's text and reload it (new zones cannot be added while running). */
  setZone(name: string, text: string): Promise<void>;
  /** Reload one zone from its file. */
  reload(name: string): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

function knotConfig(
  dir: string,
  host: string,
  port: number,
  zones: string[],
  ipv6: boolean,
): string {
  const listen = ipv6 ? `[ ${host}@${port}, ::1@${port} ]` : `[ ${host}@${port} ]`;
  return `server:
    rundir: "${dir}/run"
    listen: ${listen}
log:
  - target: stderr
    any: info
database:
    storage: "${dir}/db"
control:
    listen: "${dir}/run/knot.sock"
template:
  - id: default
    storage: "${dir}/zones"
    file: "%s.zone"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
    semantic-checks: on
zone:
${zones.map((z) => `  - domain: "${z}."`).join('\n')}
`;
}

/**
 * Start Knot from a temp dir serving `zones` given as text, with semantic checks on. Resolves
 * once it answers a TCP SOA query. Always call stop() (afterAll); the process also dies with
 * the test process.
 */
export async function startKnot(options: KnotOptions): Promise<KnotPeer> {
  const port = options.port ?? (await getFreePort());
  const host = options.host ?? '127.0.0.1';
  const dir = await makeTempDir('knot');
  const names = Object.keys(options.zones).map(canonicalName);
  await Promise.all(['run', 'db', 'zones'].map((d) => mkdir(join(dir, d), { recursive: true })));
  const zoneFile = (name: string): string => join(dir, 'zones', `${canonicalName(name)}.zone`);
  await Promise.all(
    Object.entries(options.zones).map(([name, text]) => writeFile(zoneFile(name), text)),
  );
  const conf = join(dir, 'knot.conf');
  await writeFile(conf, knotConfig(dir, host, port, names, options.ipv6 ?? false));
  const peer = spawnPeer('knotd', ['-c', conf], dir);
  const socket = join(dir, 'run', 'knot.sock');
  const stop = async (): Promise<void> => {
    await peer.stop();
    await removeTempDir(dir);
  };
  try {
    await waitForDns(port, names[0] ?? '.', { host, isDead: peer.exited, logs: peer.logs });
  } catch (err) {
    await stop();
    throw err;
  }
  const reload = async (name: string): Promise<void> => {
    await run('knotc', ['-b', '-s', socket, 'zone-reload', `${canonicalName(name)}.`], {
      timeout: 10_000,
    });
  };
  return {
    port,
    address: `${host}:${port}`,
    host,
    dir,
    setZone: async (name, text) => {
      if (!names.includes(canonicalName(name))) {
        throw new Error(`Knot does not serve ${name}; list it in startKnot({zones})`);
      }
      await writeFile(zoneFile(name), text);
      await reload(name);
    },
    reload,
    logs: peer.logs,
    stop,
  };
}
