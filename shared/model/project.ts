import { z } from 'zod';
import { DRAFT_DEFAULTS as D } from './draft-defaults';
import { securityPlanSchema } from './security-plan';
import { DMARC_POLICIES, MODES } from './plan-choices';
import { STEP_IDS } from './steps';

/** What a domain published when the wizard last looked (the planner merges with it). */
export const publishedRecordsSchema = z.object({
  /** The joined text of each v=spf1 TXT record at the domain. */
  spf: z.array(z.string()),
  /** The joined text of each TXT record at _dmarc.<domain>. */
  dmarc: z.array(z.string()),
  mx: z.array(z.object({ preference: z.number(), exchange: z.string() })),
  /** The joined text of each v=spf1 TXT record at the mail host. */
  mailHostSpf: z.array(z.string()),
  /**
   * The mail host name's A and AAAA addresses today (at the apex: usually the website's).
   * Older files lack it: then nobody looked.
   */
  mailHostAddresses: z.array(z.string()).optional(),
  /**
   * For a subdomain without a DMARC record of its own: the first DMARC record up the tree
   * (RFC 9989's walk), which receivers apply to it. Absent when not looked for or none found.
   */
  dmarcInherited: z.object({ at: z.string(), texts: z.array(z.string()) }).optional(),
  /** The DNS zone the domain lives in (the owner of its SOA), when the look-up found it. */
  zone: z.string().optional(),
  /** Lookups that could not be made, in plain words (their lists are then empty). */
  problems: z.array(z.string()),
  /**
   * The lists above that could not be read (empty because nobody answered, not because nothing
   * is published): the wizard must not say "no MX record" about those. Older files lack it.
   */
  unread: z.array(z.enum(['spf', 'dmarc', 'mx', 'mailHostSpf', 'mailHostAddresses'])).optional(),
});

/** See publishedRecordsSchema. */
export type PublishedRecords = z.infer<typeof publishedRecordsSchema>;

/**
 * A look at what a domain publishes, with the names it was made for: what the exports and the
 * JSON export carry, so every output merges the plan with the same records (records-to-publish.ts).
 */
export const publishedTodaySchema = publishedRecordsSchema.extend({
  domain: z.string().optional(),
  mailHost: z.string().optional(),
  checkedAt: z.string().optional(),
});

/** A DKIM key made on this computer: its public part and where the private key file is. */
export const generatedKeySchema = z.object({
  selector: z.string(),
  keyType: z.enum(['rsa', 'ed25519']),
  publicKey: z.string(),
  record: z.string(),
  keyFile: z.string(),
});

/** See generatedKeySchema. */
export type GeneratedKey = z.infer<typeof generatedKeySchema>;

/**
 * What the user typed, exactly as typed: the wizard saves this on every change so nothing is
 * lost, and derives the plan (plan.ts) from it. Later steps add their fields here; unknown
 * fields written by a newer version are kept (loose object). Fields after the first two are
 * optional in the type (older project files and callers that build a draft by hand lack them)
 * but parsing fills in their defaults (DRAFT_DEFAULTS): read a draft through `draftSchema.parse`,
 * or fill a draft that is already checked with `withDraftDefaults` (draft-defaults.ts).
 */
