import { z } from 'zod';
import {
  projectNameSchema,
  projectSchema,
  projectSummarySchema,
  publishedRecordsSchema,
  publishedTodaySchema,
  storeProblemSchema,
} from '../model/project';
import { planSchema } from '../model/plan';
import { verifyOptionsSchema } from '../checks/verify-options';
import { checkDocumentSchema, verifyProgressSchema } from '../checks/verify-progress';
import { runSummarySchema } from '../checks/run-summary';
import { MESSAGE_LIMITS } from '../checks/message-limits';
import { messageResultSchema } from '../checks/message-result';

/**
 * The one contract between the renderer and main. Every call the renderer can make and every
 * event main can send is declared here with a runtime schema. The Electron preload, the IPC
 * registration and the browser-mode HTTP host are all built from this map; a test fails when a
 * call has no handler.
 *
 * Adding a call = one entry here + one handler in main/api/handlers.
 */

const projectId = z.object({ id: z.string().min(1) });

/** Every renderer→main call: name → request and response schemas. */
export const calls = {
  'app.info': {
    request: z.object({}),
    response: z.object({
      version: z.string(),
      transport: z.enum(['electron', 'http']),
      dataDir: z.string(),
    }),
  },
  /**
   * A desktop notification (watch mode: "2 checks changed"). Only the desktop app shows it
   * itself; browser mode answers the error 'not-in-browser' and the renderer uses the browser's
   * Notification API instead.
   */
  'app.notify': {
    request: z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }),
    /** False when this system cannot show notifications (the page's live region still says it). */
    response: z.object({ shown: z.boolean() }),
  },
  'projects.list': {
    request: z.object({}),
    response: z.object({
      projects: z.array(projectSummarySchema),
      problems: z.array(storeProblemSchema),
    }),
  },
  'projects.get': { request: projectId, response: projectSchema },
  'projects.create': { request: z.object({ name: projectNameSchema }), response: projectSchema },
  'projects.save': { request: z.object({ project: projectSchema }), response: projectSchema },
  'projects.rename': {
    request: z.object({ id: z.string().min(1), name: projectNameSchema }),
    response: projectSchema,
  },
  'projects.duplicate': { request: projectId, response: projectSchema },
  'projects.delete': { request: projectId, response: z.object({ deleted: z.literal(true) }) },
  /**
   * What a domain publishes today (SPF, DMARC, MX, and the mail host's own SPF), so the plan
   * merges with it instead of replacing what works. 10 seconds at most; a lookup that could not
   * be made is listed in `problems` in plain words.
   */
  'dns.published': {
    request: z.object({
      domain: z
        .string()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9._-]+$/i),
      mailHost: z
        .string()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9._-]+$/i),
    }),
    response: publishedRecordsSchema,
  },
  /** The IPv4 and IPv6 addresses a name (the mail host) has today; 8 seconds at most. */
  'dns.addresses': {
    request: z.object({
      name: z
        .string()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9._-]+$/i),
    }),
    response: z.object({
      ipv4: z.array(z.string()),
      ipv6: z.array(z.string()),
      problem: z.string().nullable(),
    }),
  },
  /**
   * Make a DKIM key pair on this computer for a project. The private key is written (mode 0600)
   * into the project's folder; the answer carries only the public record and the file's path.
   */
  'dkim.generate': {
    request: z.object({
      projectId: z.string().min(1),
      selector: z
        .string()
        .min(1)
        .max(63)
        .regex(/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/i, 'Use letters, digits and hyphens.'),
      keyType: z.enum(['rsa', 'ed25519']).default('rsa'),
      /** Replace a key file made before for the same selector. */
      replace: z.boolean().default(false),
    }),
    response: z.object({
      selector: z.string(),
      keyType: z.enum(['rsa', 'ed25519']),
      bits: z.number(),
      publicKey: z.string(),
      record: z.string(),
      txtStrings: z.array(z.string()),
      keyFile: z.string(),
      warnings: z.array(z.string()),
    }),
  },
  /**
   * The generated private key file, on the user's explicit request. In the desktop app main
   * shows it in the file manager (`reveal`) or copies it where the user chooses (`save`, 0600):
   * the key never crosses IPC. In browser mode there is no file manager or dialog to open, so
   * `download` answers the PEM text once, over the loopback connection with the token header,
   * for the page to offer as a download: the only payload a private key ever travels in.
   */
  'dkim.keyFile': {
    request: z.object({
      projectId: z.string().min(1),
      selector: z.string().min(1).max(63),
      action: z.enum(['reveal', 'save', 'download']),
    }),
    response: z.object({
      /** Where the file is (reveal) or was saved (save); null when a save was cancelled. */
      path: z.string().nullable(),
      fileName: z.string(),
      /** Only for `download`, only in browser mode. */
      pem: z.string().optional(),
    }),
  },
  /**
   * Which company hosts a domain's DNS, recognised from its NS records (asked through this
   * computer's resolver, falling back to public ones; 8 seconds at most). A lookup that could not
   * be made answers with `problem` in plain words, never an error.
   */
  'dns.detectHost': {
    request: z.object({
      domain: z
        .string()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9._-]+$/i),
    }),
    response: z.object({
      nameServers: z.array(z.string()),
      detected: z
        .object({ id: z.string(), name: z.string(), alsoPossible: z.array(z.string()) })
        .nullable(),
      problem: z.string().nullable(),
    }),
  },
  /**
   * Run every check of a plan (the given one, or the project's). Progress streams as
   * `verify.progress` events with the run id; the finished run is stored in the project's history.
   * `runId` may be chosen by the caller so it can cancel before the answer arrives.
   */
  'verify.run': {
    request: z
      .object({
        projectId: z.string().min(1).optional(),
        plan: planSchema.optional(),
        options: verifyOptionsSchema.optional(),
        runId: z
          .string()
          .regex(/^[a-z0-9-]{6,64}$/)
          .optional(),
      })
      .refine((r) => r.projectId !== undefined || r.plan !== undefined, {
        message: 'Give a project or a plan to check.',
        path: ['plan'],
      }),
    response: z.object({
      runId: z.string(),
      stored: z.string().optional(),
      /** Why the finished run could not be stored (disk full, read-only folder), in plain words. */
      notSaved: z.string().optional(),
      document: checkDocumentSchema,
    }),
  },
  /** Cancel a running verification; its unfinished checks end "unknown" and the run still answers. */
  'verify.cancel': {
    request: z.object({ runId: z.string().min(1) }),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** The stored verification runs of a project, newest first. */
  'runs.list': {
    request: z.object({ projectId: z.string().min(1) }),
    response: z.object({ runs: z.array(runSummarySchema) }),
  },
  /** One stored verification run. */
  'runs.get': {
    request: z.object({ projectId: z.string().min(1), runId: z.string().min(1) }),
    response: checkDocumentSchema,
  },
  /** The setup summary PDF of a plan and its last run (none: "Not verified yet"), as base64. */
  'export.pdf': {
    request: z.object({
      plan: planSchema,
      /** What the domain publishes (the project's last look): the records merge with it. */
      published: publishedTodaySchema.nullish(),
      run: checkDocumentSchema.optional(),
      paper: z.enum(['a4', 'letter']).optional(),
      /** The last test message's result, for the "Ready for Gmail and Yahoo" table. */
      message: messageResultSchema.optional(),
    }),
    response: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
    }),
  },
  /** The BIND zone file of a plan's records, for DNS hosts that import one. */
  'export.zone': {
    request: z.object({ plan: planSchema, published: publishedTodaySchema.nullish() }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
  },
  /** The plan and its last run as one JSON file (the run as `mailwright check --json` prints it). */
  'export.json': {
    request: z.object({
      plan: planSchema,
      published: publishedTodaySchema.nullish(),
      run: checkDocumentSchema.optional(),
    }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
  },
  /**
   * Save an export (PDF, zone file, JSON) where the user chooses, through the desktop app's save
   * dialog. Browser mode answers the error 'not-in-browser': the renderer downloads there.
   */
  'export.save': {
    request: z.object({
      kind: z.enum(['pdf', 'zone', 'json']),
      suggestedName: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^/\\\0]+$/, 'A file name, without folders.'),
      base64: z.string().max(50_000_000),
    }),
    /** `path` is null when the user closed the dialog without saving. */
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * Check a test message the user sent themselves (pasted text, or a dropped .eml as base64, so
   * its bytes stay exact) against DNS as it is now, with the project's plan. The result is stored
   * with the project (the message text is not); `passed` marks the step done.
   */
  'message.check': {
    request: z
      .object({
        projectId: z.string().min(1).optional(),
        plan: planSchema.optional(),
        source: z.enum(['paste', 'file']),
        text: z
          .string()
          .max(
            MESSAGE_LIMITS.maxBytes,
            'The message is larger than 25 MB: send a test without attachments.',
          )
          .optional(),
        base64: z
          .string()
          .max(
            Math.ceil(MESSAGE_LIMITS.maxBytes / 3) * 4 + 4,
            'The file is larger than 25 MB: send a test without attachments.',
          )
          .optional(),
        fileName: z.string().max(255).optional(),
      })
      .refine((r) => (r.text === undefined) !== (r.base64 === undefined), {
        message: 'Give the message as text or as a file.',
        path: ['text'],
      }),
    response: messageResultSchema,
  },
  /** A project's last test-message result, or null before any. */
  'message.last': {
    request: z.object({ projectId: z.string().min(1) }),
    response: messageResultSchema.nullable(),
  },
} as const;

/** Every main→renderer event: name → payload schema. */
export const events = {
  /** A project was created, saved, renamed or deleted (other windows/tabs refresh). */
  'projects.changed': z.object({ id: z.string(), change: z.enum(['saved', 'deleted']) }),
  /** One step of a running verification (check started / finished with its finding / note). */
  'verify.progress': z.object({ runId: z.string(), progress: verifyProgressSchema }),
} as const;

/** The name of a call, e.g. "projects.save". */
export type CallName = keyof typeof calls;
/** The request type of a call. */
export type CallRequest<K extends CallName> = z.input<(typeof calls)[K]['request']>;
/** The request type of a call after validation (defaults applied). */
export type CallRequestParsed<K extends CallName> = z.output<(typeof calls)[K]['request']>;
/** The response type of a call. */
export type CallResponse<K extends CallName> = z.output<(typeof calls)[K]['response']>;
/** The name of an event. */
export type EventName = keyof typeof events;
/** The payload type of an event. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** All call names, in declaration order. */
export const CALL_NAMES = Object.keys(calls) as CallName[];
/** All event names. */
export const EVENT_NAMES = Object.keys(events) as EventName[];

export { callChannel, eventChannel, eventPath } from './channels';
