/** The parts of mailauth's internals the message check uses (they ship without types). */
declare module 'mailauth/lib/parse-received.js' {
  /** Parse one "Received:" header line into its clauses (from, by, with, tls, …). */
  export function parseReceived(line: string): unknown;
  /** The connecting address from a parsed "from" clause's TCP-info. */
  export function getClientAddress(from: unknown): string | false | undefined;
}
declare module 'mailauth/lib/tools.js' {
  /** Look up and parse a DKIM key record; throws with err.code (ENOTFOUND, ENODATA, EINVALIDVAL, …). */
  export function getPublicKey(
    type: 'DKIM' | 'ARC',
    name: string,
    minBitLength: number,
    resolver: (name: string, type: string) => Promise<unknown>,
  ): Promise<{ publicKey: Buffer | string; rr: string }>;
}
