/**
 * The `name=value; name=value` tag lists of DKIM key records (RFC 6376 section 3.2) and DMARC
 * records (RFC 9989). Both parsers build on this; each says in its own words what is wrong.
 */

/** One tag as written. */
export interface Tag {
  /** The name, lowercased (DMARC tag names are case-insensitive; DKIM's are lowercase). */
  name: string;
  /** The name as written. */
  rawName: string;
  /** The value with surrounding whitespace removed (inner folding whitespace kept). */
  value: string;
  /** Position among the tags (0 = first). */
  index: number;
}

/** A structural problem in the tag list. */
export type TagListIssue =
  | { kind: 'no-equals'; text: string; index: number }
  | { kind: 'bad-name'; text: string; index: number }
  | { kind: 'empty'; index: number }
  | { kind: 'duplicate'; name: string; index: number };

/** The tags and the structural problems of a tag list. */
export interface TagList {
  tags: Tag[];
  issues: TagListIssue[];
}

const TAG_NAME = /^[a-z][a-z0-9_]*$/i;

/** Parse a tag list. A trailing ";" is allowed; duplicates keep the first value. */
export function parseTagList(text: string): TagList {
  const tags: Tag[] = [];
  const issues: TagListIssue[] = [];
  const parts = text.split(';');
  if (parts.length > 1 && (parts[parts.length - 1] as string).trim() === '') parts.pop();
  const seen = new Set<string>();
  parts.forEach((part, index) => {
    const trimmed = part.trim();
    if (trimmed === '') {
      issues.push({ kind: 'empty', index });
      return;
    }
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      issues.push({ kind: 'no-equals', text: trimmed, index });
      return;
    }
    const rawName = trimmed.slice(0, eq).trim();
    if (!TAG_NAME.test(rawName)) {
      issues.push({ kind: 'bad-name', text: trimmed, index });
      return;
    }
    const name = rawName.toLowerCase();
    if (seen.has(name)) {
      issues.push({ kind: 'duplicate', name, index });
      return;
    }
    seen.add(name);
    tags.push({ name, rawName, value: trimmed.slice(eq + 1).trim(), index });
  });
  return { tags, issues };
}