export const draftSchema = z.looseObject({
  domain: z.string().default(D.domain),
  mailHostLabel: z.string().default(D.mailHostLabel),
  /** IPv4 address(es) as typed; several may be separated by commas or spaces. */
  ipv4: z.string().default(D.ipv4).optional(),
  /** IPv6 address(es) as typed; empty when the server has none. */
  ipv6: z.string().default(D.ipv6).optional(),
  /** '' until the user chooses (see mode-default.ts: no default when mail is received elsewhere). */
  mode: z
    .enum([...MODES, ''])
    .default(D.mode)
    .optional(),
  /** Catalogue ids (shared/providers); '' until the user chooses. */
  vpsHost: z.string().default(D.vpsHost).optional(),
  mailSoftware: z.string().default(D.mailSoftware).optional(),
  dnsHost: z.string().default(D.dnsHost).optional(),
  /** Third-party sender ids (shared/providers/senders). */
  senders: z
    .array(z.string())
    .default([...D.senders])
    .optional(),
  /** The SPF include for the "other" sender, as typed. */
  otherSenderInclude: z.string().default(D.otherSenderInclude).optional(),
  /** Where the DKIM key comes from: pasted from the mail software, or generated here. */
  dkimSource: z.enum(['paste', 'generate']).default(D.dkimSource).optional(),
  /** The selector as typed; '' means the mail software's default. */
  dkimSelector: z.string().default(D.dkimSelector).optional(),
  /** The DKIM record or key exactly as pasted. */
  dkimPaste: z.string().default(D.dkimPaste).optional(),
  /** A key generated on this computer: only its public part and the private key file's path. */
  dkimGenerated: generatedKeySchema.nullable().default(D.dkimGenerated).optional(),
  /**
   * An Ed25519 key generated beside the RSA one (RFC 8463), under its own selector: published
   * in addition to the RSA key, never instead of it. Same shape as dkimGenerated.
   */
  dkimGeneratedEd25519: generatedKeySchema.nullable().default(D.dkimGeneratedEd25519).optional(),
  /** Where DMARC reports go, as typed (an address or a mailto: URI); '' for none. */
  dmarcRua: z.string().default(D.dmarcRua).optional(),
  dmarcPolicy: z.enum(DMARC_POLICIES).default(D.dmarcPolicy).optional(),
  /** What the user tells their VPS host about their mail (port 25 request), as typed. */
  sendingPurpose: z.string().default(D.sendingPurpose).optional(),
  sendingAudience: z.string().default(D.sendingAudience).optional(),
  sendingVolume: z.string().default(D.sendingVolume).optional(),
  /** The optional "Secure delivery" choices, in the plan's own form (security-plan.ts). */
  security: securityPlanSchema.nullable().default(D.security).optional(),
  /** The user name the user logs in to their server with (the DKIM key's copy command), as typed. */
  sshUser: z.string().default(D.sshUser).optional(),
  /** The last look at what the domain publishes, for the names it was made for. */
  published: publishedRecordsSchema
    .extend({ domain: z.string(), mailHost: z.string(), checkedAt: z.string() })
    .nullable()
    .default(D.published)
    .optional(),
});

/** See draftSchema. */
export type Draft = z.infer<typeof draftSchema>;

/** A project name: what the user calls this setup. */
export const projectNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the project a name, for example the domain it is for.')
  .max(120, 'Keep the project name under 120 characters.');

/** Schema of one saved project. */
export const projectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{6,64}$/),
  name: projectNameSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The step the user was on, restored on reopen. */
  step: z.enum(STEP_IDS).default('domain'),
  draft: draftSchema,
});

/** One saved project. */
export type Project = z.infer<typeof projectSchema>;

/** What the projects list shows for each project. */
export const projectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  updatedAt: z.string(),
  step: z.enum(STEP_IDS),
  /** The newest stored verification run, for the status at a glance; absent before any check. */
  lastRun: z
    .object({
      startedAt: z.string(),
      fail: z.number(),
      warn: z.number(),
      pending: z.number(),
      unknown: z.number(),
      cancelled: z.boolean().optional(),
    })
    .optional(),
});

/** See projectSummarySchema. */
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

/**
 * A project folder the store could not list as it is: a file it could not read (moved aside, or
 * left in place when the data folder is read-only; never overwritten), or a folder copied by hand.
 * `message` is the whole sentence to show.
 */
export const storeProblemSchema = z.object({
  file: z.string(),
  /** Where the file is now (the aside copy, or the file itself when it stayed in place). */
  keptAs: z.string(),
  message: z.string(),
});

/** See storeProblemSchema. */
export type StoreProblem = z.infer<typeof storeProblemSchema>;
