import { z } from 'zod';
import { DMARC_POLICIES, MODES } from './plan-choices';

/**
 * The plan: everything the planner and the checker need to know about one mail setup.
 * This is also the plan file `mailwright check --plan` and `mailwright plan --plan` read, so
 * its keys stay compatible with docs/CHECKS.md (add optional keys; never rename one).
 * Values here are already normalised (punycode domain, canonical IPs); the raw text the user
 * typed lives in the project's draft (project.ts), so nothing typed is ever lost.
 */

/** A third-party service that also sends mail for the domain (ids from shared/providers/senders). */
export const senderSchema = z.union([
  z.string(),
  z.object({ id: z.string(), include: z.string().optional() }),
]);

/** DKIM part of the plan. */
export const dkimPlanSchema = z.object({
  selector: z.string(),
  /** Base64 of the public key, as in the record's p= tag. Optional: without it dkim.matches is skipped. */
  publicKey: z.string().optional(),
  keyType: z.enum(['rsa', 'ed25519']).optional(),
  /** Extra keys published alongside (e.g. an Ed25519 key next to the RSA one). */
  additional: z
    .array(
      z.object({
        selector: z.string(),
        publicKey: z.string(),
        keyType: z.enum(['rsa', 'ed25519']),
      }),
    )
    .optional(),
});

/** DMARC part of the plan. */
export const dmarcPlanSchema = z.object({
  policy: z.enum(DMARC_POLICIES),
  rua: z.string().optional(),
  ruf: z.string().optional(),
});

/** Schema of the plan file. */
export const planSchema = z.object({
  domain: z.string().min(1),
  mailHost: z.string().min(1),
  ipv4: z.array(z.string()).default([]),
  ipv6: z.array(z.string()).default([]),
  mode: z.enum(MODES).default('send-receive'),
  senders: z.array(senderSchema).default([]),
  dkim: dkimPlanSchema.optional(),
  dmarc: dmarcPlanSchema.optional(),
  /** SPF ending: "softfail" (~all, the first step) or "fail" (-all, once reports are clean). */
  spf: z.object({ all: z.enum(['softfail', 'fail']) }).optional(),
  /** Catalogue id of the DNS host (shared/providers), e.g. "cloudflare". */
  dnsHost: z.string().optional(),
  /** Catalogue id of the VPS host, e.g. "hetzner". */
  vpsHost: z.string().optional(),
  /** Catalogue id of the mail software, e.g. "postfix-rspamd". */
  mailSoftware: z.string().optional(),
});

/** The plan, validated. */
export type Plan = z.infer<typeof planSchema>;
/** The plan as written in a file (defaults not yet applied). */
export type PlanInput = z.input<typeof planSchema>;
