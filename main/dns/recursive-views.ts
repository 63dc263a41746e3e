import { getServers } from 'node:dns';
import { isLoopback } from './loopback';
import { createDohJsonTransport } from './doh-json-transport';
import { createDohWireTransport } from './doh-wire-transport';
import { createFailoverTransport } from './failover-transport';
import { createNodeResolverTransport } from './node-resolver-transport';
import { DEFAULT_PUBLIC_RESOLVERS, type PublicResolver } from './public-resolvers';
import { runTransport } from './run-transport';
import { formatServerAddress, parseServerAddress } from './server-address';
import { view, type ViewSetup } from './view-setup';
import type { ViewsOptions } from './views';
import type { DnsResultView } from './types';

/** One view per resolver the caller named ("HOST[:PORT]"), asking for recursion. */
export function resolverViews(
  setup: ViewSetup,
  resolvers: ReturnType<typeof parseServerAddress>[],
): DnsResultView[] {
  return resolvers.map((address) => {
    const name = formatServerAddress(address);
    return view(
      runTransport(setup.wire(address, true), setup.run, 'rd'),
      `resolver:${name}`,
      'public',
      `Resolver ${name}`,
    );
  });
}

/**
 * The DoH endpoints a run may ask: the ones given, else Cloudflare, Google and Quad9 unless
 * resolvers replace them; only loopback ones in a loopback-only run.
 */
export function dohEndpointsFor(
  setup: Pick<ViewSetup, 'loopbackOnly'>,
  options: ViewsOptions,
  hasResolvers: boolean,
): readonly PublicResolver[] {
  const endpoints = options.doh?.endpoints ?? (hasResolvers ? [] : DEFAULT_PUBLIC_RESOLVERS);
  return endpoints.filter(
    (endpoint) => !setup.loopbackOnly || isLoopback(new URL(endpoint.url).hostname),
  );
}

/** One public view per DoH endpoint, in its format (JSON or RFC 8484 wire). */
export function dohViews(
  setup: ViewSetup,
  options: ViewsOptions,
  endpoints: readonly PublicResolver[],
): DnsResultView[] {
  return endpoints.map((endpoint) => {
    const common = {
      url: endpoint.url,
      timeoutMs: setup.timeoutMs,
      ...(options.doh?.fetch && { fetch: options.doh.fetch }),
      ...(setup.onSend && { onSend: setup.onSend }),
    };
    const transport =
      endpoint.format === 'json' ? createDohJsonTransport(common) : createDohWireTransport(common);
    return view(
      runTransport(transport, setup.run, endpoint.format),
      `public:${endpoint.id}`,
      'public',
      endpoint.label,
    );
  });
}

/** This computer's resolver ("This computer"): its servers over the wire, Node's resolver behind. */
export function systemView(setup: ViewSetup, systemServers?: string[]): DnsResultView {
  const { loopbackOnly, timeoutMs, onSend } = setup;
  const servers = (systemServers ?? getServers()).flatMap((s) => {
    try {
      return [parseServerAddress(s, 53)];
    } catch {
      return [];
    }
  });
  const allowed = servers.filter((s) => !loopbackOnly || isLoopback(s.host));
  const wireChain = allowed.map((s) => setup.wire(s, true));
  // Injected or filtered servers are used exactly (an empty list asks nobody); only the
  // untouched default lets Node pick this computer's servers itself.
  const exact = systemServers !== undefined || loopbackOnly;
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
  return view(runTransport(transport, setup.run, 'system'), 'system', 'system', 'This computer');
}

/**
 * The view discovery and follow-up lookups go through: the first named resolver, else the
 * system view falling back to the public ones.
 */
export function recursiveView(
  firstResolver: DnsResultView | undefined,
  system: DnsResultView | null,
  publicViews: DnsResultView[],
): DnsResultView {
  return (
    firstResolver ??
    view(
      createFailoverTransport(
        [system, ...publicViews].flatMap((v) => (v ? [{ server: v.id, query: v.query }] : [])),
        ['timeout', 'error', 'servfail', 'refused'],
      ),
      'recursive',
      system ? 'system' : 'public',
      'Recursive lookups',
    )
  );
}
