import { getServers } from 'node:dns';
import { isLoopback } from './loopback';
import { createConcurrencyLimit } from './concurrency-limit';
import { discoverAuthoritative } from './authoritative-discovery';
import { canonicalName, isAtOrUnder } from './dns-names';
import { createDohJsonTransport } from './doh-json-transport';
import { createDohWireTransport } from './doh-wire-transport';
import { createFailoverTransport } from './failover-transport';
import { createNodeResolverTransport } from './node-resolver-transport';
import { DEFAULT_PUBLIC_RESOLVERS } from './public-resolvers';
import { runTransport } from './run-transport';
import { formatServerAddress, parseServerAddress } from './server-address';
import { createWireTransport } from './wire-transport';
import type { AuthoritativeSet, DiscoveryOptions } from './authoritative-discovery';
import type { FetchFunction } from './doh-fetch';
import type { PublicResolver } from './public-resolvers';
import type { QueryStats, RunContext } from './run-transport';
import type { DnsResult, DnsResultView, DnsTransport, QueryType, SentQuery } from './types';

/** Options of one run's views (CLI flags and settings map onto these). */
export interface ViewsOptions {
  /**
   * Recursive resolvers "HOST[:PORT]" to use instead of the system and public views (tests,
   * unusual networks): each becomes a public view, and there is no system view.
   */
  resolvers?: string[];
  /** Port used when asking authoritative servers directly (default 53). */
  nsPort?: number;
  /** Time for one query, failover not included (default 3000 ms). */
  timeoutMs?: number;
  /** Public DoH resolvers (default Cloudflare, Google, Quad9); given, they are used even with `resolvers`. */
  doh?: { endpoints?: readonly PublicResolver[]; fetch?: FetchFunction };
  /** This computer's resolvers (default node's dns.getServers()); injectable for tests. */
  systemServers?: string[];
  /** Queries in flight at once across the run (default 32). */
  concurrency?: number;
  /**
   * Contact nothing but loopback addresses (nameservers found elsewhere are skipped, with the
   * reason). Defaults to true when every `resolvers` entry is loopback, so a test run or a
   * `--resolver 127.0.0.1` run cannot leak a packet.
   */
  loopbackOnly?: boolean;
  /** Cancels every query of the run. */
  signal?: AbortSignal;
  /** Told about every packet / HTTP request sent (tests, the benchmark). */
  onSend?: (sent: SentQuery) => void;
}

/** The points of view of one run, sharing one cache and one concurrency limit. */
export interface DnsViews {
  /** The resolver discovery and follow-up lookups go through: the first of `resolvers`, else the system view falling back to the public ones. */
  recursive: DnsResultView;
  /** This computer's resolver ("This computer"); null when `resolvers` replace it. */
  systemView: DnsResultView | null;
  /** Cloudflare, Google, Quad9 over DoH, or one per `resolvers` entry. */
  publicViews: DnsResultView[];
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
  /** Queries sent and cache hits so far in this run. */
  stats(): QueryStats;
  /** Whether this run may contact only loopback addresses. */
  loopbackOnly: boolean;
}

function view(
  transport: DnsTransport,
  id: string,
  kind: DnsResultView['kind'],
  label: string,
): DnsResultView {
  return { id, kind, label, query: (name, type, signal) => transport.query(name, type, signal) };
}

