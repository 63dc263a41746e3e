import { z } from 'zod';
import {
  projectNameSchema,
  projectSchema,
  projectSummarySchema,
  storeProblemSchema,
} from '../model/project';

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
} as const;

/** Every main→renderer event: name → payload schema. */
export const events = {
  /** A project was created, saved, renamed or deleted (other windows/tabs refresh). */
  'projects.changed': z.object({ id: z.string(), change: z.enum(['saved', 'deleted']) }),
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
