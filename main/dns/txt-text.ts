import { Buffer } from 'node:buffer';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text of one TXT character-string. Valid UTF-8 (which includes all ASCII) is decoded as UTF-8,
 * so a pasted curly quote shows as “ and not as mojibake; anything else is decoded byte for
 * byte (ISO-8859-1, not the WHATWG "latin1" which is windows-1252), so no byte is lost.
 */
export function txtStringText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
}
