import { Link } from 'react-router';
import type { Project } from '../../../shared/model/project';
import { renderForDnsHost } from '../../../shared/providers/dns-host-render';
import { getDnsHost } from '../../../shared/providers/dns-hosts';
import { recordCheck } from '../../../shared/summary/record-status';
import { PlanProblems } from '../components/PlanProblems';
import { PublishedToday } from '../components/PublishedToday';
import { RecordCard } from '../components/RecordCard';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { usePlanOverview } from '../hooks/use-overview';
import { CheckNowBar } from '../records/CheckNowBar';
import { DmarcSettings } from '../records/DmarcSettings';
import { useRecordsCheck } from '../records/use-records-check';
import { ZoneBar } from '../records/ZoneBar';

/** Records: one card per record, in the order to create them, written for the user's DNS host. */
export function RecordsStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const { planned, published, overview } = usePlanOverview(project);
  const hostId = draft.dnsHost || 'other';
  const host = getDnsHost(hostId);
  const ruaProblem = !planned.ok
    ? planned.problems.find((p) => p.field === 'dmarcRua')?.message
    : undefined;
  const otherProblems = planned.ok ? [] : planned.problems.filter((p) => p.field !== 'dmarcRua');
  const check = useRecordsCheck(project.id);

  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">Records</h1>
      <p className="lead">
        {overview?.records.some((r) => r.action === 'edit' || r.action === 'delete')
          ? 'Make these changes'
          : 'Add these records'}{' '}
        at {host.id === 'other' ? 'your DNS host' : host.name}, in this order. Each card says
        whether to add, edit, delete or keep a record, and exactly what to type in each box of the
        form.
      </p>
      <p className="terms-line">
        The words you will meet: <Term id="a">A record</Term>, <Term id="mx">MX</Term>,{' '}
        <Term id="txt">TXT</Term>, <Term id="spf">SPF</Term>, <Term id="dkim">DKIM</Term>,{' '}
        <Term id="dmarc">DMARC</Term>, <Term id="ptr">PTR</Term> and <Term id="ttl">TTL</Term>.
      </p>

      <DmarcSettings
        rua={draft.dmarcRua}
        policy={draft.dmarcPolicy}
        domain={planned.ok ? planned.plan.domain : undefined}
        ruaProblem={ruaProblem}
        update={update}
      />

      {otherProblems.length > 0 ? (
        <PlanProblems projectId={project.id} problems={otherProblems} />
      ) : null}

      {planned.ok && overview ? (
        <>
          {!draft.dnsHost ? (
            <p className="notice info">
              You have not chosen your DNS host, so these are general instructions.{' '}
              <Link to={`/p/${project.id}/dns-host`}>Choose it</Link> to get the exact values for
              its form.
            </p>
          ) : null}
          <PublishedToday plan={planned.plan} published={published} update={update} />
          {overview.notes.map((n) => (
            <p className="notice info" key={n}>
              {n}
            </p>
          ))}
          <ZoneBar
            records={overview.records}
            domain={planned.plan.domain}
            zone={overview.zone}
            host={host}
          />
          <CheckNowBar check={check} />
          <ol className="record-list">
            {overview.records.map((r, i) => (
              <li key={r.key}>
                <RecordCard
                  index={i + 1}
                  record={r}
                  form={renderForDnsHost(r, hostId, overview.zone)}
                  projectId={project.id}
                  {...(check.run ? { check: recordCheck(r, check.run.findings) } : {})}
                />
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <StepFooter projectId={project.id} step="records" />
    </section>
  );
}
