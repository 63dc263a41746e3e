import type { MessageShape } from '../../shared/checks/message-observation';
import { MESSAGE_LIMITS } from '../../shared/checks/message-limits';

/** One header field: its name (lower case) and value (unfolded, trimmed). */
export interface HeaderField {
  name: string;
  value: string;
}

/** The text split into what the checks need, or why it is not a message. */
export interface MessageText {
  shape: MessageShape;
  bytes: number;
  /** The bytes handed to the verifier (from the header block on; header block cut at the limit). */
  message?: Buffer;
  headers: HeaderField[];
  /** Header fields in the message, counted up to the limit. */
  headerCount: number;
  headerLimit?: number;
  looksLike?: string;
  lineEnds: 'crlf' | 'lf' | 'mixed' | 'none';
}

const MAGIC: [RegExp, string][] = [
  [/^%PDF-/, 'a PDF file'],
  [/^\x89PNG/, 'a PNG image'],
  [/^GIF8/, 'a GIF image'],
  [/^\xFF\xD8\xFF/, 'a JPEG image'],
  [/^\{\\rtf/, 'an RTF document'],
  [/^\s*<(!doctype html|html)/i, 'a web page (HTML)'],
];

/** A header field line: a name of printable characters other than ":" and a colon. */
const FIELD = /^[!-9;-~]+:/;
/** Where the raw message starts inside text copied from a "Show original" page. */
const RAW_START =
  /^(Delivered-To|Return-Path|Received|ARC-Seal|X-Received|Authentication-Results|DKIM-Signature|X-Google-Smtp-Source):/im;

function lineEnds(text: string): MessageText['lineEnds'] {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  if (crlf === 0 && lf === 0) return 'none';
  if (lf === 0) return 'crlf';
  return crlf === 0 ? 'lf' : 'mixed';
}

/**
 * Read a message's bytes: say whether it is a whole message, headers only, or not a message
 * at all (and what it looks like). Bounded: nothing past the size limit is read, and the header
 * block is cut after the field limit, so a hostile file costs bounded time and memory.
 */
export function readMessageText(input: Buffer): MessageText {
  const base = { bytes: input.length, headers: [], headerCount: 0 };
  if (input.length > MESSAGE_LIMITS.maxBytes)
    return { ...base, shape: 'too-large', lineEnds: 'none' };
  const head = input.subarray(0, 65536).toString('latin1');
  if (head.trim() === '') return { ...base, shape: 'empty', lineEnds: 'none' };
  // ZIP (also .docx/.odt): "PK" then the bytes 3 and 4.
  if (input[0] === 0x50 && input[1] === 0x4b && input[2] === 3 && input[3] === 4)
    return {
      ...base,
      shape: 'binary',
      looksLike: 'a ZIP file (or a Word/OpenDocument file)',
      lineEnds: 'none',
    };
  for (const [re, what] of MAGIC)
    if (re.test(head)) return { ...base, shape: 'binary', looksLike: what, lineEnds: 'none' };
  if (head.includes('\0'))
    return { ...base, shape: 'binary', looksLike: 'a binary file', lineEnds: 'none' };
  let text = input.toString('latin1');
  // An mbox "From " separator line, or a copied "Show original" page with its summary on top.
  if (text.startsWith('From ')) text = text.slice(text.indexOf('\n') + 1);
  if (!FIELD.test(text)) {
    const m = RAW_START.exec(text);
    if (!m)
      return { ...base, shape: 'not-a-message', looksLike: 'plain text', lineEnds: lineEnds(head) };
    text = text.slice(m.index);
  }
  const ends = lineEnds(text.slice(0, 65536));
  const sep = /\r?\n\r?\n/.exec(text);
  const headerBlock = sep ? text.slice(0, sep.index) : text.replace(/\r?\n$/, '');
  let body = sep ? text.slice(sep.index + sep[0].length) : '';
  const lines = headerBlock.split(/\r?\n/);
  const headers: HeaderField[] = [];
  let kept = 0;
  let count = 0;
  let limited = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) && headers.length > 0) {
      if (!limited) headers[headers.length - 1]!.value += ` ${line.trim()}`;
      if (!limited) kept = i + 1;
      continue;
    }
    if (!FIELD.test(line)) {
      // A line that is not a header ends the header block (no blank line before the body).
      body = `${lines.slice(i).join('\r\n')}${sep ? `\r\n\r\n${body}` : ''}`;
      break;
    }
    count += 1;
    if (count > MESSAGE_LIMITS.maxHeaders) {
      limited = true;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push({
      name: line.slice(0, colon).trim().toLowerCase(),
      value: line.slice(colon + 1).trim(),
    });
    kept = i + 1;
  }
  if (headers.length === 0)
    return { ...base, shape: 'not-a-message', looksLike: 'plain text', lineEnds: ends };
  const eol = ends === 'lf' ? '\n' : '\r\n';
  const keptHeader = lines.slice(0, kept).join(eol);
  const wholeBody = body.trim() !== '';
  const message = Buffer.from(
    wholeBody ? `${keptHeader}${eol}${eol}${body}` : `${keptHeader}${eol}${eol}`,
    'latin1',
  );
  return {
    shape: wholeBody ? 'whole' : 'headers-only',
    bytes: input.length,
    message,
    headers,
    headerCount: Math.min(count, MESSAGE_LIMITS.maxHeaders),
    ...(limited ? { headerLimit: MESSAGE_LIMITS.maxHeaders } : {}),
    lineEnds: ends,
  };
}

/** The values of one header field, in order. */
export function headerValues(headers: readonly HeaderField[], name: string): string[] {
  return headers.filter((h) => h.name === name).map((h) => h.value);
}
