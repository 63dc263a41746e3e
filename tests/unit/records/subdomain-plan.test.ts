import { describe, expect, it } from 'vitest';
import { planSchema, type PlanInput } from '../../../shared/model/plan';
import type { PublishedRecords } from '../../../shared/model/project';
import { recordsToPublish } from '../../../shared/records/records-to-publish';
import { renderZone } from '../../../shared/records/zone-render';
import { buildJsonExport } from '../../../main/export/json-export';
import { buildZoneFile } from '../../../main/export/zone-export';
import { summaryFor } from '../../../main/export/summary-export';
import { nameField } from '../../../shared/checks/eval-context';

// A newsletter sent from a subdomain of a shop whose main domain already has DMARC: seed 000's
// advice (send bulk mail from a subdomain) as a user would plan it.
const plan = (over: Partial<PlanInput> = {}) =>
  planSchema.parse({
    domain: 'news.shop.example',
    mailHost: 'mail.shop.example',
    ipv4: ['192.0.2.10'],
    mode: 'send-only',
    dkim: { selector: 'mail' },
    dmarc: { policy: 'quarantine' },
    ...over,
  });

const published = (
  parent: string | undefined,
  over: Partial<PublishedRecords> = {},
): PublishedRecords & { domain: string; mailHost: string } => ({
  domain: 'news.shop.example',
  mailHost: 'mail.shop.example',
  spf: [],
  dmarc: [],
  mx: [],
  mailHostSpf: [],
  mailHostAddresses: [],
  problems: [],
  unread: [],
  ...(parent ? { dmarcInherited: { at: 'shop.example', texts: [parent] } } : {}),
  ...over,
});

const dmarcOf = (o: ReturnType<typeof recordsToPublish>) =>
  o.records.find((r) => r.key === 'dmarc');

describe('a subdomain plan and the DMARC record it inherits', () => {
  it('needs no record of its own when the parent applies sp= at least as strict', () => {
    const o = recordsToPublish(
      plan(),
      published('v=DMARC1; p=none; sp=reject; rua=mailto:d@shop.example'),
    );
    expect(dmarcOf(o)).toBeUndefined();
    expect(o.dmarc).toMatchObject({
      needsOwn: false,
      at: 'shop.example',
      policy: { tag: 'sp', value: 'reject' },
    });
    expect(o.notes).toContain(o.dmarc?.sentence);
    expect(o.dmarc?.sentence).toMatch(/_dmarc\.shop\.example/);
    expect(o.dmarc?.sentence).toMatch(/sp=reject/);
  });

  it("uses the parent's p= when it has no sp=", () => {
    const o = recordsToPublish(plan(), published('v=DMARC1; p=reject'));
    expect(o.dmarc).toMatchObject({ needsOwn: false, policy: { tag: 'p', value: 'reject' } });
  });

  it('needs its own when the inherited policy is weaker than planned', () => {
    const o = recordsToPublish(plan(), published('v=DMARC1; p=reject; sp=none'));
    expect(o.dmarc).toMatchObject({ needsOwn: true, policy: { tag: 'sp', value: 'none' } });
    expect(dmarcOf(o)).toMatchObject({ name: '_dmarc.news.shop.example', action: 'add' });
    expect(o.dmarc?.sentence).toMatch(/weaker than the p=quarantine/);
  });

  it('counts testing mode (t=y) one step less strict', () => {
    const o = recordsToPublish(plan(), published('v=DMARC1; p=quarantine; t=y'));
    expect(o.dmarc?.needsOwn).toBe(true);
  });

  it('needs its own when the reports the user asked for would not come', () => {
    const p = plan({ dmarc: { policy: 'none', rua: 'mailto:reports@news.shop.example' } });
    const o = recordsToPublish(p, published('v=DMARC1; p=reject; rua=mailto:d@shop.example'));
    expect(o.dmarc?.needsOwn).toBe(true);
    expect(o.dmarc?.sentence).toMatch(/mailto:reports@news\.shop\.example/);
  });

  it('keeps its own record when it has one, and plans one when nothing was read', () => {
    const own = recordsToPublish(
      plan(),
      published('v=DMARC1; p=reject', { dmarc: ['v=DMARC1; p=quarantine'] }),
    );
    expect(own.dmarc).toBeUndefined();
    expect(dmarcOf(own)?.action).toBe('keep');
    const unread = recordsToPublish(plan(), published('v=DMARC1; p=reject', { unread: ['dmarc'] }));
    expect(unread.dmarc).toBeUndefined();
    expect(dmarcOf(unread)?.action).toBe('add');
  });

  it('says which record applies in the PDF summary and the JSON export', () => {
    const p = plan();
    const o = recordsToPublish(p, published('v=DMARC1; p=reject'));
    const s = summaryFor(p, o.records, undefined, new Date('2026-12-07T00:00:00Z'), {
      zone: o.zone,
      ...(o.dmarc ? { dmarc: o.dmarc } : {}),
    });
    expect(s.dmarcApplies).toBe(o.dmarc?.sentence);
    const json = JSON.parse(buildJsonExport(p, o, published('v=DMARC1; p=reject'), undefined));
    expect(json.dmarc).toMatchObject({ needsOwn: false, at: 'shop.example' });
    expect(json.zone).toBe('shop.example');
  });
});

describe('names relative to the zone a subdomain plan lives in', () => {
  const weak = published('v=DMARC1; p=none; sp=none');

  it('is the parent zone by the public suffix list, or the zone a look-up found', () => {
    expect(recordsToPublish(plan(), weak).zone).toBe('shop.example');
    expect(recordsToPublish(plan(), { ...weak, zone: 'news.shop.example' }).zone).toBe(
      'news.shop.example',
    );
    // A zone that does not contain the domain (a stale look-up) is not used.
    expect(recordsToPublish(plan(), { ...weak, zone: 'other.example' }).zone).toBe('shop.example');
  });

  it('gives _dmarc.news in the form, the fix and the zone file alike', () => {
    const p = plan({ dnsHost: 'cloudflare' });
    const o = recordsToPublish(p, weak);
    const s = summaryFor(p, o.records, undefined, new Date('2026-12-07T00:00:00Z'), {
      zone: o.zone,
    });
    expect(s.records.find((r) => r.key === 'dmarc')?.formName).toBe('_dmarc.news');
    const ctx = { plan: p, observedAt: '2026-12-07T00:00:00Z', dnsHostId: 'cloudflare' };
    expect(nameField('_dmarc.news.shop.example', ctx)).toBe('_dmarc.news');
    expect(nameField('_dmarc.news.shop.example', { ...ctx, zone: 'news.shop.example' })).toBe(
      '_dmarc',
    );
    const zone = buildZoneFile(p, o.records, o.zone);
    expect(zone).toMatch(/^\$ORIGIN shop\.example\.$/m);
    expect(zone).toMatch(/^_dmarc\.news\s/m);
    expect(renderZone(o.records, o.zone)).toBe(zone);
  });
});
