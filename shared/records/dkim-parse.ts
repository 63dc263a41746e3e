import { decodeBase64 } from './base64';
import { describePublicKey, type PublicKeyInfo } from './public-key-der';

/** A key that decoded. */
type DecodedKey = Extract<PublicKeyInfo, { ok: true }>;
import { parseTagList } from './tag-list';

/**
 * DKIM key record parser (RFC 6376 section 3.6.1, RFC 8463 for Ed25519, RFC 8301 for key
 * sizes). Pure; used by the checker (dkim.syntax, dkim.key-strength, dkim.testing,
 * dkim.matches), by normalizePastedDkim, and by the UI's live check of a pasted record.
 */

/** Machine-readable kinds of problem. */
export type DkimProblemCode =
  | 'not-dkim'
  | 'version-not-first'
  | 'bad-version'
  | 'syntax'
  | 'duplicate-tag'
  | 'missing-key'
  | 'revoked'
  | 'quotes'
  | 'bad-base64'
  | 'truncated'
  | 'not-a-key'
  | 'bad-key-type'
  | 'key-type-mismatch'
  | 'weak-key'
  | 'short-key'
  | 'pkcs1'
  | 'testing'
  | 'no-sha256'
  | 'not-email'
  | 'obsolete-tag';

/** A problem found in the record, in plain words. */
export interface DkimProblem {
  /** error: receivers cannot use the key; warning: works, but check it. */
  level: 'error' | 'warning';
  code: DkimProblemCode;
  message: string;
  tag?: string;
}

/** What parseDkimRecord found. */
export interface DkimKeyRecord {
  text: string;
  /** No error-level problem: receivers can verify signatures with this key. */
  valid: boolean;
  /** Every tag and its value as written (first value of a duplicate). */
  tags: Record<string, string>;
  /** The k= value, lowercased; "rsa" when absent (the default). */
  keyType: string;
  /** The p= value with whitespace removed ("" when revoked or missing). */
  publicKey: string;
  /** Empty p=: the key has been withdrawn. */
  revoked: boolean;
  /** t=y: the domain is testing DKIM; receivers may treat failures leniently. */
  testing: boolean;
  /** t=s: signatures may not use a subdomain of d= in i=. */
  strictSubdomains: boolean;
  /** What the key bytes are, when p= decoded. */
  key?: PublicKeyInfo;
  /** Key size in bits (RSA modulus, or 256 for Ed25519), when known. */
  bits?: number;
  problems: DkimProblem[];
}

/** Where the parts of the parser write the problems they find. */
interface Report {
  error(code: DkimProblemCode, message: string, tag?: string): void;
  warning(code: DkimProblemCode, message: string, tag?: string): void;
}

type Tags = Map<string, { name: string; value: string; index: number }>;

/**
 * Parse a DKIM key record (the joined TXT text). Never throws; every problem is a plain sentence.
 */
export function parseDkimRecord(text: string): DkimKeyRecord {
  const problems: DkimProblem[] = [];
  const result: DkimKeyRecord = {
    text,
    valid: false,
    tags: {},
    keyType: 'rsa',
    publicKey: '',
    revoked: false,
    testing: false,
    strictSubdomains: false,
    problems,
  };
  const add = (level: DkimProblem['level'], code: DkimProblemCode, message: string, tag?: string) =>
    problems.push(tag ? { level, code, message, tag } : { level, code, message });
  const report: Report = {
    error: (code, message, tag) => add('error', code, message, tag),
    warning: (code, message, tag) => add('warning', code, message, tag),
  };

  quoteProblems(text, report);
  const byName = readTags(text, result, report);
  const v = byName.get('v');
  versionProblems(v, report);
  const p = byName.get('p');
  if (!p) {
    report.error(
      'missing-key',
      byName.size === 0 || !v
        ? 'This is not a DKIM key record: it has no public key ("p=").'
        : 'The record has no public key ("p="). Copy the whole record from your mail software.',
      'p',
    );
    return result;
  }
  tagProblems(byName, result, report);
  keyProblems(p.value, result, report);
  return finish(result);
}

/** Quote marks pasted with the record (often two halves of a split record, quotes and all). */
function quoteProblems(text: string, report: Report): void {
  if (!text.includes('"')) return;
  report.error(
    'quotes',
    /"\s*"/.test(text)
      ? 'The record contains quote marks (" "): two pieces of a split record were pasted as one text with their quotes. Remove every quote mark; your DNS host adds what it needs.'
      : 'The record contains quote marks ("). Remove them; your DNS host adds what it needs.',
  );
}

