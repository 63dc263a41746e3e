import type { Plan } from '../model/plan';
import type { PublishedRecords } from '../model/project';
import { planOverview, type ExistingRecords, type PlanOverview } from './plan-records';

/**
 * The one computation of the records to publish: the plan merged with what the domain
 * publishes today. The Records and Summary steps, the PDF, the zone file, the JSON export,
 * `mailwright plan` and `mailwright export` all call this with the same two inputs, so they
 * cannot disagree about a record.
 */

/** What a domain publishes, as looked up (dns.published), with the names it was looked up for. */
export type PublishedToday = PublishedRecords & { domain?: string; mailHost?: string };

/**
 * The look-up as the planner reads it: nothing when it was made for other names (the user
 * changed the domain since), and every list that could not be read left out, so the planner
 * says "we could not read it" instead of "there is none".
 */
export function existingRecordsFor(
  plan: Pick<Plan, 'domain' | 'mailHost'>,
  published: PublishedToday | null | undefined,
): ExistingRecords {
  if (!published) return {};
  if (published.domain !== undefined && published.domain !== plan.domain) return {};
  if (published.mailHost !== undefined && published.mailHost !== plan.mailHost) return {};
  const unread = published.unread ?? [];
  const out: ExistingRecords = { unread: [...unread] };
  if (!unread.includes('spf')) out.spf = published.spf;
  if (!unread.includes('dmarc')) out.dmarc = published.dmarc;
  if (published.dmarcInherited !== undefined) out.dmarcInherited = published.dmarcInherited;
  if (published.zone !== undefined) out.zone = published.zone;
  if (!unread.includes('mx')) out.mx = published.mx;
  if (!unread.includes('mailHostSpf')) out.mailHostSpf = published.mailHostSpf;
  if (published.mailHostAddresses !== undefined && !unread.includes('mailHostAddresses'))
    out.mailHostAddresses = published.mailHostAddresses;
  return out;
}

/** The records to publish for a plan, given what the domain publishes today (none: not looked). */
export function recordsToPublish(
  plan: Plan,
  published: PublishedToday | null | undefined,
): PlanOverview {
  return planOverview(plan, existingRecordsFor(plan, published));
}
