import { describe, expect, it } from 'vitest';
import { buildSummaryPdf } from '../../../main/export/summary-export';
import { planSchema } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { CheckId } from '../../../shared/checks/catalogue';
import type { Finding } from '../../../shared/checks/finding';
import { summarize } from '../../../shared/checks/status';
import { pdfText, saveArtifacts, squash } from './pdf-tools';

const plan = planSchema.parse({
  domain: 'example.test',
  mailHost: 'mail.example.test',
  ipv4: ['192.0.2.10'],
  dkim: { selector: 'mail' },
  dmarc: { policy: 'quarantine' },
});

const f = (check: CheckId, status: Finding['status'], fix?: string): Finding => ({
  check,
  subject: 'example.test',
  status,
  title: check,
  detail: '',
  ...(fix ? { fix } : {}),
});

const doc = (findings: Finding[]): CheckDocument => ({
  tool: 'mailwright',
  version: '0.1.0',
  domain: 'example.test',
  startedAt: '2026-12-07T02:00:00.000Z',
  durationMs: 100,
  summary: summarize(findings),
  findings,
});

describe('the PDF\'s "Ready for Gmail and Yahoo" table', () => {
  it('shows each requirement with the last check, the last test message and the fix, with sources', async () => {
    const run = doc([
      f('dmarc.present', 'pass'),
      f('dmarc.policy', 'pass'),
      f('ptr.present', 'pass'),
      f('ptr.fcrdns', 'pass'),
    ]);
    const message = doc([
      f('message.dmarc', 'pass'),
      f('message.bulk', 'fail', 'Add "List-Unsubscribe-Post: List-Unsubscribe=One-Click".'),
      f('message.transport', 'pass'),
    ]);
    const pdf = await buildSummaryPdf(plan, planRecords(plan), run, {
      now: new Date('2026-12-07T03:00:00Z'),
      message: { checkedAt: '2026-12-07T02:30:00.000Z', document: message },
    });
    const text = squash(await pdfText(await saveArtifacts('readiness', pdf)));
    expect(text).toContain(squash('Ready for Gmail and Yahoo'));
    expect(text).toContain(squash('checked 2026-12-07 02:30 UTC'));
    expect(text).toMatch(/One-clickunsubscribe.*Needsfixing.*List-Unsubscribe=One-Click/);
    expect(text).toContain(squash('Google Postmaster Tools'));
    expect(text).toContain(squash('https://support.google.com/a/answer/81126'));
  });

  it('without a test message it says none was checked yet', async () => {
    const pdf = await buildSummaryPdf(plan, planRecords(plan), undefined, {
      now: new Date('2026-12-07T03:00:00Z'),
    });
    const text = squash(await pdfText(await saveArtifacts('readiness-none', pdf)));
    expect(text).toContain(squash('none checked yet'));
  });
});
