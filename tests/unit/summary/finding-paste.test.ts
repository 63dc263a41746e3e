import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding';
import { planSchema } from '../../../shared/model/plan';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { pasteFixFor } from '../../../shared/summary/finding-paste';

// A bakery at Google Workspace today that also has a second, hand-made SPF record.
const plan = planSchema.parse({
  domain: 'bakery.test',
  mailHost: 'mail.bakery.test',
  ipv4: ['192.0.2.10'],
  ipv6: [],
  mode: 'send-only',
  senders: [],
  dkim: { selector: 'mail' },
  dmarc: { policy: 'none', rua: 'mailto:dmarc@bakery.test' },
});
const published = {
  domain: 'bakery.test',
  mailHost: 'mail.bakery.test',
  spf: ['v=spf1 include:_spf.google.com ~all', 'v=spf1 ip4:192.0.2.10 -all'],
  dmarc: [],
  mx: [{ preference: 1, exchange: 'aspmx.l.google.com' }],
  mailHostSpf: [],
  mailHostAddresses: [],
  problems: [],
  unread: [],
};
const records = recordsToPublish(plan, published).records;

const finding = (check: Finding['check'], status: Finding['status'], subject = 'bakery.test') =>
  ({ check, subject, status, title: 't', detail: 'd', fix: 'f' }) as Finding;

describe('a fix the user can paste', () => {
  it('two SPF records: the one merged line (the include kept, the server added), the other to delete', () => {
    const fix = pasteFixFor(finding('spf.single', 'fail'), records);
    expect(fix?.record.type).toBe('TXT');
    expect(fix?.record.value).toContain('include:_spf.google.com');
    expect(fix?.record.value).toContain('ip4:192.0.2.10');
    expect(fix?.record.value).toBe(
      records.find((r) => r.key === 'spf' && r.action !== 'delete')?.value,
    );
    expect(fix?.deletes.map((d) => d.value)).toHaveLength(1);
  });

  it('a missing DMARC record: the record with the rua the user typed', () => {
    const fix = pasteFixFor(finding('dmarc.present', 'fail', '_dmarc.bakery.test'), records);
    expect(fix?.record.name).toBe('_dmarc.bakery.test');
    expect(fix?.record.value).toContain('rua=mailto:dmarc@bakery.test');
  });

  it('nothing to paste when the planned value would not fix it, or nothing is wrong', () => {
    expect(pasteFixFor(finding('spf.lookups', 'fail'), records)).toBeUndefined();
    expect(pasteFixFor(finding('spf.single', 'pass'), records)).toBeUndefined();
    // The DKIM key is not known yet (no key pasted or made): no placeholder to paste.
    expect(
      pasteFixFor(finding('dkim.present', 'fail', 'mail._domainkey.bakery.test'), records),
    ).toBeUndefined();
  });
});
