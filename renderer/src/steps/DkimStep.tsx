import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import type { Project } from '../../../shared/model/project';
import { defaultSelectorFor, findMailSoftware } from '../../../shared/providers/mail-software';
import { describeProvenance, isKnown } from '../../../shared/providers/provider-fact';
import { normalizePastedDkim } from '../../../shared/records/dkim-paste';
import { parseDkimCnamePaste } from '../../../shared/records/dkim-cname-paste';
import { planRecords } from '../../../shared/records/plan-records';
import { CopyButton } from '../components/CopyButton';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft, usePlan } from '../hooks/use-draft';
import { DkimGenerate } from './DkimGenerate';

/** DKIM: paste the record the mail software made (checked as you type), or make a key here. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function DkimStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const planned = usePlan(project);
  const selectorId = useId();
  const pasteId = useId();
  const software = draft.mailSoftware ? findMailSoftware(draft.mailSoftware) : undefined;
  const fallbackSelector = defaultSelectorFor(draft.mailSoftware || undefined);
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);
  const pasted = useMemo(
    () => (draft.dkimPaste.trim() === '' ? null : normalizePastedDkim(draft.dkimPaste)),
    [draft.dkimPaste],
  );
  // A key delegated by CNAME (SES, SendGrid, Microsoft 365…) is not a key record, but the plan
  // reads it (draft-to-plan): say what it is instead of calling it wrong.
  const cname = useMemo(
    () => (pasted && !pasted.ok ? parseDkimCnamePaste(draft.dkimPaste) : null),
    [pasted, draft.dkimPaste],
  );
  const canGenerate = software?.keySource !== 'own-ui';
  const source = canGenerate ? draft.dkimSource : 'paste';
  const selector = planned.ok ? planned.plan.dkim?.selector : undefined;
  const selectorWarning = planned.ok
    ? planned.warnings.find((w) => w.field === 'dkimSelector')?.message
    : planned.problems.find((p) => p.field === 'dkimSelector')?.message;
  const where = software?.whereKeyIsShown;
  const plannedRecord = useMemo(
    () =>
      planned.ok && selector
        ? planRecords(planned.plan).find((r) => r.key === `dkim:${selector}` && !r.incomplete)
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

      {software ? (
        <p className="notice info">
          <strong>{software.name}:</strong> {software.summary}
        </p>
      ) : (
        <p className="notice info">
          Choose your mail software on the <Link to={`/p/${project.id}/server`}>Server step</Link>{' '}
          to get advice for it.
        </p>
      )}

      <fieldset className="field choices">
        <legend>Where does the key come from?</legend>
        <label className="choice">
          <input
            type="radio"
            name="dkim-source"
            checked={source === 'paste'}
            onChange={() => update({ dkimSource: 'paste' })}
          />
          <span>
            <strong>My mail software made it</strong>
            <span className="choice-text">Paste the record or key it shows you.</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="dkim-source"
            checked={source === 'generate'}
            disabled={!canGenerate}
            onChange={() => update({ dkimSource: 'generate' })}
          />
          <span>
            <strong>Make a key on this computer</strong>
            <span className="choice-text">
              {canGenerate
                ? 'Mailwright makes the key pair and saves the private key as a file you copy to your server.'
                : `${software?.name ?? 'This software'} makes and uses its own key, so a key made here would not match. Paste its record instead.`}
            </span>
          </span>
        </label>
      </fieldset>

      <div className="field">
        <label htmlFor={selectorId}>Selector</label>
        <input
          id={selectorId}
          value={draft.dkimSelector}
          onChange={(e) => update({ dkimSelector: e.target.value })}
          placeholder={fallbackSelector}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${selectorId}-help`}
        />
        <div id={`${selectorId}-help`}>
          <p className="hint">
            The <Term id="selector">selector</Term> names the key. Leave it empty to use{' '}
            {pasted?.ok && pasted.selector
              ? `"${pasted.selector}", from the record you pasted`
              : `"${fallbackSelector}"${software ? `, ${software.name}'s usual one` : ''}`}
            .
          </p>
          {selectorWarning ? <p className="field-warn">{selectorWarning}</p> : null}
        </div>
      </div>

      {source === 'paste' ? (
        <div className="field">
          <label htmlFor={pasteId}>DKIM record or key from your mail software</label>
          {where && isKnown(where) ? (
            <p className="hint">
              Where to find it: {where.value}{' '}
              <span className="fact-source">{describeProvenance(where)}</span>
            </p>
          ) : null}
          <textarea
            id={pasteId}
            value={draft.dkimPaste}
            onChange={(e) => update({ dkimPaste: e.target.value })}
            rows={6}
            spellCheck={false}
            placeholder={'default._domainkey IN TXT ( "v=DKIM1; k=rsa; "\n  "p=MIIBIjANBgkqh…" )'}
            aria-invalid={pasted && !pasted.ok && !cname ? true : undefined}
            aria-describedby={`${pasteId}-help`}
            data-testid="dkim-paste"
          />
          <div id={`${pasteId}-help`} aria-live="polite">
            {pasted === null ? (
              <p className="hint">
                Paste it exactly as shown, quotes and brackets included: we tidy it up.
              </p>
            ) : pasted.ok ? (
              <>
                <p className="field-ok" data-testid="dkim-ok">
                  This is a valid DKIM record: {pasted.keyType === 'rsa' ? 'an RSA' : 'an Ed25519'}{' '}
                  key of {pasted.bits} bits
                  {pasted.selector ? `, for the selector "${pasted.selector}"` : ''}
                  {pasted.domain ? ` of ${pasted.domain}` : ''}.
                </p>
                {pasted.domain && domain.ok && pasted.domain !== domain.domain ? (
                  <p className="field-warn">
                    It is for {pasted.domain}, not {domain.domain}. Check that you copied the key
                    for this domain.
                  </p>
                ) : null}
                {pasted.notes.map((n) => (
                  <p className="hint" key={n}>
                    {n}
                  </p>
                ))}
                <div className="value-block">
                  <p>
                    The record to publish at{' '}
                    <code>
                      {selector ?? pasted.selector ?? fallbackSelector}._domainkey
                      {domain.ok ? `.${domain.domain}` : ''}
                    </code>
                    :
                  </p>
                  <code className="value wide" data-testid="dkim-record">
                    {plannedRecord?.value ?? pasted.record}
                  </code>
                  <CopyButton value={plannedRecord?.value ?? pasted.record} label="DKIM record" />
                </div>
              </>
            ) : cname ? (
              <p className="field-ok" data-testid="dkim-cname">
                This is a DKIM key your mail service keeps for you: publish{' '}
                <code>
                  {cname.selector ?? selector ?? fallbackSelector}._domainkey
                  {domain.ok ? `.${domain.domain}` : ''}
                </code>{' '}
                as a CNAME record pointing to <code>{cname.target}</code>. The Records step lists it
                with the others.
              </p>
            ) : (
              <p className="field-error" data-testid="dkim-error">
                {pasted.message}
              </p>
            )}
          </div>
        </div>
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