/**
 * Create the views of one verification run. Every run gets a fresh cache: a second run after an
 * edit never reuses answers of the first. Nothing is sent until a view is asked.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function createViews(options: ViewsOptions = {}): DnsViews {
  const timeoutMs = options.timeoutMs ?? 3000;
  const nsPort = options.nsPort ?? 53;
  const resolvers = (options.resolvers ?? []).map((r) => parseServerAddress(r, 53));
  const loopbackOnly =
    options.loopbackOnly ?? (resolvers.length > 0 && resolvers.every((r) => isLoopback(r.host)));
  const run: RunContext = {
    cache: new Map(),
    limit: createConcurrencyLimit(options.concurrency ?? 32),
    stats: { queries: 0, cacheHits: 0 },
    ...(options.signal && { signal: options.signal }),
  };
  const onSend = options.onSend;
  const wire = (
    address: ReturnType<typeof parseServerAddress>,
    recursionDesired: boolean,
  ): DnsTransport =>
    createWireTransport({
      server: address,
      timeoutMs,
      recursionDesired,
      ...(onSend && { onSend }),
    });

  const resolverViews = resolvers.map((address) => {
    const name = formatServerAddress(address);
    return view(
      runTransport(wire(address, true), run, 'rd'),
      `resolver:${name}`,
      'public',
      `Resolver ${name}`,
    );
  });

  const dohEndpoints =
    options.doh?.endpoints ?? (resolvers.length > 0 ? [] : DEFAULT_PUBLIC_RESOLVERS);
  const dohViews = dohEndpoints
    .filter((endpoint) => !loopbackOnly || isLoopback(new URL(endpoint.url).hostname))
    .map((endpoint) => {
      const common = {
        url: endpoint.url,
        timeoutMs,
        ...(options.doh?.fetch && { fetch: options.doh.fetch }),
        ...(onSend && { onSend }),
      };
      const transport =
        endpoint.format === 'json'
          ? createDohJsonTransport(common)
          : createDohWireTransport(common);
      return view(
        runTransport(transport, run, endpoint.format),
        `public:${endpoint.id}`,
        'public',
        endpoint.label,
      );
    });
  const publicViews = [...resolverViews, ...dohViews];

  let systemView: DnsResultView | null = null;
  if (resolvers.length === 0) {
    const servers = (options.systemServers ?? getServers()).flatMap((s) => {
      try {
        return [parseServerAddress(s, 53)];
      } catch {
        return [];
      }
    });
    const allowed = servers.filter((s) => !loopbackOnly || isLoopback(s.host));
    const wireChain = allowed.map((s) => wire(s, true));
    // Injected or filtered servers are used exactly (an empty list asks nobody); only the
    // untouched default lets Node pick this computer's servers itself.
    const exact = options.systemServers !== undefined || loopbackOnly;
    const nodeFallback = createNodeResolverTransport({
      timeoutMs,
      ...(onSend && { onSend }),
      ...(exact && { servers: allowed.map(formatServerAddress) }),
    });
    // Node's resolver only when the wire client could not be used at all (no servers, or an
    // error such as an unusable address); a timeout is an answer about this network.
    const transport =
      wireChain.length > 0
        ? createFailoverTransport([createFailoverTransport(wireChain), nodeFallback], ['error'])
        : nodeFallback;
    systemView = view(runTransport(transport, run, 'system'), 'system', 'system', 'This computer');
  }

  const recursive: DnsResultView =
    resolverViews[0] ??
    view(
      createFailoverTransport(
        [systemView, ...publicViews].flatMap((v) => (v ? [{ server: v.id, query: v.query }] : [])),
        ['timeout', 'error', 'servfail', 'refused'],
      ),
      'recursive',
      systemView ? 'system' : 'public',
      'Recursive lookups',
    );

  const nameserverView = (name: string, addresses: string[]): DnsResultView => {
    const transports = addresses.map((address) =>
      runTransport(
        wire(parseServerAddress(address.includes(':') ? `[${address}]` : address, nsPort), false),
        run,
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

  /** One discovery: the full evidence, and the views as soon as they exist. */
  interface Discovery {
    set: Promise<AuthoritativeSet>;
    views: Promise<{ zone?: string; views: DnsResultView[] }>;
  }
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
        mayContact: (address) => !loopbackOnly || isLoopback(address),
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
  const authoritativeFor = (
    name: string,
    signal?: AbortSignal,
    discovery: DiscoveryOptions = {},
  ): Promise<AuthoritativeSet> => discover(name, signal, discovery).set;

  /** The deepest zone already known to hold `name` (a guess until the walk confirms it). */
  const knownZoneOf = (name: string): string | undefined => {
    let best: string | undefined;
    for (const zone of zoneViews.keys()) {
      if (isAtOrUnder(name, zone) && (best === undefined || zone.length > best.length)) best = zone;
    }
    return best;
  };

  const authoritative = async (
    name: string,
    type: QueryType,
    signal?: AbortSignal,
  ): Promise<DnsResult[]> => {
    // Most names live in a zone already found: ask its servers while the walk confirms it, so
    // the walk costs no extra round trip. A name in a zone of its own is asked again below.
    const guess = knownZoneOf(canonicalName(name));
    const early =
      guess === undefined
        ? undefined
        : zoneViews.get(guess)?.map((v) => v.query(name, type, signal));
    const found = await discover(name, signal).views;
    if (early && found.zone === guess) return Promise.all(early);
    return Promise.all(found.views.map((v) => v.query(name, type, signal)));
  };

  return {
    recursive,
    systemView,
    publicViews,
    authoritativeFor,
    authoritative,
    stats: () => ({ ...run.stats }),
    loopbackOnly,
  };
}
