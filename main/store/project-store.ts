import { chmod, cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { RunHistory } from './run-history';
import { ApiError } from '../../shared/api/result';
import {
  draftSchema,
  type GeneratedKey,
  type Project,
  type ProjectSummary,
  type StoreProblem,
} from '../../shared/model/project';
import { normalizeDomainInput } from '../../shared/model/domain-input';
import { parseProjectFile, ProjectFileError, serializeProjectFile } from './project-file';
import { makeFolder, removeInterruptedSaves, writeAtomic } from './atomic-write';
import { storageMessage, storageReason } from './storage-error';

const PROJECT_FILE = 'project.json';
const PROJECT_ID = /^[a-z0-9-]{6,64}$/;
const KEY_FIELDS = ['dkimGenerated', 'dkimGeneratedEd25519'] as const;

/** What reading a project folder's file gave. */
type FolderRead =
  | { kind: 'project'; project: Project; problem?: StoreProblem }
  | { kind: 'missing' }
  | { kind: 'problem'; problem: StoreProblem };

/**
 * Projects on disk: `<dataDir>/projects/<id>/project.json`, plus whatever else belongs to the
 * project in its folder (run history, the DKIM private key). Writes are atomic (temp file +
 * fsync + rename, main/store/atomic-write.ts), so a crash leaves the old or the new file, never
 * half of one. A file that cannot be read is moved aside to `<dataDir>/projects-unreadable/` and
 * reported, never overwritten (left in place and reported when the data folder is read-only).
 * A project's id is its folder's name: a folder copied by hand becomes a project of its own.
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
    if (!PROJECT_ID.test(id)) throw new ApiError('bad-id', `"${id}" is not a project id.`, 'id');
    return join(this.projectsDir, id);
  }

  /**
   * Remove what interrupted saves left (temp files of a process no longer running). Called once
   * when the app or `mailwright serve` starts; never touches a save another process is making.
   */
  async removeInterruptedSaves(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.projectsDir);
    } catch {
      return [];
    }
    const folders = names.flatMap((n) => {
      const dir = join(this.projectsDir, n);
      return [dir, join(dir, 'runs')];
    });
    return removeInterruptedSaves(folders);
  }

  /** All readable projects, newest first, and the folders that could not be listed as they are. */
  async list(): Promise<{ projects: ProjectSummary[]; problems: StoreProblem[] }> {
    // A read-only data folder without a projects folder simply has no projects yet.
    await makeFolder(this.projectsDir).catch(() => undefined);
    const projects: ProjectSummary[] = [];
    const problems: StoreProblem[] = [];
    let entries;
    try {
      entries = await readdir(this.projectsDir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { projects, problems };
      throw new ApiError(
        'unreadable',
        `Mailwright cannot read its projects folder ${this.projectsDir}: ${storageMessage(e)}.`,
      );
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const read = await this.readFolder(entry.name);
      if (read.kind === 'missing') continue;
      if (read.kind === 'problem') {
        problems.push(read.problem);
        continue;
      }
      if (read.problem) problems.push(read.problem);
      const p = read.project;
      const d = normalizeDomainInput(p.draft.domain);
      projects.push({
        id: p.id,
        name: p.name,
        domain: d.ok ? d.unicode : p.draft.domain.trim(),
        updatedAt: p.updatedAt,
        step: p.step,
        ...(await this.lastRunOf(p.id)),
      });
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
    this.projectDir(id);
    const read = await this.readFolder(id);
    if (read.kind === 'missing') {
      throw new ApiError(
        'not-found',
        'This project no longer exists. It may have been deleted in another window.',
      );
    }
    if (read.kind === 'problem') throw new ApiError('unreadable', read.problem.message);
    return read.project;
  }

  /**
   * Read the project in one folder. A file that does not parse is set aside; a project.json that
   * is a folder or cannot be read is reported; a project whose id is not its folder's (the folder
   * was copied by hand) takes the folder's name as its id, on disk too when it can be written.
   */
  private async readFolder(folder: string): Promise<FolderRead> {
    const dir = join(this.projectsDir, folder);
    const file = join(dir, PROJECT_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A folder without a project file (e.g. a delete interrupted): nothing to show.
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      const why =
        code === 'EISDIR'
          ? `"${PROJECT_FILE}" there is a folder, not a file. Move the folder away (or look inside it for the project file) to open this project`
          : `it could not be read (${storageMessage(e)})`;
      return {
        kind: 'problem',
        problem: { file, keptAs: file, message: `The project ${file} was not opened: ${why}.` },
      };
    }
    let project: Project;
    try {
      project = parseProjectFile(text);
    } catch (e) {
      if (!(e instanceof ProjectFileError)) throw e;
      return { kind: 'problem', problem: await this.setAside(folder, file, e.message) };
    }
    if (project.id === folder) return { kind: 'project', project };
    if (!PROJECT_ID.test(folder)) {
      return {
        kind: 'problem',
        problem: {
          file,
          keptAs: file,
          message: `The folder ${dir} holds a copy of the project "${project.name}", but its name is not a project id, so it is not listed. To open it, rename the folder to ${randomUUID()}.`,
        },
      };
    }
    return this.adopt(folder, project);
  }

  // A folder copied by hand: the copy becomes its own project under the folder's name, with the
  // DKIM key files of its own folder (the copy's), so saving or deleting one never touches the other.
  private async adopt(folder: string, found: Project): Promise<FolderRead> {
    const project: Project = { ...found, id: folder, draft: { ...found.draft } };
    for (const field of KEY_FIELDS) {
      const key = project.draft[field];
      if (!key) continue;
      const own = join(this.projectsDir, folder, basename(key.keyFile));
      if (await exists(own)) project.draft[field] = { ...key, keyFile: own };
    }
    const dir = join(this.projectsDir, folder);
    let saved = '';
    try {
      await this.writeFile(project);
    } catch (e) {
      saved = ` It could not be changed on disk (${storageMessage(e)}), so this is said again next time.`;
    }
    return {
      kind: 'project',
      project,
      problem: {
        file: join(dir, PROJECT_FILE),
        keptAs: join(dir, PROJECT_FILE),
        message: `The folder ${dir} is a copy of the project "${found.name}" (it had the same id, ${found.id}). It is now a project of its own, listed and saved separately.${saved}`,
      },
    };
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
    try {
      await this.write(project);
    } catch (e) {
      // No empty folder left behind by a create that could not be written.
      await rm(this.projectDir(project.id), { recursive: true, force: true }).catch(
        () => undefined,
      );
      throw e;
    }
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

  /**
   * Copy a project under a new id: its plan, its history and its own copy of each DKIM private
   * key (0600), so deleting either project never takes the other's key. Nothing is left behind
   * when the copy fails half-way.
   */
  async duplicate(id: string, now = new Date()): Promise<Project> {
    const source = await this.get(id);
    const copy: Project = {
      ...source,
      id: randomUUID(),
      name: `${source.name} (copy)`.slice(0, 120),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      draft: { ...source.draft },
    };
    const dir = this.projectDir(copy.id);
    try {
      await makeFolder(dir);
      await chmod(dir, 0o700);
      const runs = join(this.projectDir(id), 'runs');
      if (await exists(runs)) {
        await cp(runs, join(dir, 'runs'), { recursive: true, errorOnExist: true });
        await chmod(join(dir, 'runs'), 0o700);
      }
      for (const field of KEY_FIELDS) {
        const key = source.draft[field];
        if (key) copy.draft[field] = await this.copyKey(key, dir);
      }
      await this.writeFile(copy);
    } catch (e) {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw notSaved(e, 'The project could not be duplicated');
    }
    return copy;
  }

  // The key is written whole with mode 0600 from the start (never readable by others).
  private async copyKey(key: GeneratedKey, into: string): Promise<GeneratedKey> {
    let pem: Buffer;
    try {
      pem = await readFile(key.keyFile);
    } catch {
      return key; // the key file is gone already: the copy keeps the path it had
    }
    const target = join(into, basename(key.keyFile));
    await writeAtomic(target, pem, { mode: 0o600, noReplace: true });
    return { ...key, keyFile: target };
  }

  /**
   * Delete a project and its folder. Refused while another project uses a DKIM key file in this
   * folder (a duplicate made by an earlier version shared the original's key), so no key a mail
   * server may be signing with vanishes.
   */
  async delete(id: string): Promise<void> {
    const dir = this.projectDir(id);
    await this.assertExists(id);
    const user = await this.otherKeyUser(id, dir);
    if (user) {
      throw new ApiError(
        'key-in-use',
        `The project "${user.project}" uses the DKIM private key ${user.keyFile}, which is kept in this project's folder. Deleting this project would delete that key. Delete "${user.project}" first, or make it a key of its own on its DKIM step.`,
      );
    }
    // Remove the project file first: a crash mid-delete leaves a folder the list ignores.
    await rm(join(dir, PROJECT_FILE));
    await rm(dir, { recursive: true, force: true });
  }

  private async otherKeyUser(
    id: string,
    dir: string,
  ): Promise<{ project: string; keyFile: string } | undefined> {
    let names: string[];
    try {
      names = await readdir(this.projectsDir);
    } catch {
      return undefined;
    }
    for (const name of names) {
      if (name === id) continue;
      let project: Project;
      try {
        project = parseProjectFile(
          await readFile(join(this.projectsDir, name, PROJECT_FILE), 'utf8'),
        );
      } catch {
        continue;
      }
      for (const field of KEY_FIELDS) {
        const keyFile = project.draft[field]?.keyFile;
        if (keyFile?.startsWith(dir + sep) && (await exists(keyFile)))
          return { project: project.name, keyFile };
      }
    }
    return undefined;
  }

  private async write(project: Project): Promise<void> {
    try {
      await this.writeFile(project);
    } catch (e) {
      throw notSaved(e, 'The project could not be saved');
    }
  }

  private async writeFile(project: Project): Promise<void> {
    const dir = this.projectDir(project.id);
    await makeFolder(dir);
    await writeAtomic(join(dir, PROJECT_FILE), serializeProjectFile(project), { mode: 0o600 });
  }

  private async assertExists(id: string): Promise<void> {
    if (!(await exists(join(this.projectDir(id), PROJECT_FILE)))) {
      throw new ApiError(
        'not-found',
        'This project no longer exists. It may have been deleted in another window.',
      );
    }
  }

  private async setAside(folder: string, file: string, reason: string): Promise<StoreProblem> {
    const keptAs = join(
      this.asideDir,
      `${folder}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    try {
      await makeFolder(this.asideDir);
      await rename(file, keptAs);
    } catch (e) {
      return {
        file,
        keptAs: file,
        message: `The project file ${file} could not be read: ${reason}. It was left where it is, unchanged, because ${storageMessage(e)}.`,
      };
    }
    return {
      file,
      keptAs,
      message: `The project file ${file} could not be read: ${reason}. We moved it aside so nothing overwrites it: ${keptAs}`,
    };
  }
}

/** An ApiError for a write that failed, in plain words ("the disk is full"). */
function notSaved(e: unknown, what: string): Error {
  if (e instanceof ApiError) return e;
  const reason = storageReason(e);
  return reason
    ? new ApiError('not-saved', `${what}: ${reason}. What was saved before is unchanged.`)
    : (e as Error);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
