/**
 * The "Secure delivery" choices of a plan (its `security` section), as plain values and a
 * normaliser. Apart from the schema (security-plan.ts) so the renderer can read them without
 * loading the schema library. Every part is optional hardening: a plan without the section
 * chooses none, and the checks then only inform (docs/CHECKS.md, "Secure delivery").
 */

/** MTA-STS policy modes, weakest first (RFC 8461 §5): the testing → enforce ladder. */
export const MTA_STS_MODES = ['testing', 'enforce'] as const;
/** See MTA_STS_MODES. */
export type MtaStsMode = (typeof MTA_STS_MODES)[number];

/** One week: the max_age the planner starts with (long enough to protect, short to correct). */
export const DEFAULT_MTA_STS_MAX_AGE = 604_800;

/** The CA the planner allows in CAA when the plan names none: Let's Encrypt, what most use. */
export const DEFAULT_CAA_ISSUERS: readonly string[] = ['letsencrypt.org'];

/** The security section as written in a plan file (each part `true` or an object). */
export interface SecuritySection {
  mtaSts?: boolean | { mode?: MtaStsMode; maxAge?: number; mx?: string[] };
  tlsRpt?: boolean | { rua?: string };
  dane?: boolean | { keyHashes?: string[] };
  caa?: boolean | { issuers?: string[] };
}

/** The choices with defaults filled in; a part not chosen is undefined. */
export interface SecurityChoices {
  mtaSts?: { mode: MtaStsMode; maxAge: number; mx: string[] };
  tlsRpt?: { rua?: string };
  /** keyHashes: lowercase hex SHA-256 of the public keys to publish (empty: not known yet). */
  dane?: { keyHashes: string[] };
  caa?: { issuers: string[] };
}

/** Which parts exist, for loops and wording. */
export const SECURITY_PARTS = ['mtaSts', 'tlsRpt', 'dane', 'caa'] as const;
/** One part of the security section. */
export type SecurityPart = (typeof SECURITY_PARTS)[number];

/** The plan's security choices with defaults filled in (none chosen when the section is absent). */
export function securityChoices(section: SecuritySection | undefined): SecurityChoices {
  const out: SecurityChoices = {};
  if (!section) return out;
  const sts = section.mtaSts;
  if (sts) {
    const o = sts === true ? {} : sts;
    out.mtaSts = {
      mode: o.mode ?? 'testing',
      maxAge: o.maxAge ?? DEFAULT_MTA_STS_MAX_AGE,
      mx: o.mx ?? [],
    };
  }
  const rpt = section.tlsRpt;
  if (rpt) out.tlsRpt = rpt === true || !rpt.rua ? {} : { rua: rpt.rua };
  const dane = section.dane;
  if (dane)
    out.dane = {
      keyHashes: dane === true ? [] : (dane.keyHashes ?? []).map((h) => h.toLowerCase()),
    };
  const caa = section.caa;
  if (caa) {
    const issuers = caa === true ? [] : (caa.issuers ?? []);
    out.caa = { issuers: issuers.length ? issuers : [...DEFAULT_CAA_ISSUERS] };
  }
  return out;
}

/** Whether the plan chose one part. */
export function chose(section: SecuritySection | undefined, part: SecurityPart): boolean {
  return securityChoices(section)[part] !== undefined;
}
