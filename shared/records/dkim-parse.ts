import { decodeBase64 } from './base64';
import { describePublicKey, type PublicKeyInfo } from './public-key-der';
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
  const error = (code: DkimProblemCode, message: string, tag?: string) =>
    problems.push(tag ? { level: 'error', code, message, tag } : { level: 'error', code, message });
  const warning = (code: DkimProblemCode, message: string, tag?: string) =>
    problems.push(
      tag ? { level: 'warning', code, message, tag } : { level: 'warning', code, message },
    );

  if (text.includes('"')) {
    error(
      'quotes',
      /"\s*"/.test(text)
        ? 'The record contains quote marks (" "): two pieces of a split record were pasted as one text with their quotes. Remove every quote mark; your DNS host adds what it needs.'
        : 'The record contains quote marks ("). Remove them; your DNS host adds what it needs.',
    );
  }

  const list = parseTagList(text.replace(/"/g, ''));
  for (const issue of list.issues) {
    if (issue.kind === 'duplicate') {
      error(
        'duplicate-tag',
        `"${issue.name}=" appears more than once; receivers reject such a record. Keep one.`,
        issue.name,
      );
    } else if (issue.kind === 'no-equals' || issue.kind === 'bad-name') {
      error(
        'syntax',
        `"${issue.text}" is not a tag: each part must look like name=value, separated by ";".`,
      );
    }
  }
  const byName = new Map(list.tags.map((t) => [t.name, t]));
  for (const t of list.tags) result.tags[t.name] = t.value;

  const v = byName.get('v');
  if (v) {
    if (v.value !== 'DKIM1')
      error(
        'bad-version',
        `The record says "v=${v.value}"; a DKIM key record says "v=DKIM1".`,
        'v',
      );
    else if (v.index !== 0)
      error(
        'version-not-first',
        '"v=DKIM1" must come first in the record. Move it to the start.',
        'v',
      );
  }

  const p = byName.get('p');
  if (!p) {
    error(
      'missing-key',
      byName.size === 0 || !v
        ? 'This is not a DKIM key record: it has no public key ("p=").'
        : 'The record has no public key ("p="). Copy the whole record from your mail software.',
      'p',
    );
    result.valid = false;
    return result;
  }

  const k = byName.get('k');
  result.keyType = k ? k.value.toLowerCase() : 'rsa';
  if (result.keyType !== 'rsa' && result.keyType !== 'ed25519') {
    error(
      'bad-key-type',
      `"k=${k?.value}" is not a key type receivers know. Use k=rsa (or k=ed25519 for an Ed25519 key).`,
      'k',
    );
  }

  const flags = (byName.get('t')?.value ?? '').split(':').map((f) => f.trim().toLowerCase());
  result.testing = flags.includes('y');
  result.strictSubdomains = flags.includes('s');
  if (result.testing) {
    warning(
      'testing',
      '"t=y" says DKIM is being tested: some receivers ignore failures. Remove it once signing works.',
      't',
    );
  }

  const h = byName.get('h');
  if (h && !h.value.split(':').some((x) => x.trim().toLowerCase() === 'sha256')) {
    error(
      'no-sha256',
      `"h=${h.value}" does not allow sha256, which every signer uses today. Remove the h= tag.`,
      'h',
    );
  }
  const s = byName.get('s');
  if (s && !s.value.split(':').some((x) => ['email', '*'].includes(x.trim().toLowerCase()))) {
    error(
      'not-email',
      `"s=${s.value}" says the key is not for email. Remove the s= tag or set s=email.`,
      's',
    );
  }
  if (byName.has('g')) {
    warning(
      'obsolete-tag',
      '"g=" is an old tag that current receivers ignore; you can delete it.',
      'g',
    );
  }

  result.publicKey = p.value.replace(/\s+/g, '');
  if (result.publicKey === '') {
    result.revoked = true;
    error(
      'revoked',
      'The key is empty ("p="): this means the key was withdrawn, so no signature made with it will pass.',
      'p',
    );
    return finish(result);
  }
  const bytes = decodeBase64(result.publicKey);
  if (!bytes) {
    const strange = [...result.publicKey].find((c) => !/[A-Za-z0-9+/=]/.test(c));
    error(
      'bad-base64',
      strange
        ? `The key (p=) contains "${strange}", which cannot be part of a key. Copy the key again exactly as your mail software shows it.`
        : 'The key (p=) has the wrong length: part of it is missing. Copy the whole key again.',
      'p',
    );
    return finish(result);
  }
  const keyType = result.keyType === 'ed25519' ? 'ed25519' : 'rsa';
  if (keyType === 'rsa' && bytes.length === 32) {
    error(
      'key-type-mismatch',
      'The key looks like an Ed25519 key (32 bytes) but the record does not say k=ed25519. Add "k=ed25519".',
      'k',
    );
    return finish(result);
  }
  const info = describePublicKey(bytes, keyType);
  if (!info.ok) {
    error(info.reason === 'truncated' ? 'truncated' : 'not-a-key', info.message, 'p');
    return finish(result);
  }
  result.key = info;
  result.bits = info.bits;
  if (keyType === 'ed25519' && !(info.type === 'ed25519' && info.format === 'raw')) {
    error(
      'key-type-mismatch',
      info.type === 'ed25519'
        ? 'The Ed25519 key is in the wrong format: DKIM wants the 32 raw key bytes (RFC 8463), not the longer "public key info" form.'
        : 'The record says k=ed25519 but the key is an RSA key. Set k=rsa.',
      'p',
    );
  } else if (keyType === 'rsa' && info.type === 'ed25519') {
    error(
      'key-type-mismatch',
      'The key is an Ed25519 key but the record does not say k=ed25519. Add "k=ed25519".',
      'k',
    );
  }
  if (info.type === 'rsa') {
    if (info.bits < 1024) {
      error(
        'weak-key',
        `The key is only ${info.bits} bits. Receivers reject RSA keys under 1024 bits; make a 2048-bit key.`,
        'p',
      );
    } else if (info.bits < 2048) {
      warning(
        'short-key',
        `The key is ${info.bits} bits. That still works, but 2048 bits is today's standard; plan to replace it.`,
        'p',
      );
    }
    if (info.format === 'pkcs1') {
      warning(
        'pkcs1',
        'The key is in the bare "RSA public key" form. Most receivers accept it, but the usual form starts with "MII"; some strict receivers may not.',
        'p',
      );
    }
  }
  return finish(result);
}

function finish(result: DkimKeyRecord): DkimKeyRecord {
  result.valid = !result.problems.some((p) => p.level === 'error');
  return result;
}
