import { lazy, Suspense, useEffect, useMemo, type ComponentType } from 'react';
import { Link, useParams } from 'react-router';
import { STEP_IDS, type StepId } from '../../../shared/model/steps';
import { useAppStore } from '../state/app-store';
import { StepNav } from '../components/StepNav';
import { SkipLink } from '../components/SkipLink';
import { SaveIndicator } from '../components/SaveIndicator';
import { DomainStep } from '../steps/DomainStep';
import { LaterStep } from '../steps/LaterStep';
import type { Project } from '../../../shared/model/project';
import { draftToPlan } from '../../../shared/model/draft-to-plan';
import { withDraftDefaults } from '../../../shared/model/draft-defaults';
import { stepMarks } from '../../../shared/model/step-marks';

type StepScreen = ComponentType<{ project: Project }>;

// Each built step is its own chunk, so the first paint loads only what the open step needs.
const BUILT_STEPS: Partial<Record<StepId, StepScreen>> = {
  server: lazy(() => import('../steps/ServerStep').then((m) => ({ default: m.ServerStep }))),
  'dns-host': lazy(() => import('../steps/DnsHostStep').then((m) => ({ default: m.DnsHostStep }))),
  records: lazy(() => import('../steps/RecordsStep').then((m) => ({ default: m.RecordsStep }))),
  dkim: lazy(() => import('../steps/DkimStep').then((m) => ({ default: m.DkimStep }))),
  'reverse-dns': lazy(() =>
    import('../steps/ReverseDnsStep').then((m) => ({ default: m.ReverseDnsStep })),
  ),
  secure: lazy(() => import('../steps/SecureStep').then((m) => ({ default: m.SecureStep }))),
  verify: lazy(() => import('../steps/VerifyStep').then((m) => ({ default: m.VerifyStep }))),
  'message-test': lazy(() =>
    import('../steps/MessageTestStep').then((m) => ({ default: m.MessageTestStep })),
  ),
  summary: lazy(() => import('../steps/SummaryStep').then((m) => ({ default: m.SummaryStep }))),
};

/** A project's step: loads the project, remembers the step, shows the step's screen. */
export function ProjectLayout() {
  const { projectId = '', step = 'domain' } = useParams();
  const { project, projectError, lastRun, lastWholeRun, lastMessage, openProject, setStep } =
    useAppStore();
  const stepId = (STEP_IDS as string[]).includes(step) ? (step as StepId) : 'domain';

  useEffect(() => {
    void openProject(projectId);
  }, [projectId, openProject]);

  useEffect(() => {
    if (project?.id === projectId) setStep(stepId);
  }, [project?.id, projectId, stepId, setStep]);

  const draft = project?.id === projectId ? project.draft : null;
  const findings = lastRun?.projectId === projectId ? lastRun.document.findings : null;
  const whole = lastWholeRun?.projectId === projectId ? lastWholeRun.document.findings : null;
  const messageFindings =
    lastMessage?.projectId === projectId ? lastMessage.result.document.findings : null;
  const marks = useMemo(
    () =>
      draft
        ? stepMarks(withDraftDefaults(draft), draftToPlan(draft), findings, whole, messageFindings)
        : undefined,
    [draft, findings, whole, messageFindings],
  );

  return (
    <div className="layout">
      <SkipLink />
      <aside className="sidebar">
        <p className="brand">Mailwright</p>
        {project ? <p className="project-name">{project.name}</p> : null}
        <StepNav projectId={projectId} current={stepId} marks={marks} />
      </aside>
      <main className="content" id="main" tabIndex={-1}>
        {projectError ? (
          <div className="notice error" role="alert">
            {projectError} <Link to="/projects">Back to your projects</Link>
          </div>
        ) : !project || project.id !== projectId ? (
          <p>Opening the project…</p>
        ) : (
          <>
            <SaveIndicator />
            <StepScreenFor stepId={stepId} project={project} />
          </>
        )}
      </main>
    </div>
  );
}

function StepScreenFor({ stepId, project }: { stepId: StepId; project: Project }) {
  if (stepId === 'domain') return <DomainStep project={project} />;
  const Screen = BUILT_STEPS[stepId];
  if (!Screen) return <LaterStep projectId={project.id} step={stepId} />;
  return (
    <Suspense fallback={<p role="status">Opening the step…</p>}>
      <Screen project={project} />
    </Suspense>
  );
}
