import { STEPS, type StepId } from '../../../shared/model/steps';
import { STEP_PURPOSE } from '../app/step-descriptions';
import { StepFooter } from '../components/StepFooter';

/** A step that is not built yet: says what it will do, and says plainly that it comes later. */
export function LaterStep({ projectId, step }: { projectId: string; step: StepId }) {
  const title = STEPS.find((s) => s.id === step)?.title ?? step;
  return (
    <section aria-labelledby="step-title">
      <h1 id="step-title">{title}</h1>
      <p className="lead">{STEP_PURPOSE[step]}</p>
      <div className="notice info" role="note">
        This step is not built yet: it comes in a later version of Mailwright. What you entered so
        far is saved.
      </div>
      <StepFooter projectId={projectId} step={step} />
    </section>
  );
}
