import type {
  Lookup,
  ObservedAnswer,
  ObservedOutcome,
  ObservedRecord,
  ViewKind,
} from '../../../shared/checks/dns-observation';

/** One view's answer, hand-built. */
export function answer(
  name: string,
  type: ObservedAnswer['type'],
  outcome: ObservedOutcome,
  records: ObservedRecord[] = [],
  extra: Partial<ObservedAnswer> = {},
): ObservedAnswer {
  return { name, type, outcome, records, server: '127.0.0.1:53', elapsedMs: 1, ...extra };
}

/** A lookup seen by an authoritative server and a public resolver. */
export function lookup(
  name: string,
  type: ObservedAnswer['type'],
  views: { kind: ViewKind; answer: ObservedAnswer }[],
): Lookup {
  return {
    name,
    type,
    answers: views.map((v, i) => ({
      view: `${v.kind}:${i}`,
      kind: v.kind,
      label: v.kind === 'authoritative' ? 'ns1.example.test' : `Resolver ${i}`,
      answer: v.answer,
    })),
  };
}

/** The same answer from the DNS host and a public resolver. */
export function agreed(
  name: string,
  type: ObservedAnswer['type'],
  outcome: ObservedOutcome,
  records: ObservedRecord[] = [],
): Lookup {
  return lookup(name, type, [
    { kind: 'authoritative', answer: answer(name, type, outcome, records) },
    { kind: 'public', answer: answer(name, type, outcome, records) },
  ]);
}

/** A TXT record. */
export const txt = (name: string, ...strings: string[]): ObservedRecord => ({
  type: 'TXT',
  name,
  ttl: 300,
  strings,
});
/** An A or AAAA record. */
export const addr = (name: string, address: string, ttl = 300): ObservedRecord => ({
  type: address.includes(':') ? 'AAAA' : 'A',
  name,
  ttl,
  address,
});
