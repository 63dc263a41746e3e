import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/**
 * The options of one verification run: the CLI's flags (docs/CHECKS.md) and the app's settings. Every
 * field is optional; a missing one means the real-world default (system + public resolvers,
 * port 53 for nameservers, the default block lists, port 25 and a well-known control MX).
 */
export const verifyOptionsSchema = z.object({
  /** Recursive resolvers "HOST[:PORT]" to use instead of the system and public ones. */
  resolvers: z.array(z.string().min(1)).optional(),
  /** Port used when asking authoritative servers directly (default 53). */
  nsPort: z.number().int().min(1).max(65535).optional(),
  /** Block-list zones replacing the default lists. */
  dnsblZones: z.array(z.string().min(1)).optional(),
  /** Skip the block lists. */
  noDnsbl: z.boolean().optional(),
  /** Spamhaus Data Query Service key: asks Spamhaus through DQS, which works from any resolver. */
  dqsKey: z
    .string()
    .regex(/^[a-z0-9]{8,64}$/i, 'A DQS key is letters and digits only.')
    .optional(),
  /** SMTP port of the mail host (default 25). */
  smtpPort: z.number().int().min(1).max(65535).optional(),
  /**
   * An IP literal the SMTP checks connect to instead of the mail host's addresses (an SSH tunnel's
   * end, a test server); the certificate and greeting are still judged against the mail host name.
   */
  smtpAddress: z
    .string()
    .refine(
      (v) => ipaddr.IPv4.isValidFourPartDecimal(v) || ipaddr.IPv6.isValid(v),
      'The SMTP address must be an IP address, for example 127.0.0.1.',
    )
    .optional(),
  /** Well-known MX "HOST[:PORT]" to tell whether this network blocks port 25; "none" skips it. */
  controlMx: z.string().min(1).optional(),
  /** Skip the SMTP checks. */
  noSmtp: z.boolean().optional(),
  /** Time limit of each network operation, in milliseconds (default 5000). */
  timeoutMs: z.number().int().min(50).max(120_000).optional(),
  /** The plan file's path as given to the CLI, so "run this on your server" fixes name it. */
  planFile: z.string().min(1).optional(),
  /** How many queries may be in flight at once (default 64). */
  concurrency: z.number().int().min(1).max(512).optional(),
});

/** See verifyOptionsSchema. */
export type VerifyOptions = z.infer<typeof verifyOptionsSchema>;

/** The per-operation time limit used when none is given. */
export const DEFAULT_TIMEOUT_MS = 5000;
