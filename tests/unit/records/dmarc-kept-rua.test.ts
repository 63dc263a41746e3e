import { describe, expect, it } from 'vitest';
import { planSchema } from '../../../shared/model/plan';
import { recordsToPublish, type PublishedToday } from '../../../shared/records/records-to-publish';

// A DMARC record published today is kept (its policy is the user's), but the report address the
// user typed in the wizard must reach it: the record is edited with the address added.
const plan = (rua?: string) =>
  planSchema.parse({
    domain: 'bakery.test',
    mailHost: 'mail.bakery.test',
    ipv4: ['192.0.2.10'],
    mode: 'send-only',
    dmarc: { policy: 'none', ...(rua ? { rua } : {}) },
  });
const today = (dmarc: string[]): PublishedToday => ({
  domain: 'bakery.test',
  mailHost: 'mail.bakery.test',
  spf: [],
  dmarc,
  mx: [],
  mailHostSpf: [],
  problems: [],
  unread: [],
});
const dmarcOf = (rua: string | undefined, published: string[]) =>
  recordsToPublish(plan(rua), today(published)).records.filter((r) => r.key.includes('dmarc'));

describe('a kept DMARC record and the report address the user typed', () => {
  it('edits the record with the address added to its rua, keeping its policy', () => {
    const [rec, ...rest] = dmarcOf('mailto:reports@bakery.test', [
      'v=DMARC1; p=quarantine; rua=mailto:old@bakery.test',
    ]);
    expect(rest).toEqual([]);
    expect(rec?.action).toBe('edit');
    expect(rec?.oldValue).toBe('v=DMARC1; p=quarantine; rua=mailto:old@bakery.test');
    expect(rec?.value).toBe(
      'v=DMARC1; p=quarantine; rua=mailto:old@bakery.test,mailto:reports@bakery.test',
    );
    expect(rec?.mergeNote).toContain('reports@bakery.test');
  });

  it('adds a rua tag to a record without one, and takes an address typed without mailto:', () => {
    const [rec] = dmarcOf('reports@bakery.test', ['v=DMARC1; p=none;']);
    expect(rec?.action).toBe('edit');
    expect(rec?.value).toBe('v=DMARC1; p=none; rua=mailto:reports@bakery.test');
  });

  it('keeps the record as it is when it already sends reports there (any case, any size limit)', () => {
    const text = 'v=DMARC1; p=none; rua=mailto:Reports@bakery.test!10m';
    const [rec] = dmarcOf('mailto:reports@bakery.test', [text]);
    expect(rec?.action).toBe('keep');
    expect(rec?.value).toBe(text);
    expect(dmarcOf(undefined, [text])[0]?.action).toBe('keep');
  });
});
