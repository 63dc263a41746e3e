import { decodeBase64, encodeBase64 } from './base64';
import { parseDkimRecord, type DkimKeyRecord } from './dkim-parse';
import { describePublicKey } from './public-key-der';
import { splitTxt } from './txt-split';

/**
 * Turn whatever a mail program printed for its DKIM key into the one record to publish. People
 * paste BIND snippets (opendkim-genkey, rspamadm: a name, "IN TXT", parentheses, quoted pieces,
 * line breaks, `\;`), the bare value from a web panel (mailcow, Mail-in-a-Box), just "p=...", a
 * bare base64 key, or a PEM public key file.
 */

/** The record made from a paste, or what is wrong with the paste. */
export type PastedDkimResult =
  | {
      ok: true;
      /** The record to publish, e.g. "v=DKIM1; k=rsa; p=MIIB...". */
      record: string;
      /** The record split into TXT strings of at most 255 bytes. */
      txtStrings: string[];
      /** The selector, when the paste named the record (e.g. "default" from "default._domainkey"). */
      selector?: string;
      /** The domain, when the paste gave the full name (e.g. "example.com"). */
      domain?: string;
      keyType: 'rsa' | 'ed25519';
      /** Key size in bits. */
      bits: number;
      /** The key as in p=, for the plan's dkim.publicKey. */
      publicKey: string;
      /** The parsed record, with any warnings. */
      parsed: DkimKeyRecord;
      /** Plain sentences about what was changed or should be known. */
      notes: string[];
    }
  | { ok: false; code: string; message: string };

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

function selectorOf(owner: string | undefined): { selector?: string; domain?: string } {
  if (!owner) return {};
  const m = /^(.+?)\._domainkey(?:\.(.+))?$/i.exec(owner.replace(/\.$/, ''));
  if (!m) return {};
  const out: { selector?: string; domain?: string } = { selector: (m[1] as string).toLowerCase() };
  if (m[2]) out.domain = m[2].toLowerCase();
  return out;
}

function fail(code: string, message: string): PastedDkimResult {
  return { ok: false, code, message };
}

/** Rebuild the tag list in one tidy line: "v=DKIM1; k=...; ...; p=..." with nothing else changed. */
function tidy(parsed: DkimKeyRecord, keyType: 'rsa' | 'ed25519', notes: string[]): string {
  const parts: string[] = ['v=DKIM1'];
  if (!('v' in parsed.tags)) notes.push('We added "v=DKIM1" at the start, as receivers expect.');
  if (!('k' in parsed.tags)) {
    if (keyType === 'ed25519')
      notes.push('We added "k=ed25519": without it receivers read the key as RSA.');
  }
  parts.push(`k=${keyType}`);
  for (const [name, value] of Object.entries(parsed.tags)) {
    if (name === 'v' || name === 'k' || name === 'p') continue;
    parts.push(`${name}=${value}`);
  }
  parts.push(`p=${parsed.publicKey}`);
  return parts.join('; ');
}

