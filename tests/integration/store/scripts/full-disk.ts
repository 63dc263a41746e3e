// Run by tests/integration/store/constrained-disk.test.ts inside a tiny tmpfs: what the store
// does when the disk fills up. Prints one JSON object.
import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { call, PLAN, storeContext } from './store-context';

const dataDir = process.argv[2] as string;
const ctx = storeContext(dataDir);
const project = await ctx.store.create('Full disk');
const saved = await ctx.store.save({
  ...project,
  draft: { ...project.draft, domain: 'example.com' },
});
const folder = ctx.store.projectDir(project.id);

// Fill the disk to the last byte.
const filler = join(dataDir, 'filler');
const h = await open(filler, 'w');
const chunk = Buffer.alloc(16 * 1024, 1);
for (;;) {
  try {
    await h.write(chunk);
  } catch {
    break;
  }
}
for (;;) {
  try {
    await h.write(Buffer.alloc(1, 1));
  } catch {
    break;
  }
}
await h.close();

const verify = await call(ctx, 'verify.run', { projectId: project.id, plan: PLAN });
const runsAfterVerify = await readdir(join(folder, 'runs')).catch(() => []);
const keygen = await call(ctx, 'dkim.generate', { projectId: project.id, selector: 'mail' });
const filesAfterKeygen = await readdir(folder);
const save = await call(ctx, 'projects.save', { project: { ...saved, name: 'Renamed' } });
const afterSave = await ctx.store.get(project.id);
const create = await call(ctx, 'projects.create', { name: 'Another' });

await rm(filler);
const keygenRetry = await call(ctx, 'dkim.generate', { projectId: project.id, selector: 'mail' });
const filesAfterRetry = await readdir(folder);

process.stdout.write(
  JSON.stringify({
    verify,
    runsAfterVerify,
    keygen,
    filesAfterKeygen,
    save,
    nameAfterSave: afterSave.name,
    create,
    keygenRetry: keygenRetry.ok,
    filesAfterRetry,
  }),
);
