import { NavLink } from 'react-router';
import type { StepMarks } from '../../../shared/model/step-marks';
import { STEPS } from '../../../shared/model/steps';
import { STEP_PURPOSE } from '../app/step-descriptions';

const SYMBOL = { done: '✓', attention: '!' } as const;
const SPOKEN = { done: 'done', attention: 'needs attention' } as const;

/**
 * The list of steps in the sidebar; steps after Projects need an open project. Each step shows
 * its number, or ✓ when it is done and ! when it needs the user again (`marks`; none without a
 * project), with the reason as its tooltip and the state in words for screen readers.
 */
export function StepNav({
  projectId,
  current,
  marks,
}: {
  projectId: string | null;
  current: string;
  marks?: StepMarks;
}) {
  return (
    <nav aria-label="Setup steps" className="step-nav">
      <ol>
        {STEPS.map((step, i) => {
          const to =
            step.id === 'projects' ? '/projects' : projectId ? `/p/${projectId}/${step.id}` : null;
          const m = marks?.[step.id];
          const mark = m && m.mark !== 'open' ? m.mark : null;
          const here = step.id === current;
          const number = (
            <span className="step-number" aria-hidden="true">
              {mark ? SYMBOL[mark] : i + 1}
            </span>
          );
          return (
            <li
              key={step.id}
              className={`step-${mark ?? 'open'}${here ? ' step-current' : ''}`}
              data-mark={mark ?? 'open'}
            >
              {to ? (
                <NavLink
                  to={to}
                  title={[STEP_PURPOSE[step.id], m?.why].filter(Boolean).join(' ')}
                  aria-current={here ? 'step' : undefined}
                >
                  {number}
                  {step.title}
                  {mark ? <span className="visually-hidden"> ({SPOKEN[mark]})</span> : null}
                </NavLink>
              ) : (
                <span className="step-disabled" title="Open or create a project first">
                  {number}
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