/**
 * Normalise a pasted DKIM record or key into the record to publish, or say specifically what is
 * wrong with the paste.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function normalizePastedDkim(text: string): PastedDkimResult {
  const input = text.trim();
  if (input === '') return fail('empty', 'Paste the DKIM record or key your mail software shows.');
  const notes: string[] = [];

  const pem = PEM.exec(input);
  if (/PRIVATE KEY-----/.test(input)) {
    return fail(
      'private-key',
      'This is a private key. Never publish it or share it: it lets anyone sign mail as you. Paste the public key or the DNS record instead.',
    );
  }
  let recordText: string;
  let owner: string | undefined;
  if (pem) {
    const label = pem[1] as string;
    const bytes = decodeBase64((pem[2] as string).replace(/\s+/g, ''));
    if (!bytes)
      return fail(
        'bad-base64',
        'The public key file is damaged: its text is not valid base64. Copy the whole file again.',
      );
    let key = bytes;
    if (label === 'RSA PUBLIC KEY') {
      key = pkcs1ToSpki(bytes);
      notes.push('We converted the "RSA PUBLIC KEY" file into the usual public key form.');
    } else if (label !== 'PUBLIC KEY') {
      return fail(
        'not-a-key',
        `This is a "${label}" file, not a public key. Paste the public key or the DNS record.`,
      );
    }
    const info = describePublicKey(key, 'rsa');
    if (info.ok && info.type === 'ed25519') {
      // DKIM publishes the 32 raw bytes of an Ed25519 key, the last 32 of its SPKI form.
      recordText = `v=DKIM1; k=ed25519; p=${encodeBase64(key.slice(key.length - 32))}`;
      notes.push('We took the 32 raw key bytes from the Ed25519 key file, as DKIM wants.');
    } else {
      recordText = `v=DKIM1; k=rsa; p=${encodeBase64(key)}`;
    }
  } else if (input.includes('"')) {
    owner = OWNER.exec(input)?.[1];
    const pieces = quotedPieces(input);
    if (pieces.length === 0)
      return fail('quotes', 'The quote marks in the paste do not pair up. Copy the record again.');
    recordText = pieces.join('');
    if (pieces.length > 1)
      notes.push(`We joined the ${pieces.length} quoted pieces into one record.`);
  } else {
    const ownerMatch = OWNER.exec(input);
    let rest = input;
    if (ownerMatch) {
      owner = ownerMatch[1];
      rest = input.slice(ownerMatch[0].length);
    }
    recordText = rest
      .replace(/[()]/g, ' ')
      .replace(/\\;/g, ';')
      .replace(/\s*[\r\n]+\s*/g, '');
    recordText = recordText.replace(/\s*;\s*[-]{3,}.*$/s, '').trim();
  }
  recordText = recordText
    .replace(/\\;/g, ';')
    .replace(/[\r\n]+/g, '')
    .trim();

  const bare = recordText.replace(/\s+/g, '');
  const isBareKey = /^[A-Za-z0-9+/]{40,}=*$/.test(bare);
  if (!isBareKey && !/[a-z]\s*=/i.test(recordText)) {
    return fail(
      'not-dkim',
      'This does not look like a DKIM record or key. A DKIM record starts with "v=DKIM1" and contains "p=".',
    );
  }
  if (isBareKey) {
    const bytes = decodeBase64(bare);
    const info = bytes ? describePublicKey(bytes, bytes.length === 32 ? 'ed25519' : 'rsa') : null;
    const keyType = info?.ok && info.type === 'ed25519' ? 'ed25519' : 'rsa';
    recordText = `v=DKIM1; k=${keyType}; p=${bare}`;
    notes.push('You pasted just the key; we wrapped it in a DKIM record.');
  }

  // "p=<32 bytes>" without k= is an Ed25519 key whose k= was left behind in the copy.
  const first = parseDkimRecord(recordText);
  if (!('k' in first.tags) && decodeBase64(first.publicKey)?.length === 32) {
    recordText = recordText.replace(/(^|;)(\s*)p\s*=/, '$1$2k=ed25519; p=');
    notes.push('We added "k=ed25519": the key is an Ed25519 key.');
  }
  const parsed = parseDkimRecord(recordText);
  const firstError = parsed.problems.find((p) => p.level === 'error');
  if (firstError) return fail(firstError.code, firstError.message);
  const info = parsed.key;
  if (!info || !info.ok) return fail('not-a-key', 'The record has no usable public key.');
  const keyType: 'rsa' | 'ed25519' = info.type;
  const record = tidy(parsed, keyType, notes);
  for (const p of parsed.problems) notes.push(p.message);
  const where = selectorOf(owner);
  return {
    ok: true,
    record,
    txtStrings: splitTxt(record),
    ...where,
    keyType,
    bits: info.bits,
    publicKey: parsed.publicKey,
    parsed: parseDkimRecord(record),
    notes,
  };
}
