import { Link } from 'react-router';
import type { DraftProblem } from '../../../shared/model/draft-to-plan';
import { STEPS } from '../../../shared/model/steps';

/** What stops the plan, each with a link to the step where it is fixed. */
export function PlanProblems({
  projectId,
  problems,
}: {
  projectId: string;
  problems: DraftProblem[];
}) {
  return (
    <div className="notice warn" role="note" data-testid="plan-problems">
      <p className="notice-title">We need a little more before we can write your records:</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.field}:${p.message}`}>
            {p.message}{' '}
            <Link to={`/p/${projectId}/${p.step}`}>
              Go to {STEPS.find((s) => s.id === p.step)?.title ?? p.step}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
