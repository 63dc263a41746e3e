import { checkOrder } from './catalogue';
import type { Finding } from './finding';

/**
 * The reading order of findings. With an Ed25519 key beside the RSA key, every dkim.* check has
 * one finding per key record; read check by check they alternate between the keys, so within a
 * group the findings about one key stay together, the main key first.
 */

function isDkimKeyName(subject: string): boolean {
  return /\._domainkey\./i.test(subject);
}

/**
 * Two subjects in reading order. For DKIM key names the shorter comes first: the Ed25519 key's
 * selector is the RSA key's with "-ed25519" added, so the main key leads.
 */
export function compareSubjects(a: string, b: string): number {
  if (isDkimKeyName(a) && isDkimKeyName(b)) return a.length - b.length || a.localeCompare(b);
  return a.localeCompare(b);
}

/** Findings of one group: by DKIM key record first (when there are several), then by catalogue order. */
export function compareInGroup(a: Finding, b: Finding): number {
  if (a.subject !== b.subject && isDkimKeyName(a.subject) && isDkimKeyName(b.subject))
    return compareSubjects(a.subject, b.subject);
  return checkOrder(a.check) - checkOrder(b.check) || compareSubjects(a.subject, b.subject);
}
