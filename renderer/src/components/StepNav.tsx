import { NavLink } from 'react-router';
import { STEPS } from '../../../shared/model/steps';
import { STEP_PURPOSE } from '../app/step-descriptions';

/** The list of steps in the sidebar; steps after Projects need an open project. */
export function StepNav({ projectId, current }: { projectId: string | null; current: string }) {
  const index = STEPS.findIndex((s) => s.id === current);
  return (
    <nav aria-label="Setup steps" className="step-nav">
      <ol>
        {STEPS.map((step, i) => {
          const to =
            step.id === 'projects' ? '/projects' : projectId ? `/p/${projectId}/${step.id}` : null;
          const state = i < index ? 'done' : i === index ? 'current' : 'todo';
          return (
            <li key={step.id} className={`step-${state}`}>
              {to ? (
                <NavLink
                  to={to}
                  title={STEP_PURPOSE[step.id]}
                  aria-current={i === index ? 'step' : undefined}
                >
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {step.title}
                </NavLink>
              ) : (
                <span className="step-disabled" title="Open or create a project first">
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {step.title}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
