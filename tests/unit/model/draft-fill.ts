import type { FilledDraft } from '../../../shared/model/draft-defaults';
import { draftSchema } from '../../../shared/model/project';

/**
 * Test helper: a whole draft from a partial object, as an older file would be read.
 * Fill in the defaults of a draft read from disk or from the wire (older files lack fields).
 * Field by field: one value a newer or older version wrote differently falls back to its
 * default alone, and never blanks the rest of what the user typed. This checks every value
 * with the schema library; a draft that is already checked only needs withDraftDefaults.
 */
export function fillDraft(draft: unknown): FilledDraft {
  const raw = typeof draft === 'object' && draft !== null ? (draft as Record<string, unknown>) : {};
  const parsed = draftSchema.safeParse(raw);
  if (parsed.success) return parsed.data as FilledDraft;
  const out: Record<string, unknown> = { ...raw };
  for (const [key, field] of Object.entries(draftSchema.shape)) {
    const one = field.safeParse(raw[key]);
    out[key] = one.success ? one.data : field.parse(undefined);
  }
  return out as FilledDraft;
}
