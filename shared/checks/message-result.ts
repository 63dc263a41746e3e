import { z } from 'zod';
import { checkDocumentSchema } from './verify-progress';

/**
 * A project's last test-message result, as stored beside the project and sent to the renderer:
 * the document of the check and whether the message passed. Never the message text itself.
 */
export const messageResultSchema = z.object({
  checkedAt: z.string(),
  source: z.enum(['file', 'paste', 'stdin']),
  /** The dropped file's name, when it was a file. */
  fileName: z.string().max(255).optional(),
  passed: z.boolean(),
  document: checkDocumentSchema,
});

/** See messageResultSchema. */
export type MessageResult = z.infer<typeof messageResultSchema>;
