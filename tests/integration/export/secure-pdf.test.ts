import { describe, expect, it } from 'vitest';
import { buildSummaryPdf } from '../../../main/export/summary-export';
import { planSchema } from '../../../shared/model/plan';
import { planRecords } from '../../../shared/records/plan-records';
import { basicPlan, basicRun, NOW } from '../../unit/export/summary-fixtures';
import { pdfText, saveArtifacts, squash } from './pdf-tools';

// The setup summary PDF of a plan that chose secure delivery lists the MTA-STS, TLS-RPT, TLSA and
// CAA records with the other records, and the run's secure-delivery findings with their status.

describe('setup summary PDF with secure delivery', () => {
  it('lists the chosen records and their findings', async () => {
    const plan = planSchema.parse({
      ...basicPlan,
      security: { mtaSts: true, tlsRpt: true, dane: { keyHashes: ['ab'.repeat(32)] }, caa: true },
    });
    const base = basicRun();
    const run = {
      ...base,
      findings: [
        ...base.findings,
        {
          check: 'dane.tlsa' as const,
          subject: '_25._tcp.mail.example.com',
          status: 'fail' as const,
          title: 'The TLSA record does not match your mail server',
          detail: 'The server showed another key.',
          fix: 'Publish 3 1 1 cd… and delete the record that does not match.',
        },
        {
          check: 'mtasts.policy' as const,
          subject: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
          status: 'pass' as const,
          title: 'The MTA-STS policy is served (testing mode)',
          detail: 'Valid policy.',
        },
      ],
    };
    const pdf = await buildSummaryPdf(plan, planRecords(plan), run, { now: NOW, paper: 'a4' });
    const file = await saveArtifacts('secure-delivery-a4', pdf);
    const flat = squash(await pdfText(file));
    for (const r of planRecords(plan).filter((x) => /mta-sts|tls-rpt|tlsa|caa/.test(x.key)))
      expect(flat, r.key).toContain(squash(r.name));
    expect(flat).toContain(squash('The TLSA record does not match your mail server'));
    expect(flat).toContain(squash('The MTA-STS policy is served (testing mode)'));
    expect(flat).toContain('TLSA');
    expect(flat).toContain('CAA');
  });
});
