import { projectSchema, type Project } from '../../shared/model/project';
import { forgetUnchosenMode } from './migrate-mode-unchosen';

/** The schema version written into every project file. Bump it with a migration below. */
export const PROJECT_FILE_VERSION = 2;

/** How a project is laid out on disk: `{ schemaVersion, project }`. */
export interface ProjectFile {
  schemaVersion: number;
  project: Project;
}

/** Turns a project object of version N into version N+1. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, applied in order when an older file is read. The file is
 * rewritten in the new version only on the next save, so reading never changes a file.
 */
const MIGRATIONS: Record<number, Migration> = {
  1: forgetUnchosenMode,
};

/** Why a file could not be read as a project. */
export class ProjectFileError extends Error {}

/** Parse the text of a project file, migrating older versions; throws ProjectFileError. */
export function parseProjectFile(
  text: string,
  migrations: Record<number, Migration> = MIGRATIONS,
  target = PROJECT_FILE_VERSION,
): Project {
  let doc: unknown;
  try {
    // A byte-order mark (editors on Windows add one) is not part of the JSON, as for plan files.
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProjectFileError(`it is not valid JSON (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ProjectFileError('it does not contain a project');
  }
  const file = doc as { schemaVersion?: unknown; project?: unknown };
  let version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProjectFileError('it has no schema version');
  }
  if (version > target) {
    throw new ProjectFileError(
      `it was written by a newer version of Mailwright (file version ${version}, this version reads up to ${target}); update Mailwright to open it`,
    );
  }
  let project = file.project as Record<string, unknown>;
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new ProjectFileError(`no migration from file version ${version}`);
    project = step(project);
    version += 1;
  }
  const parsed = projectSchema.safeParse(project);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ProjectFileError(
      `its project data is invalid at "${first?.path.join('.') ?? ''}": ${first?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Serialise a project as file text. */
export function serializeProjectFile(project: Project): string {
  const file: ProjectFile = { schemaVersion: PROJECT_FILE_VERSION, project };
  return `${JSON.stringify(file, null, 2)}\n`;
}
