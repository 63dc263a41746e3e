import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { canonicalName } from '../../main/dns/dns-names';
import { waitForDns } from './dns-ready';
import { spawnPeer } from './peer-process';
import { getFreePort } from './ports';
import { makeTempDir, removeTempDir } from './temp-dir';

const run = promisify(execFile);

/** One zone Unbound sends to an authoritative server on loopback. */
export interface StubZone {
  zone: string;
  /** Port of the authoritative server (e.g. Knot's). */
  port: number;
  /** Its loopback address (default 127.0.0.1). */
  host?: string;
}

/** Options for an Unbound instance. */
export interface UnboundOptions {
  stubs: StubZone[];
  port?: number;
  /** Extra lines for the server: clause (indented by the caller or not; they are indented here). */
  extraServerLines?: string[];
  /**
   * Validate DNSSEC from these trust anchors (DS or DNSKEY lines, e.g. "test. DS 40236 13 2 b4…"),
   * with Extended DNS Errors on. Without it Unbound only iterates.
   */
  trustAnchors?: string[];
}

/** A running Unbound (recursive, caching resolver) on 127.0.0.1. */
export interface UnboundPeer {
  port: number;
  /** "127.0.0.1:PORT" */
  address: string;
  dir: string;
  /** Forget everything cached at and under `zone`. */
  flush(zone: string): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

function unboundConfig(dir: string, port: number, options: UnboundOptions): string {
  const zones = options.stubs.map((s) => `${canonicalName(s.zone)}.`);
  return `server:
    interface: 127.0.0.1@${port}
    do-daemonize: no
    username: ""
    chroot: ""
    directory: "${dir}"
    pidfile: "${dir}/unbound.pid"
    use-syslog: no
    logfile: ""
    verbosity: 1
    num-threads: 1
    so-reuseport: no
    module-config: "${options.trustAnchors?.length ? 'validator iterator' : 'iterator'}"
${(options.trustAnchors ?? []).map((t) => `    trust-anchor: "${t}"`).join('\n')}${options.trustAnchors?.length ? '\n    ede: yes\n    val-log-level: 2' : ''}
    do-not-query-localhost: no
    outgoing-interface: 127.0.0.1
    do-ip6: no
    qname-minimisation: no
    access-control: 127.0.0.0/8 allow
    local-zone: "." refuse
${zones.map((z) => `    local-zone: "${z}" transparent`).join('\n')}
${(options.extraServerLines ?? []).map((l) => `    ${l.trim()}`).join('\n')}
remote-control:
    control-enable: yes
    control-interface: "${dir}/unbound.ctl"
    control-use-cert: no
${options.stubs
  .map(
    (s) =>
      `stub-zone:\n    name: "${canonicalName(s.zone)}."\n    stub-addr: ${s.host ?? '127.0.0.1'}@${s.port}`,
  )
  .join('\n')}
`;
}

/**
 * Start Unbound from a temp dir as a caching resolver that only knows the given stub zones and
 * refuses everything else (it never recurses to the internet). Resolves once it answers a TCP
 * SOA query for the first stub zone.
 */
export async function startUnbound(options: UnboundOptions): Promise<UnboundPeer> {
  const port = options.port ?? (await getFreePort());
  const dir = await makeTempDir('unbound');
  const conf = join(dir, 'unbound.conf');
  await writeFile(conf, unboundConfig(dir, port, options));
  await run('unbound-checkconf', [conf], { timeout: 10_000 }).catch((err: Error) => {
    throw new Error(`unbound-checkconf rejected the config: ${err.message}`);
  });
  const peer = spawnPeer('unbound', ['-d', '-c', conf], dir);
  const stop = async (): Promise<void> => {
    await peer.stop();
    await removeTempDir(dir);
  };
  try {
    await waitForDns(port, options.stubs[0]?.zone ?? '.', {
      isDead: peer.exited,
      logs: peer.logs,
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port,
    address: `127.0.0.1:${port}`,
    dir,
    flush: async (zone) => {
      await run('unbound-control', ['-c', conf, 'flush_zone', `${canonicalName(zone)}.`], {
        timeout: 10_000,
      });
      await run('unbound-control', ['-c', conf, 'flush_infra', 'all'], { timeout: 10_000 });
    },
    logs: peer.logs,
    stop,
  };
}
