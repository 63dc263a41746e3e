import { Link } from 'react-router';
import type { Finding } from '../../../shared/checks/finding';
import { CHECK_GROUPS, checkInfo } from '../../../shared/checks/catalogue';
import { compareInGroup } from '../../../shared/checks/finding-order';
import { STEPS } from '../../../shared/model/steps';
import { pasteFixFor, type PasteFix } from '../../../shared/summary/finding-paste';
import { useOpenRecords, type OpenRecords } from '../hooks/use-open-records';
import { FindingItem, type Paste } from './FindingItem';

/** The findings under their catalogue groups, each group linking to the step that fixes it. */
export function FindingGroups({
  findings,
  projectId,
  now,
}: {
  findings: readonly Finding[];
  projectId: string;
  now: number;
}) {
  const open = useOpenRecords();
  return (
    <div className="finding-groups">
      {CHECK_GROUPS.map((group) => {
        const mine = findings
          .filter((f) => (checkInfo(f.check)?.group ?? 'domain') === group.id)
          .sort(compareInGroup);
        if (mine.length === 0) return null;
        const needsWork = mine.find((f) => ['fail', 'warn', 'pending'].includes(f.status));
        const step = needsWork ? checkInfo(needsWork.check)?.step : undefined;
        const stepTitle = STEPS.find((s) => s.id === step)?.title;
        return (
          <section key={group.id} className="card finding-group" aria-labelledby={`g-${group.id}`}>
            <h2 id={`g-${group.id}`}>{group.title}</h2>
            <ul className="finding-list">
              {mine.map((f) => (
                <FindingItem
                  key={`${f.check} ${f.subject}`}
                  finding={f}
                  now={now}
                  paste={open ? withOpen(pasteFixFor(f, open.records), open) : undefined}
                />
              ))}
            </ul>
            {step && stepTitle && step !== 'verify' ? (
              <p className="finding-step">
                <Link to={`/p/${projectId}/${step}`}>Go to the {stepTitle} step</Link> to change
                what you planned here.
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function withOpen(fix: PasteFix | undefined, open: OpenRecords): Paste | undefined {
  return fix ? { fix, open } : undefined;
}
