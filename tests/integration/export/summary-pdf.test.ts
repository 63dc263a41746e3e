import { describe, expect, it } from 'vitest';
import { planRecords } from '../../../shared/records/plan-records';
import { MARGIN } from '../../../main/export/pdf-style';
import { buildSummaryPdf } from '../../../main/export/summary-export';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { planSchema, type Plan } from '../../../shared/model/plan';
import {
  basicPlan,
  basicRun,
  IDN_CASES,
  idnPlan,
  longPlan,
  longRun,
  NOW,
} from '../../unit/export/summary-fixtures';
import { pdfInfo, pdfText, saveArtifacts, squash, wordBoxes } from './pdf-tools';

async function build(
  name: string,
  plan: Plan,
  run: CheckDocument | undefined,
  paper: 'a4' | 'letter' = 'a4',
): Promise<{ file: string; text: string; flat: string; ms: number; bytes: number }> {
  const t0 = performance.now();
  const pdf = await buildSummaryPdf(plan, planRecords(plan), run, { now: NOW, paper });
  const ms = performance.now() - t0;
  const file = await saveArtifacts(name, pdf);
  const text = await pdfText(file);
  return { file, text, flat: squash(text), ms, bytes: pdf.length };
}

/** Every word sits inside the page's text area (the footer line included): nothing clipped. */
async function expectNothingOffPage(file: string): Promise<void> {
  const boxes = await wordBoxes(file);
  expect(boxes.length).toBeGreaterThan(50);
  const outside = boxes.filter(
    (b) =>
      b.xMin < MARGIN.left - 1 ||
      b.xMax > b.pageWidth - MARGIN.right + 1 ||
      b.yMin < MARGIN.top - 12 ||
      b.yMax > b.pageHeight - 20,
  );
  expect(outside).toEqual([]);
}

describe('setup summary PDF', () => {
  it('shows the domain, every record name, every finding with its fix, and page numbers', async () => {
    const { file, text, flat } = await build('basic-a4', basicPlan, basicRun());
    const info = await pdfInfo(file);
    expect(Math.round(info.width)).toBe(595);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= info.pages; p += 1) expect(text).toContain(`Page ${p} of ${info.pages}`);

    expect(text).toContain('example.com');
    expect(text).toContain('2 things to fix');
    expect(text).toContain('22 November 2026 at 10:00');
    // The time zone is said once, on the cover, not after every time.
    expect(text.match(/UTC/g)).toHaveLength(1);
    for (const r of planRecords(basicPlan)) expect(flat).toContain(squash(r.name));
    for (const f of basicRun().findings) {
      expect(flat).toContain(squash(f.title).replace(/\.$/, ''));
      if (f.fix !== undefined) expect(flat).toContain(squash(f.ownerFix ?? f.fix));
    }
    // A site owner's document: the checker's commands, options and check ids stay in the JSON.
    expect(text).not.toMatch(/npx mailwright|--plan|\(smtp\.network\)|\bdnsbl\.ip\b/);
    expect(flat).toContain(squash("run Mailwright's check on the server itself"));
    // The technical words that remain are explained once, at the end.
    expect(text).toContain('Words used in this summary');
    expect(flat).toContain(squash('p=none: A DMARC policy that only asks for reports'));
    // The form's name for Cloudflare, the PTR request for Hetzner, the port 25 request.
    expect(text).toContain('Name box at Cloudflare: mail');
    expect(text).toContain('Set the reverse DNS at Hetzner');
    expect(text).toContain('port 25');
    // Next steps: the ladder with a date, warm-up, mail apps from submission.ports.
    expect(flat).toMatch(/Between\d+\w+2026and\d+\w+2026/);
    expect(text).toContain('Warming up a new server address');
    expect(text).toContain('Settings for mail apps');
    await expectNothingOffPage(file);
  });

  it.each(['route53', 'ovh', 'other'])(
    'shows the long DKIM value the way %s needs it, wrapped inside its column',
    async (dnsHost) => {
      const plan = planSchema.parse({ ...basicPlan, dnsHost });
      const { file, flat } = await build(`dkim-${dnsHost}`, plan, basicRun());
      const dkim = planRecords(plan).find((r) => r.name.startsWith('mail._domainkey'));
      const parts = dkim?.txtStrings ?? [];
      expect(parts.length).toBe(2);
      for (const part of parts) expect(flat).toContain(squash(`"${part}"`));
      await expectNothingOffPage(file);
    },
  );

  it('prints on Letter paper when asked', async () => {
    const { file, text } = await build('basic-letter', basicPlan, basicRun(), 'letter');
    const info = await pdfInfo(file);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([612, 792]);
    expect(text).toContain(`Page 1 of ${info.pages}`);
    await expectNothingOffPage(file);
  });

  it('says "Not verified yet" when no check has been run', async () => {
    const { file, text, flat } = await build('not-verified', basicPlan, undefined);
    expect(text).toContain('Not verified yet');
    expect(text).toContain('Not checked yet');
    for (const r of planRecords(basicPlan)) expect(flat).toContain(squash(r.name));
    await expectNothingOffPage(file);
  });

  it('lays out a long plan over many pages with the table header repeated', async () => {
    const run = longRun(longPlan);
    const { file, text, flat, ms, bytes } = await build('long-plan', longPlan, run);
    const info = await pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(6);
    for (let p = 1; p <= info.pages; p += 1) expect(text).toContain(`Page ${p} of ${info.pages}`);
    for (const r of planRecords(longPlan)) expect(flat).toContain(squash(r.name));
    for (const f of run.findings) {
      expect(flat).toContain(squash(f.title).replace(/\.$/, ''));
      if (f.fix !== undefined) expect(flat).toContain(squash(f.ownerFix ?? f.fix));
    }
    // A site owner's document: the checker's commands, options and check ids stay in the JSON.
    expect(text).not.toMatch(/npx mailwright|--plan|\(smtp\.network\)|\bdnsbl\.ip\b/);
    expect(flat).toContain(squash("run Mailwright's check on the server itself"));
    // The technical words that remain are explained once, at the end.
    expect(text).toContain('Words used in this summary');
    expect(flat).toContain(squash('p=none: A DMARC policy that only asks for reports'));
    // Every page that holds table rows starts them under a header row.
    const pages = text.split('\f');
    const headed = pages.filter((p) => /Check About Result|Name Type Value TTL Status/.test(p));
    expect(headed.length).toBeGreaterThanOrEqual(2);
    await expectNothingOffPage(file);
    console.log(`long plan: ${info.pages} pages, ${bytes} bytes, ${ms.toFixed(0)} ms`);
  });

  it.each(IDN_CASES)(
    'shows the international domain $unicode in Unicode with its punycode',
    async (c) => {
      const plan = idnPlan(c);
      const { file, text } = await build(`idn-${c.ascii}`, plan, undefined);
      expect(text).toContain(c.unicode);
      expect(text).toContain(c.ascii);
      expect(text).toContain(c.mailUnicode);
      await expectNothingOffPage(file);
    },
  );
});
