import { canonicalName, isAtOrUnder, parentName } from '../dns/dns-names';
import type { AuthoritativeSet } from '../dns/authoritative-discovery';
import type { DnsViews } from '../dns/views';
import type { DnsResult, DnsView, QueryType } from '../dns/types';
import type { Lookup, ViewAnswer } from '../../shared/checks/dns-observation';
import { followCnameChain, type ChainDeps } from './cname-follow';

/** Every view's answer to questions of one run, memoised by name and type. */
export interface RunLookups {
  /** Ask name/type from the authoritative servers of its zone, every public view and the system view, all at once. */
  lookup(name: string, type: QueryType): Promise<Lookup>;
  /** The authoritative side of the domain (discovered once per run). */
  domainSet(): Promise<AuthoritativeSet>;
  /**
   * Ask name/type for what is published: names of the domain from its nameservers (a recursive
   * resolver when they cannot answer), other names through the resolver (SPF evaluation, walks).
   */
  published(name: string, type: QueryType): Promise<DnsResult>;
  /** Whether any view gave a usable answer (answer, no-data, does-not-exist) so far. */
  reachedAny(): boolean;
}

function viewAnswer(view: DnsView, answer: DnsResult): ViewAnswer {
  return { view: view.id, kind: view.kind, label: view.label, answer };
}

const CONCLUSIVE = new Set(['answer', 'nodata', 'nxdomain']);

/**
 * A nameserver's answer as evidence of what is published. One given without the AA flag comes
 * from a lame server (a cache, a stale copy): kept visible, but as an error, so it never counts
 * as the DNS host agreeing.
 */
export function authorityChecked(answer: DnsResult): DnsResult {
  if (answer.authoritative !== false || !CONCLUSIVE.has(answer.outcome)) return answer;
  return {
    ...answer,
    outcome: 'error',
    records: [],
    error: `${answer.server}: answered without authority (a lame nameserver: it does not hold the zone), so its answer is not counted`,
  };
}

/** The first conclusive answer of several in flight (a silent nameserver does not hold it up). */
function firstConclusive(pending: Promise<DnsResult>[]): Promise<DnsResult | undefined> {
  if (pending.length === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let left = pending.length;
    for (const p of pending) {
      void p.then((a) => {
        left -= 1;
        if (CONCLUSIVE.has(a.outcome)) resolve(a);
        else if (left === 0) resolve(undefined);
      });
    }
  });
}

/**
 * The lookups of one run. Names at or under the domain are asked from the domain's nameservers
 * (one discovery for all of them, no walk per name: that keeps the dependent chain short);
 * other names (reverse zones, MX targets elsewhere) discover their own zone.
 */
export function createRunLookups(
  views: DnsViews,
  domain: string,
  signal?: AbortSignal,
): RunLookups {
  let domainSetPromise: Promise<AuthoritativeSet> | undefined;
  const domainSet = (): Promise<AuthoritativeSet> =>
    (domainSetPromise ??= views.authoritativeFor(domain, signal));
  const setFor = (name: string): Promise<AuthoritativeSet> =>
    isAtOrUnder(name, domain) ? domainSet() : views.authoritativeFor(name, signal);
  const recursiveViews = [...views.publicViews, ...(views.systemView ? [views.systemView] : [])];
  // An authoritative server stops at the edge of its zone: the chain's rest is asked from the
  // target zone's own nameservers, as a receiver's resolver would.
  const chainDeps: ChainDeps = {
    authoritativeFor: async (name) => {
      const set = await setFor(name);
      // A resolver answers SERVFAIL for the SOA of a name whose own CNAME chain loops, so the
      // walk to its zone starts one label up (a target that is a zone apex and fails stays failed).
      const parent = parentName(canonicalName(name));
      if (set.views.length > 0 || set.walk[0]?.outcome !== 'servfail' || !parent) return set;
      const up = await setFor(parent);
      return up.views.length > 0 ? up : set;
    },
    askFirst: (set, name, type) =>
      firstConclusive(
        set.views.map(async (v) => authorityChecked(await v.query(name, type, signal))),
      ),
  };
  const askAuthoritative = async (v: DnsView, name: string, type: QueryType): Promise<DnsResult> =>
    followCnameChain(authorityChecked(await v.query(name, type, signal)), type, chainDeps);

  const memo = new Map<string, Promise<Lookup>>();
  let reached = false;
  const lookup = (rawName: string, type: QueryType): Promise<Lookup> => {
    const name = canonicalName(rawName);
    const key = `${name}|${type}`;
    let found = memo.get(key);
    if (!found) {
      found = (async () => {
        const recursive = recursiveViews.map(async (v) =>
          viewAnswer(v, await v.query(name, type, signal)),
        );
        const authoritative = (async () => {
          const set = await setFor(name);
          return Promise.all(
            set.views.map(async (v) => viewAnswer(v, await askAuthoritative(v, name, type))),
          );
        })();
        const [auth, rec] = await Promise.all([authoritative, Promise.all(recursive)]);
        const answers = [...auth, ...rec];
        if (answers.some((a) => CONCLUSIVE.has(a.answer.outcome))) reached = true;
        return { name, type, answers };
      })();
      memo.set(key, found);
    }
    return found;
  };

  const published = async (rawName: string, type: QueryType): Promise<DnsResult> => {
    const name = canonicalName(rawName);
    // Other people's names (an SPF include, a report domain) are read as receivers read them:
    // through a resolver, without a zone discovery that would lengthen the chain of queries.
    if (!isAtOrUnder(name, domain)) return views.recursive.query(name, type, signal);
    const set = await domainSet();
    const good = await firstConclusive(set.views.map((v) => askAuthoritative(v, name, type)));
    return good ?? views.recursive.query(name, type, signal);
  };

  return { lookup, domainSet, published, reachedAny: () => reached };
}
