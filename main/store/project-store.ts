import { mkdir, readdir, readFile, rename, rm, stat, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import writeFileAtomic from 'write-file-atomic';
import { RunHistory } from './run-history';
import { ApiError } from '../../shared/api/result';
import {
  draftSchema,
  type Project,
  type ProjectSummary,
  type StoreProblem,
} from '../../shared/model/project';
import { normalizeDomainInput } from '../../shared/model/domain-input';
import { parseProjectFile, ProjectFileError, serializeProjectFile } from './project-file';

const PROJECT_FILE = 'project.json';

/**
 * Projects on disk: `<dataDir>/projects/<id>/project.json`, plus whatever else belongs to the
 * project in its folder (run history, the DKIM private key). Writes are atomic (temp file +
 * fsync + rename), so a crash leaves the old or the new file, never half of one. A file that
 * cannot be read is moved aside to `<dataDir>/projects-unreadable/` and reported, never
 * overwritten.
 */
export class ProjectStore {
  readonly projectsDir: string;
  readonly asideDir: string;

  constructor(readonly dataDir: string) {
    this.projectsDir = join(dataDir, 'projects');
    this.asideDir = join(dataDir, 'projects-unreadable');
  }

  /** The folder a project's files live in. */
  projectDir(id: string): string {
    if (!/^[a-z0-9-]{6,64}$/.test(id))
      throw new ApiError('bad-id', `"${id}" is not a project id.`, 'id');
    return join(this.projectsDir, id);
  }

  /** All readable projects, newest first, and the files that could not be read. */
  async list(): Promise<{ projects: ProjectSummary[]; problems: StoreProblem[] }> {
    await mkdir(this.projectsDir, { recursive: true });
    const projects: ProjectSummary[] = [];
    const problems: StoreProblem[] = [];
    for (const entry of await readdir(this.projectsDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = join(this.projectsDir, entry.name, PROJECT_FILE);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue; // a folder without a project file (e.g. a delete interrupted): nothing to show
      }
      try {
        const p = parseProjectFile(text);
        const d = normalizeDomainInput(p.draft.domain);
        projects.push({
          id: p.id,
          name: p.name,
          domain: d.ok ? d.unicode : p.draft.domain.trim(),
          updatedAt: p.updatedAt,
          step: p.step,
          ...(await this.lastRunOf(p.id)),
        });
      } catch (e) {
        if (!(e instanceof ProjectFileError)) throw e;
        problems.push(await this.setAside(entry.name, file, e.message));
      }
    }
    projects.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { projects, problems };
  }

  // The list shows each project's newest run; a history that cannot be read shows none.
  private async lastRunOf(id: string): Promise<Pick<ProjectSummary, 'lastRun'>> {
    const newest = await new RunHistory((i) => this.projectDir(i))
      .newest(id)
      .catch(() => undefined);
    if (!newest) return {};
    const { fail, warn, pending, unknown } = newest.summary;
    return {
      lastRun: {
        startedAt: newest.startedAt,
        fail,
        warn,
        pending,
        unknown,
        ...(newest.cancelled ? { cancelled: true } : {}),
      },
    };
  }

  /** Read one project. */
  async get(id: string): Promise<Project> {
    const file = join(this.projectDir(id), PROJECT_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ApiError(
        'not-found',
        'This project no longer exists. It may have been deleted in another window.',
      );
    }
    try {
      return parseProjectFile(text);
    } catch (e) {
      if (!(e instanceof ProjectFileError)) throw e;
      const problem = await this.setAside(id, file, e.message);
      throw new ApiError('unreadable', `${problem.message} It was kept as ${problem.keptAs}.`);
    }
  }

  /** Create a new, empty project. */
  async create(name: string, now = new Date()): Promise<Project> {
    const project: Project = {
      id: randomUUID(),
      name: name.trim(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      step: 'domain',
      // Every draft field with its default, so a new project on disk is complete.
      draft: draftSchema.parse({}),
    };
    await this.write(project);
    return project;
  }

  /** Save a project (atomically); stamps updatedAt. */
  async save(project: Project, now = new Date()): Promise<Project> {
    await this.assertExists(project.id);
    const saved = { ...project, updatedAt: now.toISOString() };
    await this.write(saved);
    return saved;
  }

  /** Rename a project. */
  async rename(id: string, name: string): Promise<Project> {
    const project = await this.get(id);
    return this.save({ ...project, name: name.trim() });
  }

  /** Copy a project (its plan and history, not its DKIM private key) under a new id. */
  async duplicate(id: string, now = new Date()): Promise<Project> {
    const source = await this.get(id);
    const copy: Project = {
      ...source,
      id: randomUUID(),
      name: `${source.name} (copy)`.slice(0, 120),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const runs = join(this.projectDir(id), 'runs');
    if (await exists(runs))
      await cp(runs, join(this.projectDir(copy.id), 'runs'), { recursive: true });
    await this.write(copy);
    return copy;
  }

  /** Delete a project and its folder. */
  async delete(id: string): Promise<void> {
    const dir = this.projectDir(id);
    await this.assertExists(id);
    // Remove the project file first: a crash mid-delete leaves a folder the list ignores.
    await rm(join(dir, PROJECT_FILE));
    await rm(dir, { recursive: true, force: true });
  }

  private async write(project: Project): Promise<void> {
    const dir = this.projectDir(project.id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(dir, PROJECT_FILE), serializeProjectFile(project), {
      mode: 0o600,
      fsync: true,
    });
  }

  private async assertExists(id: string): Promise<void> {
    if (!(await exists(join(this.projectDir(id), PROJECT_FILE)))) {
      throw new ApiError(
        'not-found',
        'This project no longer exists. It may have been deleted in another window.',
      );
    }
  }

  private async setAside(id: string, file: string, reason: string): Promise<StoreProblem> {
    await mkdir(this.asideDir, { recursive: true });
    const keptAs = join(
      this.asideDir,
      `${id}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    await rename(file, keptAs);
    return { file, keptAs, message: `The project file ${file} could not be read: ${reason}.` };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
