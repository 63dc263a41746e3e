import '../summary/summary.css';
import { Link } from 'react-router';
import type { Project } from '../../../shared/model/project';
import { whenWords } from '../../../shared/summary/date-words';
import { recordCheck } from '../../../shared/summary/record-status';
import { PlanProblems } from '../components/PlanProblems';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { usePlanOverview } from '../hooks/use-overview';
import { AttentionList } from '../summary/AttentionList';
import { ExportPanel } from '../summary/ExportPanel';
import { MailAppSettings } from '../summary/MailAppSettings';
import { NextSteps } from '../summary/NextSteps';
import { StatusDetail } from '../summary/StatusDetail';
import { SummaryRecords } from '../summary/SummaryRecords';
import { runForDomain, summaryStatus } from '../summary/summary-status';
import { useLastRun } from '../summary/use-last-run';
import { SenderReadiness } from '../summary/SenderReadiness';
import { useAppStore } from '../state/app-store';
import { AllDone } from '../verify/AllDone';
import { useAllDone } from '../verify/use-all-done';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Summary: where the setup stands, the records, what to do next, and the exports. */
export function SummaryStep({ project }: { project: Project }) {
  const { planned, published, overview } = usePlanOverview(project);
  const [last] = useLastRun(project.id);
  const lastMessage = useAppStore((s) =>
    s.lastMessage?.projectId === project.id ? s.lastMessage.result : null,
  );

  const stored = last.state === 'ready' ? last.run : undefined;
  const run = planned.ok ? runForDomain(stored, planned.plan.domain) : undefined;
  const status = summaryStatus(run);
  const done = useAllDone(project, run);
  const verifyLink = `/p/${project.id}/verify`;

  return (
    <section aria-labelledby="summary-title">
      <h1 id="summary-title">Summary</h1>
      <p className="lead">
        Where your mail setup stands, what to do next, and a copy to keep or send to someone who
        helps you.
      </p>

      {last.state === 'loading' ? (
        <p role="status">Reading your last check…</p>
      ) : (
        <div
          className={`card overall overall-${status.kind}`}
          data-testid="overall-status"
          aria-labelledby="overall-headline"
        >
          <h2 id="overall-headline">{status.headline}</h2>
          <StatusDetail status={status} />
          {run ? (
            <p className="muted">
              Checked {whenWords(run.startedAt)}: {plural(run.summary.pass, 'check', 'checks')}{' '}
              passed
              {run.summary.fail > 0 ? `, ${run.summary.fail} failed` : ''}
              {run.summary.pending > 0 ? `, ${run.summary.pending} waiting for DNS` : ''}
              {run.summary.warn > 0
                ? `, ${plural(run.summary.warn, 'suggestion', 'suggestions')}`
                : ''}
              {run.summary.unknown > 0 ? `, ${run.summary.unknown} could not run` : ''}.{' '}
              <Link to={verifyLink}>See the details or check again</Link>
            </p>
          ) : (
            <p>
              <Link to={verifyLink}>Go to Verify to check your setup</Link>
              {stored ? ' (your last check was for another domain).' : '.'}
            </p>
          )}
          {run ? <AttentionList findings={run.findings} /> : null}
          {last.state === 'error' ? (
            <p className="field-error" role="alert">
              Your last check could not be read: {last.message}
            </p>
          ) : null}
        </div>
      )}

      {done ? <AllDone done={done} nextStepsBelow /> : null}

      {!planned.ok ? <PlanProblems projectId={project.id} problems={planned.problems} /> : null}

      {planned.ok && overview ? (
        <>
          <h2>Your records</h2>
          <p className="hint">
            What you publish at your <Term id="dns">DNS</Term> host
            {run ? ', with the result of the last check' : ''}. The{' '}
            <Link to={`/p/${project.id}/records`}>Records step</Link> shows what to type in each
            box.
          </p>
          <SummaryRecords
            checked={run !== undefined}
            rows={overview.records.map((r) => {
              const { status, words } = recordCheck(r, run?.findings);
              return { record: r, status, ...(words ? { words } : {}) };
            })}
          />
          {overview.dmarc ? (
            <p className="notice info" data-testid="dmarc-applies">
              {overview.dmarc.sentence}
            </p>
          ) : null}
          <NextSteps records={overview.records} from={run ? new Date(run.startedAt) : new Date()} />
          <SenderReadiness
            projectId={project.id}
            runFindings={run?.findings ?? null}
            messageFindings={lastMessage?.document.findings ?? null}
          />
          <MailAppSettings mailHost={planned.plan.mailHost} findings={run?.findings} />
          <ExportPanel
            plan={planned.plan}
            published={published}
            run={run}
            message={lastMessage ?? undefined}
          />
        </>
      ) : null}

      <StepFooter projectId={project.id} step="summary" />
    </section>
  );
}
