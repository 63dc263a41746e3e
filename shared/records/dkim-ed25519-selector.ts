/**
 * The selector of an Ed25519 key published beside an RSA key. Both keys are in DNS at once and
 * each record holds one key, so the Ed25519 key needs a name of its own; deriving it from the
 * RSA selector keeps the pair side by side in the DNS host's list.
 */

const SUFFIX = '-ed25519';
/** The longest selector the key maker accepts (one DNS label). */
const MAX_SELECTOR = 63;

/** "<selector>-ed25519", the RSA selector cut short when needed so the result fits 63 characters. */
export function ed25519SelectorFor(rsaSelector: string): string {
  // A selector may not end in a hyphen, dot or underscore once it is cut short.
  const head = rsaSelector
    .trim()
    .toLowerCase()
    .slice(0, MAX_SELECTOR - SUFFIX.length)
    .replace(/[-_.]+$/, '');
  return `${head || 'dkim'}${SUFFIX}`;
}
