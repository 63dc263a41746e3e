/** Types for punycode.js (the userland package; Node's built-in punycode is deprecated). */
declare module 'punycode.js' {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
  const punycode: { toASCII: typeof toASCII; toUnicode: typeof toUnicode };
  export default punycode;
}
