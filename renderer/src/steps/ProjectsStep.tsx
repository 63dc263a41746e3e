import { useEffect, useId, useState, type FormEvent } from 'react';
import { whenWords } from '../../../shared/summary/date-words';
import { useNavigate } from 'react-router';
import type { ProjectSummary } from '../../../shared/model/project';
import { STEPS } from '../../../shared/model/steps';
import { useAppStore } from '../state/app-store';
import { projectStatus } from '../app/project-status';
import { StatusBadge } from '../components/StatusBadge';

/** Projects: create, open, rename, duplicate and delete saved setups. */
export function ProjectsStep() {
  const { projects, problems, projectsLoaded, projectsError, loadProjects, createProject } =
    useAppStore();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();

  useEffect(() => {
    void loadProjects();
  }, [loadProjects]);

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    const r = await createProject(name);
    if (typeof r === 'string') setError(r);
    else navigate(`/p/${r.id}/domain`);
  };

  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Your mail setups</h1>
      <p className="lead">
        Mailwright walks you through the DNS records your mail server needs, checks them, and
        explains every problem. Each setup is saved as a project on this computer.
      </p>

      {problems.map((p) => (
        <div className="notice warn" role="alert" key={p.keptAs}>
          {p.message}
        </div>
      ))}
      {projectsError ? (
        <div className="notice error" role="alert">
          {projectsError}
        </div>
      ) : null}

      <form className="card new-project" onSubmit={(e) => void onCreate(e)} noValidate>
        <h2>New project</h2>
        <label htmlFor={nameId}>Project name</label>
        <div className="row">
          <input
            id={nameId}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            placeholder="For example: My shop's mail"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${nameId}-error` : undefined}
          />
          <button type="submit">Create project</button>
        </div>
        {error ? (
          <p className="field-error" id={`${nameId}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </form>

      <h2>Saved projects</h2>
      {!projectsLoaded ? (
        <p>Loading…</p>
      ) : projects.length === 0 ? (
        <p className="empty">No projects yet. Create one above to start.</p>
      ) : (
        <ul className="project-list">
          {projects.map((p) => (
            <ProjectRow key={p.id} project={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectRow({ project }: { project: ProjectSummary }) {
  const { renameProject, duplicateProject, deleteProject } = useAppStore();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const stepTitle = STEPS.find((s) => s.id === project.step)?.title ?? '';

  const run = async (action: () => Promise<string | null>) => {
    const e = await action();
    setError(e);
    if (!e) setMode('view');
  };

  return (
    <li className="card project-row">
      <div className="project-main">
        {mode === 'rename' ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => renameProject(project.id, name));
            }}
          >
            <label htmlFor={inputId} className="visually-hidden">
              New name for {project.name}
            </label>
            <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            <button type="submit">Save name</button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            <h3>{project.name}</h3>
            <p className="muted">
              {project.domain ? project.domain : 'No domain yet'} · at step “{stepTitle}” · saved{' '}
              {whenWords(project.updatedAt)}
            </p>
            <ProjectStatusLine project={project} />
          </>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {mode === 'confirm-delete' ? (
        <div className="row confirm" role="group" aria-label={`Delete ${project.name}?`}>
          <span>Delete “{project.name}” and its history? This cannot be undone.</span>
          <button
            type="button"
            className="danger"
            onClick={() => void run(() => deleteProject(project.id))}
          >
            Delete for good
          </button>
          <button type="button" className="secondary" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      ) : mode === 'view' ? (
        <div className="row actions">
          <button
            type="button"
            onClick={() =>
              navigate(`/p/${project.id}/${project.step === 'projects' ? 'domain' : project.step}`)
            }
          >
            Open
          </button>
          <button type="button" className="secondary" onClick={() => setMode('rename')}>
            Rename
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void run(() => duplicateProject(project.id))}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="secondary danger-text"
            onClick={() => setMode('confirm-delete')}
          >
            Delete
          </button>
        </div>
      ) : null}
    </li>
  );
}

function ProjectStatusLine({ project }: { project: ProjectSummary }) {
  const { status, counts } = projectStatus(project.lastRun);
  return (
    <p className="project-status" data-testid="project-status">
      <StatusBadge status={status} />
      <span>
        {counts}
        {project.lastRun ? ` · last checked ${whenWords(project.lastRun.startedAt)}` : ''}
      </span>
    </p>
  );
}
