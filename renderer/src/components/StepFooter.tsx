import { useNavigate } from 'react-router';
import { STEPS, type StepId } from '../../../shared/model/steps';
import { useAppStore } from '../state/app-store';

/** Back / Next buttons. Next is disabled (with the reason) while the step has a blocking problem. */
export function StepFooter({
  projectId,
  step,
  blocker,
}: {
  projectId: string;
  step: StepId;
  blocker?: string | null;
}) {
  const navigate = useNavigate();
  const flushSave = useAppStore((s) => s.flushSave);
  const i = STEPS.findIndex((s) => s.id === step);
  const prev = STEPS[i - 1];
  const next = STEPS[i + 1];
  const go = async (id: StepId) => {
    await flushSave();
    navigate(id === 'projects' ? '/projects' : `/p/${projectId}/${id}`);
  };
  return (
    <div className="step-footer">
      {prev ? (
        <button type="button" className="secondary" onClick={() => void go(prev.id)}>
          Back
        </button>
      ) : (
        <span />
      )}
      {next ? (
        <div className="next-wrap">
          {blocker ? (
            <p className="next-blocker" id="next-blocker">
              {blocker}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => void go(next.id)}
            disabled={Boolean(blocker)}
            aria-describedby={blocker ? 'next-blocker' : undefined}
          >
            Next: {next.title}
          </button>
        </div>
      ) : null}
    </div>
  );
}
