import { isLoopback } from './loopback';
import { createConcurrencyLimit } from './concurrency-limit';
import { parseServerAddress } from './server-address';
import { viewSetup } from './view-setup';
import {
  dohEndpointsFor,
  dohViews,
  recursiveView,
  resolverViews,
  systemView,
} from './recursive-views';
import { createAuthoritativeViews, type AuthoritativeViews } from './authoritative-views';
import type { FetchFunction } from './doh-fetch';
import type { PublicResolver } from './public-resolvers';
import type { QueryStats, RunContext } from './run-transport';
import type { DnsResultView, SentQuery } from './types';

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
export interface DnsViews extends AuthoritativeViews {
  /** The resolver discovery and follow-up lookups go through: the first of `resolvers`, else the system view falling back to the public ones. */
  recursive: DnsResultView;
  /** This computer's resolver ("This computer"); null when `resolvers` replace it. */
  systemView: DnsResultView | null;
  /** Cloudflare, Google, Quad9 over DoH, or one per `resolvers` entry. */
  publicViews: DnsResultView[];
  /** Queries sent and cache hits so far in this run. */
  stats(): QueryStats;
  /** Whether this run may contact only loopback addresses. */
  loopbackOnly: boolean;
  /** The JSON DoH endpoints among the public views (what dns-over-http-resolver can ask). */
  jsonDohEndpoints: readonly PublicResolver[];
}

/**
 * Create the views of one verification run. Every run gets a fresh cache: a second run after an
 * edit never reuses answers of the first. Nothing is sent until a view is asked.
 */
export function createViews(options: ViewsOptions = {}): DnsViews {
  const resolvers = (options.resolvers ?? []).map((r) => parseServerAddress(r, 53));
  const run: RunContext = {
    cache: new Map(),
    limit: createConcurrencyLimit(options.concurrency ?? 32),
    stats: { queries: 0, cacheHits: 0 },
    ...(options.signal && { signal: options.signal }),
  };
  const setup = viewSetup({
    timeoutMs: options.timeoutMs ?? 3000,
    nsPort: options.nsPort ?? 53,
    loopbackOnly:
      options.loopbackOnly ?? (resolvers.length > 0 && resolvers.every((r) => isLoopback(r.host))),
    run,
    ...(options.onSend && { onSend: options.onSend }),
  });
  const byResolver = resolverViews(setup, resolvers);
  const endpoints = dohEndpointsFor(setup, options, resolvers.length > 0);
  const publicViews = [...byResolver, ...dohViews(setup, options, endpoints)];
  // Resolvers the caller named replace this computer's.
  const system = resolvers.length === 0 ? systemView(setup, options.systemServers) : null;
  const recursive = recursiveView(byResolver[0], system, publicViews);
  return {
    recursive,
    systemView: system,
    publicViews,
    ...createAuthoritativeViews(setup, recursive),
    stats: () => ({ ...run.stats }),
    loopbackOnly: setup.loopbackOnly,
    jsonDohEndpoints: endpoints.filter((e) => e.format === 'json'),
  };
}
