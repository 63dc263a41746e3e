import { useId, useState } from 'react';
import { Link } from 'react-router';
import { DMARC_POLICIES } from '../../../shared/model/plan-choices';
import type { Project } from '../../../shared/model/project';
import { renderForDnsHost } from '../../../shared/providers/dns-host-render';
import { getDnsHost } from '../../../shared/providers/dns-hosts';
import { isKnown } from '../../../shared/providers/provider-fact';
import { renderZone } from '../../../shared/records/zone-render';
import { downloadText } from '../app/download';
import { PlanProblems } from '../components/PlanProblems';
import { PublishedToday } from '../components/PublishedToday';
import { RecordCard } from '../components/RecordCard';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft } from '../hooks/use-draft';
import { usePlanOverview } from '../hooks/use-overview';
import { recordCheck } from '../../../shared/summary/record-status';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import { api } from '../state/api-ref';
import { useAppStore } from '../state/app-store';

const POLICY_WORDS: Record<(typeof DMARC_POLICIES)[number], string> = {
  none: 'Only send me reports (start here)',
  quarantine: 'Send failing mail to spam',
  reject: 'Refuse failing mail',
};

/** Records: one card per record, in the order to create them, written for the user's DNS host. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function RecordsStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const { planned, published, overview } = usePlanOverview(project);
  const ruaId = useId();
  const policyId = useId();
  const hostId = draft.dnsHost || 'other';
  const host = getDnsHost(hostId);
  const ruaProblem = !planned.ok
    ? planned.problems.find((p) => p.field === 'dmarcRua')?.message
    : undefined;
  const otherProblems = planned.ok ? [] : planned.problems.filter((p) => p.field !== 'dmarcRua');
  const importRule = host.zoneImport;
  const noteRun = useAppStore((s) => s.noteRun);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<CheckDocument | { error: string } | null>(null);

  // Only the DNS records: the mail server and block-list checks belong to the Verify step.
  const checkNow = async () => {
    setChecking(true);
    const r = await api().call('verify.run', {
      projectId: project.id,
      options: { noSmtp: true, noDnsbl: true },
    });
    setChecking(false);
    setChecked(r.ok ? r.value.document : { error: r.error.message });
    if (r.ok) noteRun(project.id, r.value.document);
  };
  const checkedRun = checked && 'findings' in checked ? checked : undefined;

  const downloadZone = () => {
    if (!planned.ok || !overview) return;
    downloadText(`${planned.plan.domain}.zone`, renderZone(overview.records, planned.plan.domain));
  };

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

      <details className="card dmarc-settings" open={Boolean(ruaProblem)}>
        <summary>
          DMARC settings: where reports go ({draft.dmarcRua.trim() || 'not set'}) and the policy
        </summary>
        <div className="field">
          <label htmlFor={ruaId}>Where should DMARC reports go? (optional)</label>
          <input
            id={ruaId}
            value={draft.dmarcRua}
            onChange={(e) => update({ dmarcRua: e.target.value })}
            placeholder={`dmarc@${planned.ok ? planned.plan.domain : 'example.com'}`}
            aria-invalid={ruaProblem ? true : undefined}
            aria-describedby={`${ruaId}-help`}
          />
          <p className={ruaProblem ? 'field-error' : 'hint'} id={`${ruaId}-help`}>
            {ruaProblem ??
              'Receivers send daily reports of who sends mail as your domain. They tell you when it is safe to tighten the policy.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={policyId}>What should receivers do with mail that fails?</label>
          <select
            id={policyId}
            value={draft.dmarcPolicy}
            onChange={(e) =>
              update({ dmarcPolicy: e.target.value as (typeof DMARC_POLICIES)[number] })
            }
          >
            {DMARC_POLICIES.map((p) => (
              <option key={p} value={p}>
                {POLICY_WORDS[p]}
              </option>
            ))}
          </select>
        </div>
      </details>

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
          <div className="zone-bar row">
            <button type="button" className="secondary" onClick={downloadZone}>
              Download zone file
            </button>
            <span className="hint">
              A <Term id="zonefile">zone file</Term> holds all these records at once.{' '}
              {isKnown(importRule)
                ? importRule.value.supported
                  ? `${host.name} can import it: ${importRule.value.how ?? ''}`
                  : `${host.name} does not import zone files; type the records below.`
                : 'Use it if your DNS host imports zone files, or keep it as a record of your setup.'}
            </span>
          </div>
          <div className="row check-now">
            <button type="button" onClick={() => void checkNow()} disabled={checking}>
              {checking ? 'Checking your records…' : 'Check these now'}
            </button>
            <span className="hint" role="status">
              {checking
                ? 'Asking your DNS host and public resolvers. This takes a few seconds.'
                : checked && 'error' in checked
                  ? `The check could not run: ${checked.error}`
                  : checkedRun
                    ? `Checked just now: ${checkedRun.summary.pass} passed, ${checkedRun.summary.fail} to fix, ${checkedRun.summary.pending} waiting for DNS. Each card shows its result.`
                    : 'Once you have added them, see whether your DNS host and the world see them.'}
            </span>
          </div>
          <ol className="record-list">
            {overview.records.map((r, i) => (
              <li key={r.key}>
                <RecordCard
                  index={i + 1}
                  record={r}
                  form={renderForDnsHost(r, hostId, planned.plan.domain)}
                  projectId={project.id}
                  {...(checkedRun ? { check: recordCheck(r, checkedRun.findings) } : {})}
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
