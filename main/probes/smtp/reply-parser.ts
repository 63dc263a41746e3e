import type { SmtpReply } from '../../../shared/checks/smtp-observation';

/** The longest reply line we accept; RFC 5321 allows 512 octets, servers stay far below 2000. */
const MAX_LINE = 2000;
/** The most lines one reply may have before we call it garbage (EHLO lists ~20). */
const MAX_LINES = 200;

/** What one push of bytes produced: whole replies, and an error once the stream stops being SMTP. */
export interface ParseStep {
  replies: SmtpReply[];
  error?: string;
}

/**
 * Split a byte stream into SMTP replies (RFC 5321 4.2): lines "250-..." continue a reply, the
 * line "250 ..." (or a bare "250") ends it. Bare LF line ends are accepted: some servers send them.
 */
export class ReplyParser {
  private buffer = '';
  private lines: string[] = [];
  private code: number | undefined;
  private failed: string | undefined;

  /** Feed bytes as they arrive; returns the replies they completed. */
  push(chunk: Uint8Array): ParseStep {
    if (this.failed) return { replies: [], error: this.failed };
    // latin1 maps every byte to one char, so a multi-byte UTF-8 greeting never breaks a split.
    this.buffer += Buffer.from(chunk).toString('latin1');
    const replies: SmtpReply[] = [];
    let newline = this.buffer.indexOf('\n');
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      const reply = this.line(line);
      if (this.failed) return { replies, error: this.failed };
      if (reply) replies.push(reply);
      newline = this.buffer.indexOf('\n');
    }
    if (this.buffer.length > MAX_LINE) this.failed = 'the server sent a line too long for SMTP';
    return this.failed ? { replies, error: this.failed } : { replies };
  }

  /** Bytes received that are not part of a whole reply yet. */
  get pendingBytes(): number {
    return this.buffer.length + this.lines.join('').length;
  }

  private line(line: string): SmtpReply | undefined {
    const match = /^(\d{3})(?:([ -])(.*))?$/.exec(line);
    if (!match) {
      this.failed = `the server sent something that is not an SMTP reply: "${line.slice(0, 80)}"`;
      return undefined;
    }
    const code = Number(match[1]);
    if (this.code !== undefined && code !== this.code) {
      this.failed = `the server changed reply code in the middle of a reply (${this.code}, then ${code})`;
      return undefined;
    }
    this.code = code;
    this.lines.push(match[3] ?? '');
    if (this.lines.length > MAX_LINES) {
      this.failed = 'the server sent a reply with too many lines';
      return undefined;
    }
    if (match[2] === '-') return undefined;
    const reply = { code, lines: this.lines };
    this.code = undefined;
    this.lines = [];
    return reply;
  }
}
