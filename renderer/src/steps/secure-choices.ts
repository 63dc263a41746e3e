import type { Draft } from '../../../shared/model/project';
import type { SecuritySection } from '../../../shared/model/security-choices';

/** The draft's security section with one part changed (undefined/false removes the part). */
export function withPart<K extends keyof SecuritySection>(
  section: Draft['security'],
  part: K,
  value: SecuritySection[K] | undefined,
): Partial<Draft> {
  const next: Record<string, unknown> = { ...(section ?? {}) };
  if (value === undefined || value === false) delete next[part];
  else next[part] = value;
  return { security: Object.keys(next).length ? (next as Draft['security']) : null };
}
