import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventHub } from '../../../main/api/event-hub';
import { startHttpHost, type HttpHost } from '../../../main/host/http-host';
import { ProjectStore } from '../../../main/store/project-store';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';

/** Browser mode's host on loopback, on a fresh folder: a stub page and an empty project store. */
export interface TestHost {
  host: HttpHost;
  /** Stop the host and remove its folder. */
  stop(): Promise<void>;
}

/** Start the host the way `mailwright serve` does, with a one-line page in place of the renderer. */
export async function startTestHost(prefix: string): Promise<TestHost> {
  const dir = await makeTempDir(prefix);
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Mailwright</title>');
  const host = await startHttpHost({
    ctx: {
      version: 't',
      transport: 'http',
      store: new ProjectStore(join(dir, 'data')),
      events: new EventHub(),
    },
    rendererDir: join(dir, 'renderer'),
  });
  return {
    host,
    stop: async () => {
      await host.close();
      await removeTempDir(dir);
    },
  };
}
