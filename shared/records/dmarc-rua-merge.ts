import type { DmarcRecord } from './dmarc-parse';

/**
 * The report addresses the plan asks for that a DMARC record published today lacks, and that
 * record with them added. A kept record used to ignore the address the user typed: the
 * reports then never reached them, though the wizard said where they would go.
 */

/** The plan's rua as URIs ("a@x.com, mailto:b@x.com" → mailto:a@x.com, mailto:b@x.com). */
function wantedUris(rua: string): string[] {
  return rua
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '')
    .map((u) => (/^[a-z][a-z0-9+.-]*:/i.test(u) ? u : `mailto:${u}`));
}

/** A URI without its size limit ("!10m"), lowercased: how two report addresses compare. */
const comparable = (uri: string) => uri.replace(/!.*$/, '').toLowerCase();

/** The plan's report URIs the record does not list yet (empty: nothing to add). */
export function missingReportUris(record: DmarcRecord, rua: string | undefined): string[] {
  if (!rua) return [];
  const have = new Set(record.rua.map((u) => comparable(u.uri)));
  return wantedUris(rua).filter((u) => !have.has(comparable(u)));
}

/** The record's text with `uris` added to its rua= tag (or a new rua= tag at the end). */
export function withReportUris(text: string, uris: readonly string[]): string {
  if (uris.length === 0) return text;
  const added = uris.join(',');
  const tag = /(^|;)(\s*rua\s*=\s*)([^;]*)/i;
  const m = tag.exec(text);
  if (m) {
    const current = (m[3] ?? '').trim();
    return text.replace(tag, `$1$2${current === '' ? added : `${current},${added}`}`);
  }
  const body = text.trim().replace(/;\s*$/, '');
  return `${body}; rua=${added}`;
}
