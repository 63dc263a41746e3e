import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/result';
import { checkDocumentSchema, type CheckDocument } from '../../shared/checks/verify-progress';
import { runIdOf, type RunSummary } from '../../shared/checks/run-summary';
import { makeFolder, writeAtomic } from './atomic-write';

const RUN_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(\.\d{3})?Z(-\d+)?$/;

/**
 * The verification runs of a project: `<project folder>/runs/<start time>.json`, one CheckDocument
 * each, written atomically (a crash leaves the old file or the new one). A file that does not
 * read as a run is skipped by the list, never deleted.
 */
export class RunHistory {
  /** `projectDir(id)` gives the project's folder (ProjectStore.projectDir checks the id). */
  constructor(private readonly projectDir: (projectId: string) => string) {}

  private dir(projectId: string): string {
    return join(this.projectDir(projectId), 'runs');
  }

  /** Store a finished run; returns its id. Two runs started in the same millisecond get a suffix. */
  async save(projectId: string, doc: CheckDocument): Promise<string> {
    const dir = this.dir(projectId);
    await makeFolder(dir);
    const existing = new Set(await readdir(dir));
    const base = runIdOf(doc.startedAt);
    let id = base;
    for (let n = 2; existing.has(`${id}.json`); n += 1) id = `${base}-${n}`;
    await writeAtomic(join(dir, `${id}.json`), `${JSON.stringify(doc, null, 2)}\n`, {
      mode: 0o600,
    });
    return id;
  }

  /** Every stored run of a project, newest first. */
  async list(projectId: string): Promise<RunSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir(projectId));
    } catch {
      return [];
    }
    const runs: RunSummary[] = [];
    for (const name of names) {
      const id = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !RUN_ID.test(id)) continue;
      const doc = await this.read(projectId, id).catch(() => undefined);
      if (!doc) continue;
      runs.push({
        id,
        startedAt: doc.startedAt,
        durationMs: doc.durationMs,
        summary: doc.summary,
        ...(doc.cancelled ? { cancelled: true } : {}),
      });
    }
    return runs.sort((a, b) => b.id.localeCompare(a.id));
  }

  /** The newest readable run's summary, reading only as many files as it takes (the projects list). */
  async newest(projectId: string): Promise<RunSummary | undefined> {
    let names: string[];
    try {
      names = await readdir(this.dir(projectId));
    } catch {
      return undefined;
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.replace(/\.json$/, ''))
      .filter((id) => RUN_ID.test(id))
      .sort((a, b) => b.localeCompare(a));
    for (const id of ids) {
      const doc = await this.read(projectId, id).catch(() => undefined);
      if (doc) {
        return {
          id,
          startedAt: doc.startedAt,
          durationMs: doc.durationMs,
          summary: doc.summary,
          ...(doc.cancelled ? { cancelled: true } : {}),
        };
      }
    }
    return undefined;
  }

  /** One stored run. */
  async get(projectId: string, runId: string): Promise<CheckDocument> {
    if (!RUN_ID.test(runId)) throw new ApiError('bad-id', `"${runId}" is not a run id.`, 'runId');
    try {
      return await this.read(projectId, runId);
    } catch {
      throw new ApiError('not-found', 'This check run is no longer in the project history.');
    }
  }

  private async read(projectId: string, runId: string): Promise<CheckDocument> {
    const text = await readFile(join(this.dir(projectId), `${runId}.json`), 'utf8');
    return checkDocumentSchema.parse(JSON.parse(text));
  }
}
