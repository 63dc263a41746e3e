import { isLoopback } from './loopback';
import { discoverAuthoritative } from './authoritative-discovery';
import { canonicalName, isAtOrUnder } from './dns-names';
import { createFailoverTransport } from './failover-transport';
import { runTransport } from './run-transport';
import { parseServerAddress } from './server-address';
import { view, type ViewSetup } from './view-setup';
import type { AuthoritativeSet, DiscoveryOptions } from './authoritative-discovery';
import type { DnsResult, DnsResultView, QueryType } from './types';

/** The authoritative side of one run's views (part of DnsViews). */
export interface AuthoritativeViews {
  /**
   * Zone, nameservers and one view per nameserver for a name (memoised per run). With
   * `within` (the user's domain), a zone found above it is reported (delegated: false) without
   * asking the parent's nameservers.
   */
  authoritativeFor(
    name: string,
    signal?: AbortSignal,
    options?: DiscoveryOptions,
  ): Promise<AuthoritativeSet>;
  /** Ask every authoritative server of `name`'s zone for name/type (one answer per nameserver view). */
  authoritative(name: string, type: QueryType, signal?: AbortSignal): Promise<DnsResult[]>;
}

/** One discovery: the full evidence, and the views as soon as they exist. */
interface Discovery {
  set: Promise<AuthoritativeSet>;
  views: Promise<{ zone?: string; views: DnsResultView[] }>;
}

/** One view over a nameserver's addresses (no recursion asked, failing over between them). */
function nameserverViewFor(setup: ViewSetup) {
  return (name: string, addresses: string[]): DnsResultView => {
    const transports = addresses.map((address) =>
      runTransport(
        setup.wire(
          parseServerAddress(address.includes(':') ? `[${address}]` : address, setup.nsPort),
          false,
        ),
        setup.run,
        'no-rd',
      ),
    );
    return view(
      createFailoverTransport(transports),
      `authoritative:${name}`,
      'authoritative',
      name,
    );
  };
}

/** The deepest zone already known to hold `name` (a guess until the walk confirms it). */
function deepestKnownZone(zones: Iterable<string>, name: string): string | undefined {
  let best: string | undefined;
  for (const zone of zones) {
    if (isAtOrUnder(name, zone) && (best === undefined || zone.length > best.length)) best = zone;
  }
  return best;
}

/**
 * Discovery of each name's zone and nameservers through `recursive`, memoised per run, and
 * queries to those nameservers.
 */
export function createAuthoritativeViews(
  setup: ViewSetup,
  recursive: DnsResultView,
): AuthoritativeViews {
  const nameserverView = nameserverViewFor(setup);
  const discovered = new Map<string, Discovery>();
  // Nameserver views per zone, known as soon as the addresses are (before the SOA/NS probe).
  const zoneViews = new Map<string, DnsResultView[]>();
  const discover = (
    name: string,
    signal?: AbortSignal,
    discovery: DiscoveryOptions = {},
  ): Discovery => {
    const key = `${canonicalName(name)}|${discovery.within === undefined ? '' : canonicalName(discovery.within)}`;
    const known = discovered.get(key);
    if (known) return known;
    let viewsFound: ((found: { zone?: string; views: DnsResultView[] }) => void) | undefined;
    const views = new Promise<{ zone?: string; views: DnsResultView[] }>((resolve) => {
      viewsFound = resolve;
    });
    const set = discoverAuthoritative(
      name,
      {
        recursive,
        nameserverView,
        mayContact: (address) => !setup.loopbackOnly || isLoopback(address),
        onViews: (zone, found) => {
          if (!zoneViews.has(zone)) zoneViews.set(zone, found);
          viewsFound?.({ zone, views: found });
        },
      },
      signal,
      discovery,
    );
    // Discoveries that end before finding views (no zone, no nameservers) settle here.
    void set.then((s) =>
      viewsFound?.({ ...(s.zone !== undefined && { zone: s.zone }), views: s.views }),
    );
    const entry = { set, views };
    discovered.set(key, entry);
    // A discovery cut short by its caller is not the truth about the zone: forget it.
    void set.then(() => {
      if (signal?.aborted) discovered.delete(key);
    });
    return entry;
  };

  return {
    authoritativeFor: (name, signal, discovery = {}) => discover(name, signal, discovery).set,
    authoritative: async (name, type, signal) => {
      // Most names live in a zone already found: ask its servers while the walk confirms it, so
      // the walk costs no extra round trip. A name in a zone of its own is asked again below.
      const guess = deepestKnownZone(zoneViews.keys(), canonicalName(name));
      const early =
        guess === undefined
          ? undefined
          : zoneViews.get(guess)?.map((v) => v.query(name, type, signal));
      const found = await discover(name, signal).views;
      if (early && found.zone === guess) return Promise.all(early);
      return Promise.all(found.views.map((v) => v.query(name, type, signal)));
    },
  };
}
