import { z } from 'zod';
import { MTA_STS_MODES } from './security-choices';

/**
 * Schema of the plan's `security` section (docs/CHECKS.md, "The plan file"): which optional
 * hardening the user wants. Each part is `true` (the defaults) or an object.
 */
export const securityPlanSchema = z.object({
  /** MTA-STS (RFC 8461): mode, max_age in seconds, extra mx patterns for the policy. */
  mtaSts: z
    .union([
      z.boolean(),
      z.object({
        mode: z.enum(MTA_STS_MODES).optional(),
        maxAge: z.number().int().min(86_400).max(31_557_600).optional(),
        mx: z.array(z.string().min(1)).optional(),
      }),
    ])
    .optional(),
  /** TLS-RPT (RFC 8460): where reports go (a mailto: or https: URI; default the DMARC rua). */
  tlsRpt: z
    .union([
      z.boolean(),
      z.object({
        rua: z
          .string()
          .regex(/^(mailto:|https:\/\/)\S+$/i, 'rua must start with mailto: or https://')
          .optional(),
      }),
    ])
    .optional(),
  /**
   * DANE (RFC 7672): TLSA "3 1 1" records for the mail host (needs DNSSEC). `keyHashes`: SHA-256
   * of the server's public key (hex), the current one first, the next one during a key change.
   */
  dane: z
    .union([
      z.boolean(),
      z.object({
        keyHashes: z
          .array(z.string().regex(/^[0-9a-fA-F]{64}$/, 'a key hash is 64 hex digits (SHA-256)'))
          .optional(),
      }),
    ])
    .optional(),
  /** CAA: which CAs may issue certificates (domains as in CAA, e.g. "letsencrypt.org"). */
  caa: z
    .union([z.boolean(), z.object({ issuers: z.array(z.string().min(1)).optional() })])
    .optional(),
});
