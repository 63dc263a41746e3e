import { z } from 'zod';
import { STEP_IDS } from './steps';

/**
 * What the user typed, exactly as typed: the wizard saves this on every change so nothing is
 * lost, and derives the plan (plan.ts) from it. Later steps add their fields here; unknown
 * fields written by a newer version are kept (loose object).
 */
export const draftSchema = z.looseObject({
  domain: z.string().default(''),
  mailHostLabel: z.string().default('mail'),
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
});

/** See projectSummarySchema. */
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

/** A project file the store could not read; it was moved aside, never overwritten. */
export const storeProblemSchema = z.object({
  file: z.string(),
  keptAs: z.string(),
  message: z.string(),
});

/** See storeProblemSchema. */
export type StoreProblem = z.infer<typeof storeProblemSchema>;
