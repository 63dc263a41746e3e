import { describe, expect, it } from 'vitest';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import { loadPlan } from '../../../shared/model/plan-load';
import type { PublishedRecords } from '../../../shared/model/project';
import { renderRecordsTable } from '../../../shared/records/records-table';
import { existingRecordsFor, recordsToPublish } from '../../../shared/records/records-to-publish';
import { renderZone } from '../../../shared/records/zone-render';
import { buildJsonExport } from '../../../main/export/json-export';

// A bakery whose mail is at Google Workspace today, as the wizard's look-up (dns.published)
// returns it: the records to publish merge with this, in every output.
const plan = (over: Partial<PlanInput> = {}) =>
  planSchema.parse({
    domain: 'bakery.test',
    mailHost: 'mail.bakery.test',
    ipv4: ['192.0.2.10'],
    ipv6: [],
    mode: 'send-only',
    senders: [],
    dkim: { selector: 'mail' },
    dmarc: { policy: 'none', rua: 'mailto:dmarc@bakery.test' },
    ...over,
  });

const GOOGLE: PublishedRecords & { domain: string; mailHost: string } = {
  domain: 'bakery.test',
  mailHost: 'mail.bakery.test',
  spf: ['v=spf1 include:_spf.google.com ~all'],
  dmarc: [],
  mx: [
    { preference: 1, exchange: 'aspmx.l.google.com' },
    { preference: 5, exchange: 'alt1.aspmx.l.google.com' },
  ],
  mailHostSpf: [],
  mailHostAddresses: [],
  problems: [],
  unread: [],
};

const actions = (p = plan(), published: Parameters<typeof recordsToPublish>[1] = GOOGLE) =>
  recordsToPublish(p, published).records.map((r) => `${r.action} ${r.type} ${r.name} ${r.value}`);

describe('recordsToPublish: the plan merged with what the domain publishes today', () => {
  it('keeps the include of today and adds the server, as an edit showing the old value', () => {
    const spf = recordsToPublish(plan(), GOOGLE).records.find((r) => r.key === 'spf');
    expect(spf?.value).toBe('v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all');
    expect(spf?.action).toBe('edit');
    expect(spf?.oldValue).toBe('v=spf1 include:_spf.google.com ~all');
  });

  it('never replaces the provider MX in send-only mode', () => {
    expect(actions().filter((a) => a.includes(' MX '))).toEqual([]);
  });

  it('adds this MX and deletes the provider MX when the user moves receiving', () => {
    expect(actions(plan({ mode: 'send-receive' })).filter((a) => a.includes(' MX '))).toEqual([
      'add MX bakery.test 10 mail.bakery.test',
      'delete MX bakery.test 1 aspmx.l.google.com',
      'delete MX bakery.test 5 alt1.aspmx.l.google.com',
    ]);
  });

  it('ignores a look-up made for other names (the domain changed since)', () => {
    expect(existingRecordsFor(plan(), { ...GOOGLE, domain: 'other.test' })).toEqual({});
    const spf = recordsToPublish(plan(), { ...GOOGLE, domain: 'other.test' }).records.find(
      (r) => r.key === 'spf',
    );
    expect(spf?.action).toBe('add');
  });

  it('says it could not read a list instead of reading it as "none"', () => {
    const r = recordsToPublish(plan({ mode: 'send-receive' }), {
      ...GOOGLE,
      spf: [],
      mx: [],
      unread: ['spf', 'mx'],
    });
    const spf = r.records.find((x) => x.key === 'spf');
    expect(spf?.action).toBe('add');
    expect(spf?.mergeNote).toContain('We do not know whether bakery.test has an SPF record today');
    expect(r.records.find((x) => x.key === 'mx')?.mergeNote).toContain(
      'We do not know which MX records',
    );
  });

  it('keeps what is already right, and edits what is not, never adding a second record', () => {
    const right = recordsToPublish(plan(), {
      ...GOOGLE,
      spf: ['v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all'],
      dmarc: ['v=DMARC1; p=none; rua=mailto:dmarc@bakery.test'],
      mailHostSpf: ['v=spf1 a -all'],
      mailHostAddresses: ['192.0.2.10'],
    }).records;
    for (const key of ['a:192.0.2.10', 'spf', 'spf-helo', 'dmarc'])
      expect(right.find((r) => r.key === key)?.action, key).toBe('keep');
  });

  it('says so when the mail host name already has another address (a website), never "add"', () => {
    const taken = recordsToPublish(plan(), { ...GOOGLE, mailHostAddresses: ['198.51.100.7'] });
    const a = taken.records.find((r) => r.key === 'a:192.0.2.10');
    expect(a?.action).toBe('edit');
    expect(a?.oldValue).toBe('198.51.100.7');
    expect(a?.warnings?.[0]).toContain('mail.bakery.test already points to 198.51.100.7 today');
    expect(a?.warnings?.[0]).toContain('choose another mail host name');
  });

  it('at the apex: the website address is edited with a warning, not added beside', () => {
    const apex = plan({ mailHost: 'bakery.test' });
    const seen = recordsToPublish(apex, {
      ...GOOGLE,
      mailHost: 'bakery.test',
      mailHostAddresses: ['198.51.100.7'],
    }).records.find((r) => r.type === 'A');
    expect(seen?.action).toBe('edit');
    expect(seen?.warnings?.[0]).toContain('(that is usually your website)');
    const unseen = recordsToPublish(apex, null).records.find((r) => r.type === 'A');
    expect(unseen?.action).toBe('edit');
    expect(unseen?.warnings?.[0]).toContain('Do not add a second address beside it');
  });
});

