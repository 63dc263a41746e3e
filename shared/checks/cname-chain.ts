import type { ObservedAnswer } from './dns-observation';

/**
 * CNAME chains as receivers meet them: a name that is an alias (CNAME) for another, possibly
 * several in a row, before the record itself. Every view follows the chain to its end (main/
 * asks the target zone's own nameservers for the authoritative view), and the answer keeps each
 * CNAME met in its records, in order. This file reads that chain back and names what breaks it.
 */

/** Longest chain followed (links); a longer one is reported as broken. */
export const MAX_CNAME_LINKS = 8;

/** One CNAME: `from` is an alias for `to`. */
export interface CnameLink {
  from: string;
  to: string;
}

/** How a chain breaks: its end does not exist, it comes back on itself, or it is too long. */
export type CnameBreak = 'dangling' | 'loop' | 'too-long';

/** The chain of one answer, from the asked name. */
export interface CnameChain {
  links: CnameLink[];
  /** The name the chain ends at (the asked name when there is no CNAME). */
  end: string;
  /** Set when the chain is broken, with the link that breaks it. */
  problem?: { kind: CnameBreak; link: CnameLink };
}

function bare(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** The CNAME chain of an answer, read from its records starting at the asked name. */
export function cnameChain(answer: ObservedAnswer): CnameChain {
  const links: CnameLink[] = [];
  const seen = new Set<string>();
  let current = bare(answer.name);
  seen.add(current);
  for (;;) {
    const link = answer.records.find((r) => r.type === 'CNAME' && bare(r.name) === current);
    if (!link || link.type !== 'CNAME') break;
    const next = { from: current, to: bare(link.target) };
    links.push(next);
    if (seen.has(next.to)) return { links, end: next.to, problem: { kind: 'loop', link: next } };
    if (links.length > MAX_CNAME_LINKS)
      return { links, end: next.to, problem: { kind: 'too-long', link: next } };
    seen.add(next.to);
    current = next.to;
  }
  const chain: CnameChain = { links, end: current };
  const last = links[links.length - 1];
  if (last && answer.outcome === 'nxdomain') chain.problem = { kind: 'dangling', link: last };
  else if (last && links.length >= MAX_CNAME_LINKS && answer.outcome === 'nodata') {
    chain.problem = { kind: 'too-long', link: last };
  }
  return chain;
}

/** "a → b → c", or "" when there is no CNAME. */
export function chainText(chain: CnameChain): string {
  if (chain.links.length === 0) return '';
  return [chain.links[0]?.from, ...chain.links.map((l) => l.to)].join(' → ');
}

/** One plain sentence on a broken chain, naming the link that breaks it. */
export function chainBreakText(chain: CnameChain): string | undefined {
  const p = chain.problem;
  if (!p) return undefined;
  switch (p.kind) {
    case 'dangling':
      return `${p.link.from} is a CNAME (an alias) for ${p.link.to}, which does not exist (${chainText(chain)}).`;
    case 'loop':
      return `The CNAME chain goes round in a circle: ${chainText(chain)}. ${p.link.from} points back to ${p.link.to}, so nobody ever reaches a record.`;
    case 'too-long':
      return `The CNAME chain is longer than ${MAX_CNAME_LINKS} links (${chainText(chain)}); resolvers give up before its end.`;
  }
}

/** A few words on a broken chain for a per-view line: "a CNAME loop (a → b → a)". */
export function chainBreakWords(chain: CnameChain): string | undefined {
  const p = chain.problem;
  if (!p) return undefined;
  const words = {
    dangling: `a CNAME to a name that does not exist (${chainText(chain)})`,
    loop: `a CNAME loop (${chainText(chain)})`,
    'too-long': `a CNAME chain too long to follow (${chainText(chain)})`,
  };
  return words[p.kind];
}
