import { StepNav } from '../components/StepNav';
import { SkipLink } from '../components/SkipLink';
import { ProjectsStep } from '../steps/ProjectsStep';

/** The Projects screen, with the step list (later steps need a project). */
export function ProjectsLayout() {
  return (
    <div className="layout">
      <SkipLink />
      <aside className="sidebar">
        <p className="brand">Mailwright</p>
        <StepNav projectId={null} current="projects" />
      </aside>
      <main className="content" id="main" tabIndex={-1}>
        <ProjectsStep />
      </main>
    </div>
  );
}