describe('every output carries the same merged records', () => {
  const p = plan({ mode: 'send-receive' });
  const overview = recordsToPublish(p, GOOGLE);
  const merged = 'v=spf1 ip4:192.0.2.10 include:_spf.google.com ~all';

  it('the zone file: the merged SPF, this MX, and the MX to delete only as comments', () => {
    const zone = renderZone(overview.records, p.domain);
    expect(zone).toContain(`@ 3600 IN TXT "${merged}"`);
    expect(zone).toMatch(/^@ 3600 IN MX 10 mail\.bakery\.test\.$/m);
    expect(zone).not.toMatch(/^@ \d+ IN MX 1 aspmx/m);
    expect(zone).toContain(';   @ MX 1 aspmx.l.google.com.');
  });

  it("the terminal table says DELETE and shows today's value of an edit", () => {
    const text = renderRecordsTable(overview.records, 'Records');
    expect(text).toContain(merged);
    expect(text).toContain('Today: v=spf1 include:_spf.google.com ~all');
    expect(text).toMatch(/DELETE MX\s+bakery\.test/);
  });

  it('the JSON export carries the look-up and the records, and `plan` on it merges the same', () => {
    const json = buildJsonExport(p, overview, GOOGLE, undefined, new Date(0));
    const doc = JSON.parse(json) as { records: { key: string; value: string }[] };
    expect(doc.records.find((r) => r.key === 'spf')?.value).toBe(merged);
    const loaded = loadPlan(json);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(recordsToPublish(loaded.plan, loaded.published)).toEqual(overview);
  });
});

describe('a Unicode domain', () => {
  it('reads in Unicode in what the user reads, and stays in DNS spelling in what they type', () => {
    const idn = plan({
      domain: 'xn--bckerei-mller-bfb28a.example',
      mailHost: 'mail.xn--bckerei-mller-bfb28a.example',
      mode: 'send-receive',
    });
    const { records } = recordsToPublish(idn, null);
    const mx = records.find((r) => r.type === 'MX')!;
    expect(mx.why).toContain('@bäckerei-müller.example to mail.bäckerei-müller.example');
    expect(mx.value).toBe('10 mail.xn--bckerei-mller-bfb28a.example');
    expect(mx.name).toBe('xn--bckerei-mller-bfb28a.example');
    const spf = records.find((r) => r.type === 'TXT' && r.value.startsWith('v=spf1'))!;
    expect(spf.why).toContain('@bäckerei-müller.example');
  });
});
