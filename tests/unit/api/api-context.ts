import { afterEach, beforeEach } from 'vitest';
import type { ApiContext } from '../../../main/api/context';
import { EventHub } from '../../../main/api/event-hub';
import { ProjectStore } from '../../../main/store/project-store';
import { makeTempDir, removeTempDir } from '../../peers/temp-dir';

/**
 * A browser-mode API context (version 1.2.3) on a fresh data folder for each test of the file
 * that calls this; the folder goes after each test. Read `ctx` and `dir` inside the tests.
 */
export function freshApiContext(prefix: string): {
  readonly ctx: ApiContext;
  readonly dir: string;
} {
  let dir = '';
  let ctx: ApiContext | undefined;
  beforeEach(async () => {
    dir = await makeTempDir(prefix);
    ctx = {
      version: '1.2.3',
      transport: 'http',
      store: new ProjectStore(dir),
      events: new EventHub(),
    };
  });
  afterEach(() => removeTempDir(dir));
  return {
    get ctx() {
      if (!ctx) throw new Error('the API context exists only inside a test');
      return ctx;
    },
    get dir() {
      return dir;
    },
  };
}
