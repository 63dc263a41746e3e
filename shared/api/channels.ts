/**
 * Channel names and preload paths of contract calls and events. Kept apart from contract.ts so the
 * renderer can use them without bundling the schemas.
 */

/** The IPC channel a call travels on. */
export function callChannel(name: string): string {
  return `mailwright:call:${name}`;
}

/** The IPC channel an event travels on. */
export function eventChannel(name: string): string {
  return `mailwright:event:${name}`;
}

/** "verify.progress" → ["verify", "onProgress"]: where an event's subscribe function sits in the preload API. */
export function eventPath(name: string): [string, string] {
  const [ns, ev] = name.split('.') as [string, string];
  return [ns, `on${ev.charAt(0).toUpperCase()}${ev.slice(1)}`];
}
