import type { CheckId } from './catalogue';
import { chainBreakText, chainText, cnameChain } from './cname-chain';
import { lookupEvidence, perViewLines, publishedAnswers, type Lookup } from './dns-observation';
import { atDnsHost, nameField, type EvalContext } from './eval-context';
import type { Finding } from './finding';
import { detailText, makeFinding } from './finding-make';

/**
 * The finding for a record whose CNAME chain is broken (its end does not exist, it loops, it is
 * too long): a clear fail naming the link, instead of a vague "not published". Null when what is
 * published has no broken chain.
 */
export function chainBreakFinding(
  check: CheckId,
  subject: string,
  lookup: Lookup,
  ctx: EvalContext,
  what: string,
): Finding | null {
  const answer = publishedAnswers(lookup).answers[0]?.answer;
  if (!answer) return null;
  const chain = cnameChain(answer);
  const problem = chain.problem;
  if (!problem) return null;
  const first = chain.links[0];
  const own =
    first !== undefined &&
    (first.from === ctx.plan.domain || first.from.endsWith(`.${ctx.plan.domain}`));
  const rel = first ? nameField(first.from, ctx) : subject;
  const titles = {
    dangling: `The CNAME for ${what} points to a name that does not exist`,
    loop: `The CNAME for ${what} goes round in a circle`,
    'too-long': `The CNAME chain for ${what} is too long`,
  };
  const fixes = {
    dangling: own
      ? `Check the CNAME record "${rel}" ${atDnsHost(ctx)}: its target must be exactly the name the service gave you (a typo here is common). If it is, ask the service to publish ${problem.link.to}; until then, nobody can read ${what}.`
      : `Ask whoever runs ${problem.link.from} to point it at a name that exists, or publish ${what} directly at "${rel}" ${atDnsHost(ctx)}.`,
    loop: `Point one CNAME of the circle at the real record: usually "${rel}" ${atDnsHost(ctx)} should be a CNAME to the name the service gave you, and that name must not lead back to yours.`,
    'too-long': `Point the CNAME "${rel}" ${atDnsHost(ctx)} straight at the end of the chain (${chain.end}).`,
  };
  return makeFinding(check, subject, 'fail', {
    title: titles[problem.kind],
    detail: detailText(
      `${chainBreakText(chain) ?? chainText(chain)} Receivers that look up ${what} find nothing.`,
      perViewLines(lookup),
    ),
    fix: fixes[problem.kind],
    evidence: {
      lookup: lookupEvidence(lookup),
      chain: chainText(chain),
      brokenLink: { kind: problem.kind, from: problem.link.from, to: problem.link.to },
    },
  });
}
