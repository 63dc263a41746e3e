import { isConclusive, recordsOf } from './dns-observation';
import type { MxObservation } from './observations';
import { endsInZoneTwice } from './domain-checks';
import { canonicalIp } from './ip-facts';

/**
 * Why one MX target cannot receive mail (for mx.target), each with its fix: an IP literal, the
 * domain typed twice, an alias (CNAME), or a name without addresses. Null when none of these.
 */

/** One MX target's problem and its fix, in words. */
export interface MxTargetProblem {
  problem: string;
  fix: string;
}

/** The target is an alias: a CNAME at its name, in the CNAME or the A look-up. */
function isAlias(t: MxObservation['targets'][number], exchange: string): boolean {
  return [t.cname, t.a].some((l) =>
    l.answers.some((a) =>
      recordsOf(a.answer, 'CNAME').some((r) => r.name.toLowerCase() === exchange),
    ),
  );
}

/** The target answered conclusively and has neither an A nor an AAAA record. */
function hasNoAddress(t: MxObservation['targets'][number]): boolean {
  const answered = [t.a, t.aaaa].flatMap((l) => l.answers).filter((a) => isConclusive(a.answer));
  const hasAddress = answered.some(
    (a) => recordsOf(a.answer, 'A').length + recordsOf(a.answer, 'AAAA').length > 0,
  );
  return answered.length > 0 && !hasAddress;
}

/** What is wrong with one MX target (lowercase, no final dot), or null. */
export function targetProblem(
  exchange: string,
  obs: MxObservation,
  host: string,
  domain: string,
): MxTargetProblem | null {
  if (canonicalIp(exchange) !== null)
    return {
      problem: `${exchange} is an IP address; an MX must name a host.`,
      fix: `Change the MX value ${exchange} to ${host} (and make sure ${host} has an A record with that address).`,
    };
  if (endsInZoneTwice(exchange, domain))
    return {
      problem: `${exchange} has the domain twice: the value was typed without its final dot, so the panel added ${domain} again.`,
      fix: `Change the MX value to "${exchange.slice(0, -domain.length - 1)}." (with the final dot), or as your DNS host's form asks.`,
    };
  const t = obs.targets.find((x) => x.name === exchange);
  if (!t) return null;
  if (isAlias(t, exchange))
    return {
      problem: `${exchange} is an alias (CNAME); an MX must point at a name with its own A/AAAA records.`,
      fix: `Point the MX at ${host} or replace the CNAME at ${exchange} with A/AAAA records.`,
    };
  if (hasNoAddress(t))
    return {
      problem: `${exchange} has no address (no A or AAAA record), so mail to it cannot be delivered.`,
      fix: `Create an A record for ${exchange} or point the MX at a host that has one.`,
    };
  return null;
}
