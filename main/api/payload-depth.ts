/**
 * How deeply a call's payload nests. The contract's validation walks a payload recursively, so a
 * payload nested thousands of levels deep would end in "Maximum call stack size exceeded"; no
 * call needs more than a dozen levels, so anything past MAX_PAYLOAD_DEPTH is refused first, with
 * the place it goes too deep. The walk itself is iterative.
 */

/** The deepest nesting a call's payload may have. */
export const MAX_PAYLOAD_DEPTH = 64;

/** The path (like "project.draft.x") where a payload first nests deeper than `max`, or null. */
export function tooDeepAt(value: unknown, max = MAX_PAYLOAD_DEPTH): string | null {
  const stack: { value: unknown; depth: number; path: string[] }[] = [
    { value, depth: 0, path: [] },
  ];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop() as (typeof stack)[number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path.slice(0, 4).join('.') + (path.length > 4 ? '…' : '');
    for (const [k, child] of Object.entries(v)) {
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: depth + 1, path: path.length < 5 ? [...path, k] : path });
    }
  }
  return null;
}

/** The sentence for a payload that nests too deeply. */
export function tooDeepMessage(at: string): string {
  return `The request nests more than ${MAX_PAYLOAD_DEPTH} levels deep${at ? ` at "${at}"` : ''}; no call of Mailwright takes that. Send the values as the contract describes them.`;
}
