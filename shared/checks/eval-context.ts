import type { Plan } from '../model/plan';

/** What every evaluator gets beside its observations. */
export interface EvalContext {
  plan: Plan;
  /** When the observations were made (ISO); pending ETAs count from it. */
  observedAt: string;
  /** The zone's negative-cache TTL, for the ETA of a record that did not exist before. */
  negativeTtl?: number;
  /** The DNS host's display name when known (from the plan or detected), for fix wording. */
  dnsHostName?: string;
}

/** "at your DNS host (Cloudflare)" or "at your DNS host": where the user edits records. */
export function atDnsHost(ctx: EvalContext): string {
  return ctx.dnsHostName
    ? `in your DNS host's panel (${ctx.dnsHostName})`
    : "in your DNS host's panel";
}

/** A name relative to the domain, as most DNS panels want it: "mail", "@" for the apex. */
export function relativeName(name: string, domain: string): string {
  if (name === domain) return '@';
  return name.endsWith(`.${domain}`) ? name.slice(0, -domain.length - 1) : name;
}
