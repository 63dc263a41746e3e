import type { Plan } from '../model/plan';
import { renderForDnsHost } from '../providers/dns-host-render';

/** What every evaluator gets beside its observations. */
export interface EvalContext {
  plan: Plan;
  /** When the observations were made (ISO); pending ETAs count from it. */
  observedAt: string;
  /** The zone's negative-cache TTL, for the ETA of a record that did not exist before. */
  negativeTtl?: number;
  /** The DNS host's display name when known (from the plan or detected), for fix wording. */
  dnsHostName?: string;
  /** The DNS host's catalogue id when known, so fixes name fields the way its form wants them. */
  dnsHostId?: string;
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

/**
 * What to type in the DNS host's Name field for a record at `name`: the host's own convention
 * when the host is known (shared/providers), else the name relative to the domain ("@" for it).
 */
export function nameField(name: string, ctx: EvalContext): string {
  const domain = ctx.plan.domain;
  if (ctx.dnsHostId && ctx.dnsHostId !== 'other') {
    const form = renderForDnsHost(
      {
        key: 'fix',
        name,
        type: 'TXT',
        subject: { kind: 'name' },
        value: '',
        ttl: 3600,
        where: 'dns-host',
        why: '',
        checks: [],
      },
      ctx.dnsHostId,
      domain,
    );
    if (form.where === 'dns-host') {
      const main = form.nameField === '' ? '(leave it empty)' : form.nameField;
      return form.nameFieldAlternative ? `${main}" (or "${form.nameFieldAlternative}` : main;
    }
  }
  return relativeName(name, domain);
}
