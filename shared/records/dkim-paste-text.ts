import { decodeBase64, encodeBase64 } from './base64';
import { describePublicKey } from './public-key-der';

/**
 * The first step of reading a pasted DKIM key (see dkim-paste.ts): from what was pasted (a PEM
 * public key file, a zone-file snippet with quoted pieces, or unquoted text), the record's text
 * and the owner name the paste gave, or why the paste cannot be read.
 */

/** The record text found in a paste, and the owner name when the paste had one. */
export interface PastedText {
  recordText: string;
  owner?: string;
}

/** Why a paste cannot be read: a code for tests and the app, a sentence for the user. */
export interface PasteProblem {
  ok: false;
  code: string;
  message: string;
}

/** A problem with a paste. */
export function pasteProblem(code: string, message: string): PasteProblem {
  return { ok: false, code, message };
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const OWNER = /^\s*([A-Za-z0-9_.-]+?)\.?\s+(?:\d+\s+)?(?:IN\s+)?(?:\d+\s+)?TXT\b/i;

/** Wrap a PKCS#1 RSAPublicKey in a SubjectPublicKeyInfo, the form DKIM records normally use. */
function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const len = (n: number): number[] => {
    if (n < 0x80) return [n];
    const out: number[] = [];
    while (n > 0) {
      out.unshift(n & 0xff);
      n = Math.floor(n / 256);
    }
    return [0x80 | out.length, ...out];
  };
  const algorithm = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
  ];
  const bitString = [0x03, ...len(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...algorithm, ...bitString];
  return Uint8Array.from([0x30, ...len(body.length), ...body]);
}

/** Read the strings of a zone-file TXT value: every "..." piece, with \" \\ \; and \DDD unescaped. */
function quotedPieces(text: string): string[] {
  const pieces: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    pieces.push(
      (m[1] as string).replace(/\\(\d{3}|.)/g, (_, e: string) =>
        /^\d{3}$/.test(e) ? String.fromCharCode(Number(e)) : e,
      ),
    );
  }
  return pieces;
}

/** A PEM public key file: its key as a DKIM record (RSA in SPKI form, Ed25519 as its 32 raw bytes). */
function fromPem(label: string, body: string, notes: string[]): PastedText | PasteProblem {
  const bytes = decodeBase64(body.replace(/\s+/g, ''));
  if (!bytes)
    return pasteProblem(
      'bad-base64',
      'The public key file is damaged: its text is not valid base64. Copy the whole file again.',
    );
  let key = bytes;
  if (label === 'RSA PUBLIC KEY') {
    key = pkcs1ToSpki(bytes);
    notes.push('We converted the "RSA PUBLIC KEY" file into the usual public key form.');
  } else if (label !== 'PUBLIC KEY') {
    return pasteProblem(
      'not-a-key',
      `This is a "${label}" file, not a public key. Paste the public key or the DNS record.`,
    );
  }
  const info = describePublicKey(key, 'rsa');
  if (info.ok && info.type === 'ed25519') {
    // DKIM publishes the 32 raw bytes of an Ed25519 key, the last 32 of its SPKI form.
    notes.push('We took the 32 raw key bytes from the Ed25519 key file, as DKIM wants.');
    return { recordText: `v=DKIM1; k=ed25519; p=${encodeBase64(key.slice(key.length - 32))}` };
  }
  return { recordText: `v=DKIM1; k=rsa; p=${encodeBase64(key)}` };
}

/** A zone-file snippet with quoted pieces: the pieces joined, the owner name kept. */
function fromQuoted(input: string, notes: string[]): PastedText | PasteProblem {
  const owner = OWNER.exec(input)?.[1];
  const pieces = quotedPieces(input);
  if (pieces.length === 0)
    return pasteProblem(
      'quotes',
      'The quote marks in the paste do not pair up. Copy the record again.',
    );
  if (pieces.length > 1)
    notes.push(`We joined the ${pieces.length} quoted pieces into one record.`);
  return { recordText: pieces.join(''), ...(owner !== undefined ? { owner } : {}) };
}

/** Unquoted text: an optional owner, parentheses and line breaks dropped, a trailing comment cut. */
function fromUnquoted(input: string): PastedText {
  const ownerMatch = OWNER.exec(input);
  const rest = ownerMatch ? input.slice(ownerMatch[0].length) : input;
  const recordText = rest
    .replace(/[()]/g, ' ')
    .replace(/\\;/g, ';')
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(/\s*;\s*[-]{3,}.*$/s, '')
    .trim();
  return { recordText, ...(ownerMatch ? { owner: ownerMatch[1] as string } : {}) };
}

/** The record text of a paste (with `\;` and line breaks undone) and its owner, or its problem. */
export function textOfPaste(input: string, notes: string[]): PastedText | PasteProblem {
  if (/PRIVATE KEY-----/.test(input)) {
    return pasteProblem(
      'private-key',
      'This is a private key. Never publish it or share it: it lets anyone sign mail as you. Paste the public key or the DNS record instead.',
    );
  }
  const pem = PEM.exec(input);
  const found = pem
    ? fromPem(pem[1] as string, pem[2] as string, notes)
    : input.includes('"')
      ? fromQuoted(input, notes)
      : fromUnquoted(input);
  if ('ok' in found) return found;
  const recordText = found.recordText
    .replace(/\\;/g, ';')
    .replace(/[\r\n]+/g, '')
    .trim();
  return { ...found, recordText };
}
