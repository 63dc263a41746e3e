/**
 * DNS names as this layer compares them: lowercase ASCII, no trailing dot, root as "".
 * DNS is case-insensitive, and servers echo whatever case the zone file used.
 */

/** Canonical form of a name: lowercase, without the trailing dot. */
export function canonicalName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The parent of a name ("mail.example.com" -> "example.com"; a TLD -> "" for the root; root -> undefined). */
export function parentName(name: string): string | undefined {
  const n = canonicalName(name);
  if (n === '') return undefined;
  const dot = n.indexOf('.');
  return dot === -1 ? '' : n.slice(dot + 1);
}

/** Whether `name` equals `ancestor` or lies under it (the root is everyone's ancestor). */
export function isAtOrUnder(name: string, ancestor: string): boolean {
  const n = canonicalName(name);
  const a = canonicalName(ancestor);
  return a === '' || n === a || n.endsWith(`.${a}`);
}

/**
 * Why a name cannot be asked (a label over 63 bytes, the whole over 253, an empty label), or
 * undefined when it can. Checked before sending, so a typo never becomes a malformed packet.
 */
export function dnsNameProblem(name: string): string | undefined {
  const n = canonicalName(name);
  if (n === '') return undefined;
  if (new TextEncoder().encode(n).length > 253) return `"${n}" is longer than 253 characters`;
  for (const label of n.split('.')) {
    if (label === '') return `"${n}" has an empty label (two dots in a row)`;
    if (new TextEncoder().encode(label).length > 63) {
      return `"${n}" has a part longer than 63 characters`;
    }
  }
  return undefined;
}
