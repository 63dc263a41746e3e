import type { Plan } from '../model/plan';
import type { PlannedRecord } from './planned-record';
import {
  certbotCommand,
  policyFilePath,
  servingSnippets,
  type ServingSnippet,
} from './mtasts-serving';
import { existingRecordsFor, type PublishedToday } from './records-to-publish';
import { mtaStsPlan, type MtaStsPlan } from './secure-records';

/**
 * Everything it takes to serve the MTA-STS policy, in one piece: the file's text and URL, the
 * mta-sts.<domain> records that point at the server, the certbot command and each web server's
 * settings. The wizard's Secure step, `mailwright plan` (text and --json) and the JSON export all
 * read this, from the same plan and the same look-up as recordsToPublish, so the policy they show
 * is the one whose id the _mta-sts record carries.
 */

/** The MTA-STS policy and how to serve it (undefined when the plan did not choose MTA-STS). */
export interface MtaStsSetup {
  policy: MtaStsPlan;
  /** The A / AAAA records for mta-sts.<domain>, as the Records step lists them. */
  records: PlannedRecord[];
  /** Where to save the policy file on the mail server, for the web server settings. */
  policyFile: string;
  /** One certificate for the mail host and mta-sts.<domain>, keeping the key on renewal. */
  certbot: string;
  /** nginx, Caddy and Apache settings that serve the file from the mail server. */
  webServers: ServingSnippet[];
  /** How to host the file somewhere else instead. */
  elsewhere: string;
}

/** The MTA-STS setup for a plan, given what the domain publishes today (its MX join the policy). */
export function mtaStsSetup(
  plan: Plan,
  published: PublishedToday | null | undefined,
  records: readonly PlannedRecord[],
): MtaStsSetup | undefined {
  const mx = (existingRecordsFor(plan, published).mx ?? []).map((m) => m.exchange);
  const policy = mtaStsPlan(plan, mx);
  if (!policy) return undefined;
  return {
    policy,
    records: records.filter((r) => r.name === policy.host && (r.type === 'A' || r.type === 'AAAA')),
    policyFile: policyFilePath(policy.host),
    certbot: certbotCommand(plan.mailHost, [policy.host]),
    webServers: servingSnippets(policy, plan.mailHost),
    elsewhere: `To host the file elsewhere (a static web host with HTTPS for ${policy.host}), point ${policy.host} there with a CNAME instead of the A record, and put the file at ${policy.url}.`,
  };
}
