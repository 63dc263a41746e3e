// Run by tests/integration/store/constrained-disk.test.ts with the data folder mounted
// read-only: what the store lists and says. Prints one JSON object.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { call, PLAN, storeContext } from './store-context';

const dataDir = process.argv[2] as string;
const [goodId, badId] = process.argv.slice(3) as [string, string];
const ctx = storeContext(dataDir);

const list = await call(ctx, 'projects.list', {});
const getBad = await call(ctx, 'projects.get', { id: badId });
const create = await call(ctx, 'projects.create', { name: 'New' });
const verify = await call(ctx, 'verify.run', { projectId: goodId, plan: PLAN });
const keygen = await call(ctx, 'dkim.generate', { projectId: goodId, selector: 'mail' });
const cleaned = await ctx.store.removeInterruptedSaves();

process.stdout.write(
  JSON.stringify({
    list,
    getBad,
    create,
    verify,
    keygen,
    cleaned,
    badFolder: await readdir(join(dataDir, 'projects', badId)),
    top: await readdir(dataDir),
  }),
);
