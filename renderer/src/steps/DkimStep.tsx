import { useMemo } from 'react';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import type { Project } from '../../../shared/model/project';
import { defaultSelectorFor, findMailSoftware } from '../../../shared/providers/mail-software';
import { planRecords } from '../../../shared/records/plan-records';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft, usePlan } from '../hooks/use-draft';
import { DkimGenerate } from './DkimGenerate';
import { DkimPasteField } from './dkim/DkimPasteField';
import { DkimSelectorField } from './dkim/DkimSelectorField';
import { DkimSoftwareNotice } from './dkim/DkimSoftwareNotice';
import { DkimSourceChoice } from './dkim/DkimSourceChoice';
import { useDkimPaste } from './dkim/use-dkim-paste';

/** DKIM: paste the record the mail software made (checked as you type), or make a key here. */
export function DkimStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const planned = usePlan(project);
  const software = draft.mailSoftware ? findMailSoftware(draft.mailSoftware) : undefined;
  const fallbackSelector = defaultSelectorFor(draft.mailSoftware || undefined);
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);
  const reading = useDkimPaste(draft.dkimPaste);
  const canGenerate = software?.keySource !== 'own-ui';
  const source = canGenerate ? draft.dkimSource : 'paste';
  const selector = planned.ok ? planned.plan.dkim?.selector : undefined;
  const selectorWarning = planned.ok
    ? planned.warnings.find((w) => w.field === 'dkimSelector')?.message
    : planned.problems.find((p) => p.field === 'dkimSelector')?.message;
  const plannedRecord = useMemo(
    () =>
      planned.ok && selector
        ? planRecords(planned.plan).find(
            (r) =>
              r.subject.kind === 'dkim-key' && r.subject.selector === selector && !r.incomplete,
          )
        : undefined,
    [planned, selector],
  );

  return (
    <section aria-labelledby="dkim-title">
      <h1 id="dkim-title">DKIM</h1>
      <p className="lead">
        <Term id="dkim">DKIM</Term> signs every message your server sends, so receivers can tell it
        really comes from you. You need a key pair: the private half stays on your server, the
        public half goes in a DNS record.
      </p>

      <DkimSoftwareNotice software={software} projectId={project.id} />

      <DkimSourceChoice
        source={source}
        canGenerate={canGenerate}
        softwareName={software?.name}
        choose={(dkimSource) => update({ dkimSource })}
      />

      <DkimSelectorField
        value={draft.dkimSelector}
        onChange={(dkimSelector) => update({ dkimSelector })}
        fallback={fallbackSelector}
        pastedSelector={reading.pasted?.ok ? reading.pasted.selector : undefined}
        softwareName={software?.name}
        warning={selectorWarning}
      />

      {source === 'paste' ? (
        <DkimPasteField
          value={draft.dkimPaste}
          onChange={(dkimPaste) => update({ dkimPaste })}
          reading={reading}
          where={software?.whereKeyIsShown}
          planSelector={selector}
          fallback={fallbackSelector}
          domain={domain.ok ? domain.domain : undefined}
          plannedValue={plannedRecord?.value}
        />
      ) : (
        <DkimGenerate project={project} selector={draft.dkimSelector || fallbackSelector} />
      )}

      <p className="hint">
        The Records step shows this record with the others, written for your DNS host's form.
      </p>
      <StepFooter projectId={project.id} step="dkim" />
    </section>
  );
}
