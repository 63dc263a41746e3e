import { decodeBase64 } from './base64';
import { parseDkimRecord, type DkimKeyRecord } from './dkim-parse';
import { describePublicKey } from './public-key-der';
import { splitTxt } from './txt-split';
import { pasteProblem, textOfPaste, type PasteProblem } from './dkim-paste-text';

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
  | PasteProblem;

function selectorOf(owner: string | undefined): { selector?: string; domain?: string } {
  if (!owner) return {};
  const m = /^(.+?)\._domainkey(?:\.(.+))?$/i.exec(owner.replace(/\.$/, ''));
  if (!m) return {};
  const out: { selector?: string; domain?: string } = { selector: (m[1] as string).toLowerCase() };
  if (m[2]) out.domain = m[2].toLowerCase();
  return out;
}

const fail = pasteProblem;

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

/** A bare base64 key wrapped in a record (k= from its length); other text as it is, or not DKIM. */
function wrapBareKey(recordText: string, notes: string[]): string | PasteProblem {
  const bare = recordText.replace(/\s+/g, '');
  const isBareKey = /^[A-Za-z0-9+/]{40,}=*$/.test(bare);
  if (!isBareKey && !/[a-z]\s*=/i.test(recordText)) {
    return fail(
      'not-dkim',
      'This does not look like a DKIM record or key. A DKIM record starts with "v=DKIM1" and contains "p=".',
    );
  }
  if (!isBareKey) return recordText;
  const bytes = decodeBase64(bare);
  const info = bytes ? describePublicKey(bytes, bytes.length === 32 ? 'ed25519' : 'rsa') : null;
  const keyType = info?.ok && info.type === 'ed25519' ? 'ed25519' : 'rsa';
  notes.push('You pasted just the key; we wrapped it in a DKIM record.');
  return `v=DKIM1; k=${keyType}; p=${bare}`;
}

/** "p=<32 bytes>" without k= is an Ed25519 key whose k= was left behind in the copy. */
function addLostEd25519Tag(recordText: string, notes: string[]): string {
  const first = parseDkimRecord(recordText);
  if ('k' in first.tags || decodeBase64(first.publicKey)?.length !== 32) return recordText;
  notes.push('We added "k=ed25519": the key is an Ed25519 key.');
  return recordText.replace(/(^|;)(\s*)p\s*=/, '$1$2k=ed25519; p=');
}

/**
 * Normalise a pasted DKIM record or key into the record to publish, or say specifically what is
 * wrong with the paste.
 */
export function normalizePastedDkim(text: string): PastedDkimResult {
  const input = text.trim();
  if (input === '') return fail('empty', 'Paste the DKIM record or key your mail software shows.');
  const notes: string[] = [];
  const found = textOfPaste(input, notes);
  if ('ok' in found) return found;
  const wrapped = wrapBareKey(found.recordText, notes);
  if (typeof wrapped !== 'string') return wrapped;
  const parsed = parseDkimRecord(addLostEd25519Tag(wrapped, notes));
  const firstError = parsed.problems.find((p) => p.level === 'error');
  if (firstError) return fail(firstError.code, firstError.message);
  const info = parsed.key;
  if (!info || !info.ok) return fail('not-a-key', 'The record has no usable public key.');
  const keyType: 'rsa' | 'ed25519' = info.type;
  const record = tidy(parsed, keyType, notes);
  for (const p of parsed.problems) notes.push(p.message);
  return {
    ok: true,
    record,
    txtStrings: splitTxt(record),
    ...selectorOf(found.owner),
    keyType,
    bits: info.bits,
    publicKey: parsed.publicKey,
    parsed: parseDkimRecord(record),
    notes,
  };
}
