import { startKnot, type KnotPeer } from '../../peers/knot';
import { startUnbound, type StubZone, type UnboundPeer } from '../../peers/unbound';
import { getFreePort } from '../../peers/ports';
import type { VerifyOptions } from '../../../shared/checks/verify-options';

/** Knot serving the fixture zones and Unbound resolving them, both on loopback. */
export interface DnsWorld {
  knot: KnotPeer;
  unbound: UnboundPeer;
  nsPort: number;
  /** Options that point every probe at the world (no SMTP, no packet elsewhere). */
  options: VerifyOptions;
  stop(): Promise<void>;
}

/** Start a world serving `zones` (name → zone text). */
export async function startDnsWorld(
  zones: Record<string, string>,
  extra: Partial<VerifyOptions> = {},
  moreStubs: StubZone[] = [],
): Promise<DnsWorld> {
  const nsPort = await getFreePort();
  const knot = await startKnot({ zones, port: nsPort });
  let unbound: UnboundPeer;
  try {
    unbound = await startUnbound({
      stubs: [...Object.keys(zones).map((zone) => ({ zone, port: nsPort })), ...moreStubs],
    });
  } catch (e) {
    await knot.stop();
    throw e;
  }
  return {
    knot,
    unbound,
    nsPort,
    options: { resolvers: [unbound.address], nsPort, noSmtp: true, timeoutMs: 1500, ...extra },
    stop: async () => {
      await Promise.allSettled([knot.stop(), unbound.stop()]);
    },
  };
}
