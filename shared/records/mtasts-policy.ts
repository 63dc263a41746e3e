/**
 * The MTA-STS policy file (RFC 8461 §3.2): parse what a server serves, match MX hosts against its
 * `mx` patterns (§4.1), and build the file the planner suggests. Pure.
 */

/** The most a policy may be: RFC 8461 leaves it to senders; 64 KB is what common senders accept. */
export const MTA_STS_POLICY_MAX_BYTES = 65_536;

/** The longest max_age RFC 8461 §3.2 allows (one year). */
export const MTA_STS_MAX_AGE_LIMIT = 31_557_600;

/** A parsed policy; `problems` lists everything that makes senders reject or misread it. */
export interface MtaStsPolicy {
  version?: string;
  mode?: string;
  maxAge?: number;
  mx: string[];
  problems: string[];
}

/** Parse policy text: `key: value` lines (CRLF or LF), unknown keys ignored as the RFC says. */
export function parseMtaStsPolicy(text: string): MtaStsPolicy {
  const policy: MtaStsPolicy = { mx: [], problems: [] };
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      policy.problems.push(`the line "${line.slice(0, 60)}" is not "key: value"`);
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key !== 'mx' && seen.has(key)) {
      policy.problems.push(`"${key}" appears more than once`);
      continue;
    }
    seen.add(key);
    if (key === 'version') policy.version = value;
    else if (key === 'mode') policy.mode = value;
    else if (key === 'max_age') {
      if (/^\d{1,10}$/.test(value)) policy.maxAge = Number(value);
      else policy.problems.push(`max_age "${value}" is not a whole number of seconds`);
    } else if (key === 'mx') policy.mx.push(value.toLowerCase().replace(/\.$/, ''));
  }
  if (policy.version !== 'STSv1')
    policy.problems.push(
      policy.version === undefined
        ? 'the "version: STSv1" line is missing'
        : `version is "${policy.version}", not STSv1`,
    );
  if (policy.mode === undefined) policy.problems.push('the "mode" line is missing');
  else if (!['enforce', 'testing', 'none'].includes(policy.mode))
    policy.problems.push(`mode "${policy.mode}" is not enforce, testing or none`);
  if (policy.maxAge === undefined && !policy.problems.some((p) => p.startsWith('max_age')))
    policy.problems.push('the "max_age" line is missing');
  else if (policy.maxAge !== undefined && policy.maxAge > MTA_STS_MAX_AGE_LIMIT)
    policy.problems.push(
      `max_age ${policy.maxAge} is more than one year (${MTA_STS_MAX_AGE_LIMIT})`,
    );
  if (policy.mx.length === 0 && policy.mode !== 'none')
    policy.problems.push('there is no "mx" line, so no mail server is allowed');
  return policy;
}

/** Whether an MX host matches one policy pattern: exact, or "*.example.com" for one label more. */
export function mxMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.')) {
    const rest = p.slice(2);
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot + 1) === rest;
  }
  return h === p;
}

/** The MX hosts no pattern of the policy covers. */
export function uncoveredMx(hosts: readonly string[], patterns: readonly string[]): string[] {
  return hosts.filter((h) => !patterns.some((p) => mxMatches(h, p)));
}

/** Build the policy file text (CRLF line ends, as RFC 8461's example). */
export function buildMtaStsPolicy(input: {
  mode: string;
  maxAge: number;
  mx: readonly string[];
}): string {
  const lines = ['version: STSv1', `mode: ${input.mode}`];
  for (const mx of input.mx) lines.push(`mx: ${mx}`);
  lines.push(`max_age: ${input.maxAge}`);
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A policy id (1–32 letters and digits, RFC 8461 §3.1) derived from the policy text, so it changes
 * exactly when the policy changes: two FNV-1a hashes (not for security; only to tell versions apart).
 */
export function mtaStsPolicyId(policyText: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < policyText.length; i++) {
    const c = policyText.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The parts of a `v=STSv1; id=...` record, and what is wrong with it. */
export function parseMtaStsRecord(text: string): { id?: string; problems: string[] } {
  const problems: string[] = [];
  const fields = text
    .split(';')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields[0] !== 'v=STSv1') problems.push('it must start with "v=STSv1"');
  const idField = fields.find((f) => /^id\s*=/.test(f));
  const id = idField?.replace(/^id\s*=\s*/, '');
  if (id === undefined) problems.push('the "id=" field is missing');
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id))
    problems.push(`id "${id}" must be 1 to 32 letters and digits`);
  return { ...(id !== undefined ? { id } : {}), problems };
}

/** The parts of a `v=TLSRPTv1; rua=...` record, and what is wrong with it (RFC 8460 §3). */
export function parseTlsRptRecord(text: string): { rua: string[]; problems: string[] } {
  const problems: string[] = [];
  const fields = text
    .split(';')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields[0] !== 'v=TLSRPTv1') problems.push('it must start with "v=TLSRPTv1"');
  const ruaField = fields.find((f) => /^rua\s*=/.test(f));
  const rua = ruaField
    ? ruaField
        .replace(/^rua\s*=\s*/, '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean)
    : [];
  if (!ruaField) problems.push('the "rua=" field (where reports go) is missing');
  for (const u of rua)
    if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(u))
      problems.push(`"${u}" is not a mailto: or https: address`);
  return { rua, problems };
}
