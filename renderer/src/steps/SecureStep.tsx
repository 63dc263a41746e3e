import { useMemo } from 'react';
import { checksOfGroup } from '../../../shared/checks/catalogue';
import type { Project } from '../../../shared/model/project';
import { securityChoices } from '../../../shared/model/security-choices';
import { mtaStsSetup } from '../../../shared/records/mtasts-setup';
import { PlanProblems } from '../components/PlanProblems';
import { StatusBadge } from '../components/StatusBadge';
import { StepFooter } from '../components/StepFooter';
import { useDraft } from '../hooks/use-draft';
import { usePlanOverview } from '../hooks/use-overview';
import { useAppStore } from '../state/app-store';
import { DaneKeyCard } from './DaneKeyCard';
import { DnssecCard } from './DnssecCard';
import { MtaStsCard } from './MtaStsCard';
import { SecureChoices } from './SecureChoices';
import './secure.css';

const SECURE_CHECKS = new Set(checksOfGroup('secure'));

/** Optional hardening of incoming mail: MTA-STS, TLS-RPT, DNSSEC, DANE and CAA. */
export function SecureStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const { planned, published, overview } = usePlanOverview(project);
  const lastRun = useAppStore((s) =>
    s.lastRun?.projectId === project.id ? s.lastRun.document : null,
  );
  const section = draft.security ?? undefined;
  const choices = securityChoices(section);
  const plan = planned.ok ? planned.plan : null;
  // The same computation as the Records step, `mailwright plan` and the JSON export.
  const sts = useMemo(
    () => (plan && overview ? mtaStsSetup(plan, published, overview.records) : undefined),
    [plan, published, overview],
  );
  const findings = (lastRun?.findings ?? []).filter((f) => SECURE_CHECKS.has(f.check));
  const seenKey = findings.find((f) => f.check === 'dane.tlsa')?.evidence?.spkiSha256;
  const mailHost = plan?.mailHost ?? `mail.${draft.domain || 'example.com'}`;

  return (
    <section aria-labelledby="secure-title" className="secure-step">
      <h1 id="secure-title">Secure delivery (optional)</h1>
      <p className="lead">
        Mail between servers is usually encrypted, but an attacker in between can turn that off.
        These settings make other servers insist on encryption when they send to you. They are
        optional: if you send a few dozen messages a day, you can skip this step, and nothing here
        is needed for your mail to arrive.
      </p>
      {!planned.ok ? <PlanProblems projectId={project.id} problems={planned.problems} /> : null}
      <SecureChoices projectId={project.id} section={section} choices={choices} update={update} />
      {choices.mtaSts && sts ? <MtaStsCard setup={sts} section={section} update={update} /> : null}
      <DnssecCard dnsHost={draft.dnsHost} />
      {choices.dane ? (
        <DaneKeyCard
          mailHost={mailHost}
          hashes={choices.dane.keyHashes}
          seenKey={seenKey}
          section={section}
          update={update}
        />
      ) : null}
      {findings.length ? (
        <section className="card" aria-labelledby="secure-last-title" data-testid="secure-findings">
          <h2 id="secure-last-title" className="card-title">
            What the last check found
          </h2>
          <ul className="plain-list">
            {findings.map((f) => (
              <li key={`${f.check} ${f.subject}`}>
                <StatusBadge status={f.status} /> {f.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <StepFooter projectId={project.id} step="secure" />
    </section>
  );
}
