/**
 * Provider facts. Hosting companies change their forms and policies often, so every fact the
 * app shows about a DNS host or a VPS host says where it came from, when it was checked and how
 * sure we are. The UI shows the date and links the source; a fact we could not find stays
 * "unknown" and the app gives generic advice instead of a guess.
 */

/** How sure a fact is. */
export const CERTAINTIES = ['documented', 'reported', 'unknown'] as const;

/**
 * documented: the provider's own documentation (or its official API/tooling docs) says so.
 * reported: users, third-party guides or public issue threads say so; not confirmed by the provider.
 * unknown: no source found; the app must not pretend to know.
 */
export type Certainty = (typeof CERTAINTIES)[number];

/** The month Mailwright's provider research was recorded (the notes give no day). */
export const RESEARCH_CHECKED = '2026-11';

/** Said next to a fact whose check date comes from the research notes rather than a dated page. */
export const RESEARCH_NOTE = "from Mailwright's provider research notes";

/** The document to cite when the research found nothing. */
export const RESEARCH_NOTES_SOURCE =
  "Mailwright's provider research notes (docs/research/providers.md)";

/** Where a fact came from, when it was checked and how sure it is. */
export interface Provenance {
  certainty: Certainty;
  /** A URL or a named document (e.g. "Hetzner Cloud FAQ, quoted in LukeSmithxyz/emailwiz#317"). */
  source: string;
  /** When the fact was checked: YYYY-MM or YYYY-MM-DD. */
  checked: string;
  /** Why the date is what it is, a quote, or what is inference rather than stated. */
  note?: string;
}

/** A fact with a value and a source. */
export interface KnownFact<T> extends Provenance {
  certainty: 'documented' | 'reported';
  value: T;
}

/** A fact we looked for and did not find. `note` says what is unknown. */
export interface UnknownFact extends Provenance {
  certainty: 'unknown';
  value?: undefined;
  note: string;
}

/** A provider fact: known (with its value) or unknown (with the reason). */
export type Fact<T> = KnownFact<T> | UnknownFact;

/** Optional parts of a fact's provenance. */
export interface FactOptions {
  checked?: string;
  note?: string;
}

function known<T>(
  certainty: 'documented' | 'reported',
  value: T,
  source: string,
  options: FactOptions,
): KnownFact<T> {
  const checked = options.checked ?? RESEARCH_CHECKED;
  // The research notes give months, not days; say so wherever the default date is used.
  const note = options.note ?? (options.checked === undefined ? RESEARCH_NOTE : undefined);
  return note === undefined
    ? { certainty, value, source, checked }
    : { certainty, value, source, checked, note };
}

/** A fact stated in the provider's own documentation. */
export function documented<T>(value: T, source: string, options: FactOptions = {}): KnownFact<T> {
  return known('documented', value, source, options);
}

/** A fact reported by users or third parties, not confirmed by the provider. */
export function reported<T>(value: T, source: string, options: FactOptions = {}): KnownFact<T> {
  return known('reported', value, source, options);
}

/** A fact the research did not find. `what` says what is unknown, in a sentence. */
export function unknownFact(what: string, source: string = RESEARCH_NOTES_SOURCE): UnknownFact {
  return { certainty: 'unknown', source, checked: RESEARCH_CHECKED, note: what };
}

/** Whether a fact has a value. */
export function isKnown<T>(fact: Fact<T>): fact is KnownFact<T> {
  return fact.certainty !== 'unknown';
}

/** A plain-language line for the UI: "Source: … (checked 2026-11, reported by users)". */
export function describeProvenance(fact: Provenance): string {
  const how =
    fact.certainty === 'documented'
      ? "from the provider's documentation"
      : fact.certainty === 'reported'
        ? 'reported by users or third parties, not confirmed by the provider'
        : 'not found in our research';
  return `Source: ${fact.source} (checked ${fact.checked}; ${how}).`;
}

/**
 * The fact's note when it tells the user something (a quote, a caveat); undefined for the
 * routine "from the research notes" date remark, which belongs in the source line only.
 */
export function remarkOf(fact: Provenance): string | undefined {
  return fact.note === undefined || fact.note === RESEARCH_NOTE ? undefined : fact.note;
}
