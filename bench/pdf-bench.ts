import { pathToFileURL } from 'node:url';
import { buildSummaryPdf } from '../main/export/summary-export';
import { planRecords } from '../shared/records/plan-records';
import type { CheckDocument } from '../shared/checks/verify-progress';
import type { Plan } from '../shared/model/plan';
import { basicPlan, basicRun, longPlan, longRun, NOW } from '../tests/unit/export/summary-fixtures';

const RUNS = 10;

function pages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
}

async function time(plan: Plan, run: CheckDocument): Promise<{ ms: number; pdf: Uint8Array }> {
  const t0 = performance.now();
  const pdf = await buildSummaryPdf(plan, planRecords(plan), run, { now: NOW });
  return { ms: performance.now() - t0, pdf };
}

/**
 * Setup summary PDF: generation time (target < 1 s) and size, for the basic plan and the long
 * plan (IPv4+IPv6, 4 senders, 4096-bit DKIM key, a finding for every check). "first" includes
 * reading and parsing the fonts, which happens once per process.
 */
export async function pdfBench(): Promise<void> {
  const cases: [string, Plan, CheckDocument][] = [
    ['basic', basicPlan, basicRun()],
    ['long', longPlan, longRun(longPlan)],
  ];
  const first = await time(basicPlan, basicRun());
  console.log(`pdf first (fonts parsed): ${first.ms.toFixed(0)} ms`);
  for (const [name, plan, run] of cases) {
    const times: number[] = [];
    let last: Uint8Array = new Uint8Array();
    for (let i = 0; i < RUNS; i += 1) {
      const r = await time(plan, run);
      times.push(r.ms);
      last = r.pdf;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const max = times[times.length - 1] ?? 0;
    console.log(
      `pdf ${name}: median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms over ${RUNS} runs; ${(last.length / 1024).toFixed(1)} KiB, ${pages(last)} pages (target < 1000 ms)`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await pdfBench();
}
