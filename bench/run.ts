// `npm run bench`: each section starts its own peers on loopback and prints its numbers.
// Add a section: export an async function from bench/<area>-bench.ts and list it here.
import { verifyBench } from './verify-bench';
import { pdfBench } from './pdf-bench';
import { rendererBench } from './renderer-bench';
import { hostileDnsBench } from './hostile-dns-bench';

const sections: [string, () => Promise<void>][] = [
  ['verify', verifyBench],
  ['pdf', pdfBench],
  ['renderer', rendererBench],
  ['hostile-dns', hostileDnsBench],
];

for (const [name, run] of sections) {
  try {
    await run();
  } catch (e) {
    console.error(`bench section ${name} failed: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  }
}
