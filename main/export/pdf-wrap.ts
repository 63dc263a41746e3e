/** Measures the width of a string in the current font and size. */
export type MeasureText = (text: string) => number;

// Long tokens (base64 keys, long names) break after these characters first, then anywhere.
const SOFT_BREAK_AFTER = /[.\-;=/:]/;

function breakLongWord(measure: MeasureText, word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > 0 && measure(rest) > width) {
    // Largest prefix that fits (binary search on code units, kept off surrogate halves).
    let lo = 1;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (measure(rest.slice(0, mid)) <= width) lo = mid;
      else hi = mid - 1;
    }
    let cut = lo;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1)) && cut > 1) cut -= 1;
    const prefix = rest.slice(0, cut);
    // Prefer a natural break when it keeps most of the line: after a dot (between DNS labels)
    // first, then after a dash or another separator.
    let soft = -1;
    for (const pattern of [/\./, SOFT_BREAK_AFTER]) {
      for (let i = prefix.length - 1; i > prefix.length / 3; i -= 1) {
        // Leaving a stub like "com" alone on the next line reads badly: break earlier.
        if (rest.length - i - 1 <= 4) continue;
        if (pattern.test(prefix.charAt(i))) {
          soft = i + 1;
          break;
        }
      }
      if (soft > 0) break;
    }
    if (soft > 0 && soft < prefix.length) cut = soft;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/**
 * Wrap text into lines no wider than `width`: at spaces, and inside words longer than a line
 * (keys, long names) so that nothing ever runs past its column. Explicit newlines are kept.
 */
export function wrapText(measure: MeasureText, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Leading spaces are kept (ticket texts indent the lines to copy), on every wrapped line.
    const lead = /^ */.exec(paragraph)?.[0] ?? '';
    const words = paragraph.split(/ +/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? `${lead}${word}` : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (measure(`${lead}${word}`) <= width) {
        if (line !== '') lines.push(line);
        line = `${lead}${word}`;
      } else {
        // A word longer than a line starts right after what is already there.
        const pieces = breakLongWord(measure, line === '' ? `${lead}${word}` : candidate, width);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    lines.push(line);
  }
  return lines;
}
