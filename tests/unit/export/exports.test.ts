import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../main/api/context';
import { dispatch } from '../../../main/api/dispatch';
import { exportJson, exportPdf, exportZone } from '../../../main/export/export-api';
import { buildJsonExport } from '../../../main/export/json-export';
import { buildZoneFile } from '../../../main/export/zone-export';
import { ApiError } from '../../../shared/api/result';
import { checkDocumentSchema } from '../../../shared/checks/verify-progress';
import { planSchema } from '../../../shared/model/plan';
import { planOverview, planRecords } from '../../../shared/records/plan-records';
import { basicPlan, basicRun, NOW } from './summary-fixtures';

describe('zone file export', () => {
  it('holds every DNS-host record, and reverse DNS only as a comment', () => {
    const zone = buildZoneFile(basicPlan, planRecords(basicPlan));
    expect(zone).toContain('$ORIGIN example.com.');
    expect(zone).toMatch(/^@ 3600 IN MX 10 mail\.example\.com\.$/m);
    expect(zone).toMatch(/^mail\._domainkey 3600 IN TXT "v=DKIM1; k=rsa; p=[^"]{200,}" "/m);
    expect(zone).toMatch(/^;.*in-addr\.arpa\. PTR mail\.example\.com/m);
    const owners = planRecords(basicPlan).filter((r) => r.where === 'dns-host').length;
    expect(
      zone.split('\n').filter((l) => / IN (A|AAAA|MX|TXT|CNAME) /.test(l) && !l.startsWith(';')),
    ).toHaveLength(owners);
  });
});

describe('JSON export', () => {
  it('is the plan and the run, the run exactly as `check --json` printed it', () => {
    const run = basicRun();
    const doc = JSON.parse(
      buildJsonExport(basicPlan, planOverview(basicPlan), null, run, NOW),
    ) as Record<string, unknown>;
    expect(doc['format']).toBe('mailwright-export');
    expect(doc['exportedAt']).toBe(NOW.toISOString());
    expect(planSchema.parse(doc['plan'])).toEqual(basicPlan);
    expect(checkDocumentSchema.parse(doc['run'])).toEqual(run);
  });

  it('has run null before any check', () => {
    expect(
      JSON.parse(buildJsonExport(basicPlan, planOverview(basicPlan), null, undefined, NOW)).run,
    ).toBeNull();
  });
});

describe('export calls of the contract', () => {
  it('return the PDF as base64 and the texts with file names', async () => {
    const pdf = await exportPdf({ plan: basicPlan, run: basicRun(), paper: 'letter' });
    expect(pdf.fileName).toBe('mail-setup-example.com.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await exportZone({ plan: basicPlan })).text).toBe(
      buildZoneFile(basicPlan, planRecords(basicPlan)),
    );
    expect((await exportJson({ plan: basicPlan })).fileName).toBe('mailwright-example.com.json');
  });

  it('name the wrong field of a bad plan', async () => {
    const bad = { ...basicPlan, ipv4: ['1231233'] };
    const error = await exportZone({ plan: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field).toBe('plan.ipv4[0]');
  });
});

describe('export calls through the contract dispatcher', () => {
  // The export handlers use no store or events: an empty context is enough.
  const ctx = {} as ApiContext;

  it('answer export.pdf with a PDF in base64, validated against the contract', async () => {
    const r = await dispatch('export.pdf', { plan: basicPlan, run: basicRun() }, ctx);
    expect(r.ok).toBe(true);
    const value = (r as { ok: true; value: { base64: string; mimeType: string } }).value;
    expect(value.mimeType).toBe('application/pdf');
    expect(Buffer.from(value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuse a bad paper size and a bad plan with the field named', async () => {
    const paper = await dispatch('export.pdf', { plan: basicPlan, paper: 'a5' }, ctx);
    expect(paper).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'paper' } });
    const plan = await dispatch('export.zone', { plan: { ...basicPlan, domain: 'com' } }, ctx);
    expect(plan).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'plan.domain' } });
  });
});
