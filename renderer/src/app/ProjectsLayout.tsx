import { StepNav } from '../components/StepNav';
import { ProjectsStep } from '../steps/ProjectsStep';

/** The Projects screen, with the step list (later steps need a project). */
export function ProjectsLayout() {
  return (
    <div className="layout">
      <aside className="sidebar">
        <p className="brand">Mailwright</p>
        <StepNav projectId={null} current="projects" />
      </aside>
      <main className="content" id="main">
        <ProjectsStep />
      </main>
    </div>
  );
}
