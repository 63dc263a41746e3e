import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplyParser } from '../../../main/probes/smtp/reply-parser';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('ReplyParser', () => {
  it('joins multi-line replies and keeps each line text', () => {
    const parser = new ReplyParser();
    const step = parser.push(bytes('250-mail.example.com\r\n250-PIPELINING\r\n250 STARTTLS\r\n'));
    expect(step).toEqual({
      replies: [{ code: 250, lines: ['mail.example.com', 'PIPELINING', 'STARTTLS'] }],
    });
  });

  it('accepts bare LF line ends and a bare code line', () => {
    const parser = new ReplyParser();
    expect(parser.push(bytes('220 hi\n250\n')).replies).toEqual([
      { code: 220, lines: ['hi'] },
      { code: 250, lines: [''] },
    ]);
  });

  it('waits for the end of a reply split across chunks', () => {
    const parser = new ReplyParser();
    expect(parser.push(bytes('220-first\r\n220 sec')).replies).toEqual([]);
    expect(parser.pendingBytes).toBeGreaterThan(0);
    expect(parser.push(bytes('ond\r\n')).replies).toEqual([
      { code: 220, lines: ['first', 'second'] },
    ]);
  });

  it('reports text that is not SMTP, and a code that changes mid-reply', () => {
    expect(new ReplyParser().push(bytes('HTTP/1.1 400 Bad Request\r\n')).error).toMatch(
      /not an SMTP reply/,
    );
    expect(new ReplyParser().push(bytes('250-a\r\n251 b\r\n')).error).toMatch(/changed reply code/);
  });

  it('refuses endless lines', () => {
    expect(new ReplyParser().push(bytes('220 ' + 'x'.repeat(3000))).error).toMatch(/too long/);
  });

  it('gives the same replies however the stream is cut (property)', () => {
    const line = fc.stringMatching(/^[ -~]{0,40}$/);
    const reply = fc.record({
      code: fc.integer({ min: 200, max: 599 }),
      lines: fc.array(line, { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(reply, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (replies, cuts) => {
          const text = replies
            .map((r) =>
              r.lines
                .map((l, i) => `${r.code}${i === r.lines.length - 1 ? ' ' : '-'}${l}\r\n`)
                .join(''),
            )
            .join('');
          const data = bytes(text);
          const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
          const parser = new ReplyParser();
          const got = [];
          let from = 0;
          for (const to of [...points, data.length]) {
            got.push(...parser.push(data.slice(from, to)).replies);
            from = to;
          }
          expect(got).toEqual(replies);
        },
      ),
    );
  });
});
