import { parseSpf } from '../../shared/records/spf-parse';
import type { DnsResult, QueryType } from '../dns/types';

/** What walking an SPF record and everything it includes found. */
export interface SpfWalk {
  /** DNS-querying terms counted over the whole tree (RFC 7208 §4.6.4 worst case). */
  terms: number;
  /** Terms whose target does not exist or has no record (void lookups). */
  voids: number;
  /** The querying terms, as "domain: term", in walk order. */
  path: string[];
  /** Every include and redirect target met. */
  includes: string[];
  /** Why the walk stopped early, when it did. */
  error?: string;
}

const VOID = new Set(['nxdomain', 'nodata']);
const MAX_RECORDS = 30;

/**
 * Count the DNS lookups an SPF evaluation may need in the worst case, following include and
 * redirect (without macros) into the records they name, and the void lookups among them.
 * mailauth stops at the first match, so its count alone can hide a record that breaks the limit
 * for other senders.
 */
export async function walkSpf(
  domain: string,
  ask: (name: string, type: QueryType) => Promise<DnsResult>,
): Promise<SpfWalk> {
  const walk: SpfWalk = { terms: 0, voids: 0, path: [], includes: [] };
  const seen = new Set<string>();
  const visit = async (name: string, depth: number): Promise<void> => {
    if (seen.size >= MAX_RECORDS || depth > 10) {
      walk.error = 'the includes go too deep (a loop?)';
      return;
    }
    if (seen.has(name)) return;
    seen.add(name);
    const txt = await ask(name, 'TXT');
    if (txt.outcome !== 'answer' && !VOID.has(txt.outcome)) {
      walk.error = `${name} TXT: ${txt.error ?? txt.outcome}`;
      return;
    }
    const texts = txt.records
      .flatMap((r) => (r.type === 'TXT' ? [r.strings.join('')] : []))
      .filter((t) => /^v=spf1(\s|$)/i.test(t));
    const text = texts[0];
    if (text === undefined) return;
    const rec = parseSpf(text);
    const children: Promise<void>[] = [];
    for (const term of rec.lookupTerms) {
      walk.terms += term.lookups;
      walk.path.push(`${name}: ${term.text}`);
      const target = term.kind === 'mechanism' ? term.domain : term.value;
      if (term.hasMacro) continue;
      const name2 = (target ?? name).toLowerCase();
      if (term.name === 'include' || term.name === 'redirect') {
        walk.includes.push(name2);
        children.push(
          (async () => {
            const sub = await ask(name2, 'TXT');
            if (VOID.has(sub.outcome)) walk.voids += 1;
            await visit(name2, depth + 1);
          })(),
        );
      } else if (term.name === 'a' || term.name === 'mx' || term.name === 'exists') {
        const type: QueryType = term.name === 'mx' ? 'MX' : 'A';
        children.push(
          (async () => {
            let isVoid = VOID.has((await ask(name2, type)).outcome);
            // An IPv6-only host named by "a" is not void for the mail that comes over IPv6.
            if (isVoid && term.name === 'a') isVoid = VOID.has((await ask(name2, 'AAAA')).outcome);
            if (isVoid) walk.voids += 1;
          })(),
        );
      }
    }
    await Promise.all(children);
  };
  await visit(domain.toLowerCase(), 0);
  return walk;
}
