import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { STEP_IDS, type StepId } from '../../../shared/model/steps';
import { useAppStore } from '../state/app-store';
import { StepNav } from '../components/StepNav';
import { SaveIndicator } from '../components/SaveIndicator';
import { DomainStep } from '../steps/DomainStep';
import { LaterStep } from '../steps/LaterStep';

/** A project's step: loads the project, remembers the step, shows the step's screen. */
export function ProjectLayout() {
  const { projectId = '', step = 'domain' } = useParams();
  const { project, projectError, openProject, setStep } = useAppStore();
  const stepId = (STEP_IDS as string[]).includes(step) ? (step as StepId) : 'domain';

  useEffect(() => {
    void openProject(projectId);
  }, [projectId, openProject]);

  useEffect(() => {
    if (project?.id === projectId) setStep(stepId);
  }, [project?.id, projectId, stepId, setStep]);

  return (
    <div className="layout">
      <aside className="sidebar">
        <p className="brand">Mailwright</p>
        {project ? <p className="project-name">{project.name}</p> : null}
        <StepNav projectId={projectId} current={stepId} />
      </aside>
      <main className="content" id="main">
        {projectError ? (
          <div className="notice error" role="alert">
            {projectError} <Link to="/projects">Back to your projects</Link>
          </div>
        ) : !project || project.id !== projectId ? (
          <p>Opening the project…</p>
        ) : (
          <>
            <SaveIndicator />
            {stepId === 'domain' ? (
              <DomainStep project={project} />
            ) : (
              <LaterStep projectId={project.id} step={stepId} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
