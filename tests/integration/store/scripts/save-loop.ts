// Bundled and run by tests/integration/store/kill-during-save.test.ts, then killed with SIGKILL
// at a random moment: saves a project over and over, each version recognisable (name "v<n>",
// dkimPaste "<n>:" + 300 KB), and says "saved <n>" after each save returns.
import { ProjectStore } from '../../../../main/store/project-store';

async function main(): Promise<void> {
  const [dataDir, id, first] = process.argv.slice(2) as [string, string, string];
  const store = new ProjectStore(dataDir);
  const base = await store.get(id);
  const filler = 'x'.repeat(300_000);
  process.stdout.write('ready\n');
  for (let n = Number(first); ; n += 1) {
    await store.save({
      ...base,
      name: `v${n}`,
      draft: { ...base.draft, dkimPaste: `${n}:${filler}` },
    });
    process.stdout.write(`saved ${n}\n`);
  }
}

void main();
