/**
 * Just enough DER reading to tell what a DKIM p= holds: an RSA key (SubjectPublicKeyInfo, or
 * the bare PKCS#1 RSAPublicKey some software publishes) and its size, or an Ed25519 key (32 raw
 * bytes per RFC 8463). A key cut short (a TXT string lost in a DNS panel) shows up as a length
 * that runs past the end, so it gets its own answer.
 */

/** What a public key's bytes turned out to be. */
export type PublicKeyInfo =
  | { ok: true; type: 'rsa'; bits: number; format: 'spki' | 'pkcs1' }
  | { ok: true; type: 'ed25519'; bits: 256; format: 'raw' | 'spki' }
  | { ok: false; reason: 'truncated' | 'not-a-key' | 'unsupported'; message: string };

interface Der {
  tag: number;
  start: number;
  end: number;
}

const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const ED25519_OID = [0x2b, 0x65, 0x70];

class Truncated extends Error {}

/** Read the DER element at `pos`; throws Truncated when it runs past `limit`. */
function read(bytes: Uint8Array, pos: number, limit: number): Der | null {
  if (pos + 2 > limit) throw new Truncated();
  const tag = bytes[pos] as number;
  let len = bytes[pos + 1] as number;
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) return null;
    if (start + n > limit) throw new Truncated();
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (bytes[start + i] as number);
    start += n;
  }
  if (start + len > limit) throw new Truncated();
  return { tag, start, end: start + len };
}

function equals(bytes: Uint8Array, el: Der, expected: number[]): boolean {
  if (el.end - el.start !== expected.length) return false;
  return expected.every((b, i) => bytes[el.start + i] === b);
}

/** Bit length of an unsigned big-endian INTEGER's content. */
function integerBits(bytes: Uint8Array, el: Der): number {
  let i = el.start;
  while (i < el.end && bytes[i] === 0) i++;
  if (i === el.end) return 0;
  const top = bytes[i] as number;
  return (el.end - i - 1) * 8 + (32 - Math.clz32(top));
}

/** Read an RSAPublicKey (SEQUENCE { modulus, exponent }) and return the modulus size. */
function rsaBits(bytes: Uint8Array, seq: Der): number | null {
  if (seq.tag !== 0x30) return null;
  const n = read(bytes, seq.start, seq.end);
  if (!n || n.tag !== 0x02) return null;
  const e = read(bytes, n.end, seq.end);
  if (!e || e.tag !== 0x02) return null;
  return integerBits(bytes, n);
}

const NOT_A_KEY = {
  ok: false,
  reason: 'not-a-key',
  message: 'The key (p=) is not a public key: the text decodes, but not to a key.',
} as const;

/**
 * Describe the public key in a DKIM p= value (already base64-decoded). `k` is the record's key
 * type, which decides how 32 raw bytes are read.
 */
export function describePublicKey(bytes: Uint8Array, k: 'rsa' | 'ed25519' = 'rsa'): PublicKeyInfo {
  if (k === 'ed25519') {
    if (bytes.length === 32) return { ok: true, type: 'ed25519', bits: 256, format: 'raw' };
  }
  try {
    const outer = read(bytes, 0, bytes.length);
    if (!outer || outer.tag !== 0x30) return NOT_A_KEY;
    const firstInner = read(bytes, outer.start, outer.end);
    if (!firstInner) return NOT_A_KEY;
    if (firstInner.tag === 0x02) {
      // PKCS#1 RSAPublicKey: the modulus comes first.
      const bits = rsaBits(bytes, outer);
      return bits ? { ok: true, type: 'rsa', bits, format: 'pkcs1' } : NOT_A_KEY;
    }
    if (firstInner.tag !== 0x30) return NOT_A_KEY;
    const oid = read(bytes, firstInner.start, firstInner.end);
    if (!oid || oid.tag !== 0x06) return NOT_A_KEY;
    const bitString = read(bytes, firstInner.end, outer.end);
    if (!bitString || bitString.tag !== 0x03) return NOT_A_KEY;
    if (equals(bytes, oid, ED25519_OID)) {
      return bitString.end - bitString.start === 33
        ? { ok: true, type: 'ed25519', bits: 256, format: 'spki' }
        : NOT_A_KEY;
    }
    if (!equals(bytes, oid, RSA_OID)) {
      return {
        ok: false,
        reason: 'unsupported',
        message: 'The key (p=) is of a kind DKIM does not use. DKIM keys are RSA or Ed25519.',
      };
    }
    const inner = read(bytes, bitString.start + 1, bitString.end);
    if (!inner) return NOT_A_KEY;
    const bits = rsaBits(bytes, inner);
    return bits ? { ok: true, type: 'rsa', bits, format: 'spki' } : NOT_A_KEY;
  } catch (e) {
    if (e instanceof Truncated) {
      return {
        ok: false,
        reason: 'truncated',
        message:
          'The key (p=) is cut off: it is shorter than it says it is. Part of it was probably lost when it was pasted; copy the whole key again.',
      };
    }
    throw e;
  }
}