/** The tag list: its syntax problems, and every tag copied into the result. */
function readTags(text: string, result: DkimKeyRecord, report: Report): Tags {
  const list = parseTagList(text.replace(/"/g, ''));
  for (const issue of list.issues) {
    if (issue.kind === 'duplicate') {
      report.error(
        'duplicate-tag',
        `"${issue.name}=" appears more than once; receivers reject such a record. Keep one.`,
        issue.name,
      );
    } else if (issue.kind === 'no-equals' || issue.kind === 'bad-name') {
      report.error(
        'syntax',
        `"${issue.text}" is not a tag: each part must look like name=value, separated by ";".`,
      );
    }
  }
  for (const t of list.tags) result.tags[t.name] = t.value;
  return new Map(list.tags.map((t) => [t.name, t]));
}

/** v= is optional, but when present it must be DKIM1 and come first. */
function versionProblems(v: { value: string; index: number } | undefined, report: Report): void {
  if (!v) return;
  if (v.value !== 'DKIM1')
    report.error(
      'bad-version',
      `The record says "v=${v.value}"; a DKIM key record says "v=DKIM1".`,
      'v',
    );
  else if (v.index !== 0)
    report.error(
      'version-not-first',
      '"v=DKIM1" must come first in the record. Move it to the start.',
      'v',
    );
}

/** The tags around the key: k= (type), t= (flags), h= (hashes), s= (service), g= (obsolete). */
function tagProblems(byName: Tags, result: DkimKeyRecord, report: Report): void {
  const k = byName.get('k');
  result.keyType = k ? k.value.toLowerCase() : 'rsa';
  if (result.keyType !== 'rsa' && result.keyType !== 'ed25519') {
    report.error(
      'bad-key-type',
      `"k=${k?.value}" is not a key type receivers know. Use k=rsa (or k=ed25519 for an Ed25519 key).`,
      'k',
    );
  }

  const flags = (byName.get('t')?.value ?? '').split(':').map((f) => f.trim().toLowerCase());
  result.testing = flags.includes('y');
  result.strictSubdomains = flags.includes('s');
  if (result.testing) {
    report.warning(
      'testing',
      '"t=y" says DKIM is being tested: some receivers ignore failures. Remove it once signing works.',
      't',
    );
  }

  const h = byName.get('h');
  if (h && !h.value.split(':').some((x) => x.trim().toLowerCase() === 'sha256')) {
    report.error(
      'no-sha256',
      `"h=${h.value}" does not allow sha256, which every signer uses today. Remove the h= tag.`,
      'h',
    );
  }
  const s = byName.get('s');
  if (s && !s.value.split(':').some((x) => ['email', '*'].includes(x.trim().toLowerCase()))) {
    report.error(
      'not-email',
      `"s=${s.value}" says the key is not for email. Remove the s= tag or set s=email.`,
      's',
    );
  }
  if (byName.has('g')) {
    report.warning(
      'obsolete-tag',
      '"g=" is an old tag that current receivers ignore; you can delete it.',
      'g',
    );
  }
}

/** The key itself (p=): withdrawn, decodable, of the type the record says, strong enough. */
function keyProblems(pValue: string, result: DkimKeyRecord, report: Report): void {
  result.publicKey = pValue.replace(/\s+/g, '');
  if (result.publicKey === '') {
    result.revoked = true;
    report.error(
      'revoked',
      'The key is empty ("p="): this means the key was withdrawn, so no signature made with it will pass.',
      'p',
    );
    return;
  }
  const bytes = decodeBase64(result.publicKey);
  if (!bytes) {
    const strange = [...result.publicKey].find((c) => !/[A-Za-z0-9+/=]/.test(c));
    report.error(
      'bad-base64',
      strange
        ? `The key (p=) contains "${strange}", which cannot be part of a key. Copy the key again exactly as your mail software shows it.`
        : 'The key (p=) has the wrong length: part of it is missing. Copy the whole key again.',
      'p',
    );
    return;
  }
  const keyType = result.keyType === 'ed25519' ? 'ed25519' : 'rsa';
  if (keyType === 'rsa' && bytes.length === 32) {
    report.error(
      'key-type-mismatch',
      'The key looks like an Ed25519 key (32 bytes) but the record does not say k=ed25519. Add "k=ed25519".',
      'k',
    );
    return;
  }
  const info = describePublicKey(bytes, keyType);
  if (!info.ok) {
    report.error(info.reason === 'truncated' ? 'truncated' : 'not-a-key', info.message, 'p');
    return;
  }
  result.key = info;
  result.bits = info.bits;
  keyTypeProblems(keyType, info, report);
  if (info.type === 'rsa') rsaKeyProblems(info, report);
}

/** The decoded key against the type the record declares (k=). */
function keyTypeProblems(keyType: 'rsa' | 'ed25519', info: DecodedKey, report: Report): void {
  if (keyType === 'ed25519' && !(info.type === 'ed25519' && info.format === 'raw')) {
    report.error(
      'key-type-mismatch',
      info.type === 'ed25519'
        ? 'The Ed25519 key is in the wrong format: DKIM wants the 32 raw key bytes (RFC 8463), not the longer "public key info" form.'
        : 'The record says k=ed25519 but the key is an RSA key. Set k=rsa.',
      'p',
    );
  } else if (keyType === 'rsa' && info.type === 'ed25519') {
    report.error(
      'key-type-mismatch',
      'The key is an Ed25519 key but the record does not say k=ed25519. Add "k=ed25519".',
      'k',
    );
  }
}

/** An RSA key's size (RFC 8301) and form. */
function rsaKeyProblems(info: Extract<DecodedKey, { type: 'rsa' }>, report: Report): void {
  if (info.bits < 1024) {
    report.error(
      'weak-key',
      `The key is only ${info.bits} bits. Receivers reject RSA keys under 1024 bits; make a 2048-bit key.`,
      'p',
    );
  } else if (info.bits < 2048) {
    report.warning(
      'short-key',
      `The key is ${info.bits} bits. That still works, but 2048 bits is today's standard; plan to replace it.`,
      'p',
    );
  }
  if (info.format === 'pkcs1') {
    report.warning(
      'pkcs1',
      'The key is in the bare "RSA public key" form. Most receivers accept it, but the usual form starts with "MII"; some strict receivers may not.',
      'p',
    );
  }
}

function finish(result: DkimKeyRecord): DkimKeyRecord {
  result.valid = !result.problems.some((p) => p.level === 'error');
  return result;
}
