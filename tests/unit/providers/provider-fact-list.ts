import type { Provenance } from '../../../shared/providers/provider-fact';

/** One fact found in a catalogue entry, with the path to it (e.g. "port25", "quirks[0]"). */
export interface FoundFact {
  path: string;
  fact: Provenance & { value?: unknown };
}

/**
 * Every fact inside a catalogue entry (a DNS host, a VPS host, or a whole catalogue), for the
 * test that no fact lacks a source.
 */
export function listFacts(entry: unknown, path = ''): FoundFact[] {
  if (Array.isArray(entry)) return entry.flatMap((v, i) => listFacts(v, `${path}[${i}]`));
  if (entry === null || typeof entry !== 'object') return [];
  const record = entry as Record<string, unknown>;
  const here: FoundFact[] =
    typeof record.certainty === 'string'
      ? [{ path, fact: record as unknown as Provenance & { value?: unknown } }]
      : [];
  // A fact's value is data, not more facts.
  const nested = Object.entries(record)
    .filter(([key]) => !(here.length > 0 && key === 'value'))
    .flatMap(([key, v]) => listFacts(v, path === '' ? key : `${path}.${key}`));
  return [...here, ...nested];
}
