import { useId, useMemo } from 'react';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import { normalizeMailHostInput, WHY_SUBDOMAIN } from '../../../shared/model/mail-host-input';
import type { Project } from '../../../shared/model/project';
import { useAppStore } from '../state/app-store';
import { StepFooter } from '../components/StepFooter';
import { PublishedToday, publishedFor } from '../components/PublishedToday';
import { ModeChoice } from '../components/ModeChoice';
import { modeInForce, receiversElsewhere } from '../../../shared/model/mode-default';

/**
 * Domain & mail host: the domain with live validation, the mail server's name, what the domain
 * publishes today, and whether this server also receives its mail.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function DomainStep({ project }: { project: Project }) {
  const updateDraft = useAppStore((s) => s.updateDraft);
  const domainId = useId();
  const hostId = useId();
  const draft = project.draft;
  const domain = useMemo(() => normalizeDomainInput(draft.domain), [draft.domain]);
  const host = useMemo(
    () => (domain.ok ? normalizeMailHostInput(draft.mailHostLabel, domain.domain) : null),
    [domain, draft.mailHostLabel],
  );
  const typed = draft.domain.trim() !== '';
  const looked =
    domain.ok && host?.ok
      ? publishedFor(draft.published, { domain: domain.domain, mailHost: host.mailHost })
      : null;
  // No mode is preselected while another provider receives the mail (mode-default.ts).
  const mode = modeInForce(draft.mode, host?.ok ? receiversElsewhere(looked, host.mailHost) : []);
  const blocker = !domain.ok
    ? typed
      ? 'Fix the domain above to go on.'
      : 'Enter your domain to go on.'
    : host && !host.ok
      ? 'Fix the mail host name to go on.'
      : mode === null
        ? 'Choose what this server will do to go on.'
        : null;

  return (
    <section aria-labelledby="domain-title">
      <h1 id="domain-title">Domain &amp; mail host</h1>
      <p className="lead">
        Your <strong>domain</strong> is the part after the @ in your mail addresses. Your{' '}
        <strong>mail host</strong> is the name of the server that sends (and receives) that mail.
      </p>

      <div className="field">
        <label htmlFor={domainId}>Your domain</label>
        <input
          id={domainId}
          value={draft.domain}
          onChange={(e) => updateDraft({ domain: e.target.value })}
          placeholder="example.com"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={typed && !domain.ok ? true : undefined}
          aria-describedby={`${domainId}-help`}
        />
        <div id={`${domainId}-help`} aria-live="polite">
          {!typed ? (
            <p className="hint">
              Type or paste it: a web address like https://www.example.com/contact works too.
            </p>
          ) : domain.ok ? (
            <>
              <p className="field-ok" data-testid="domain-normalized">
                We will use <strong>{domain.unicode}</strong>
                {domain.unicode !== domain.domain ? ` (written ${domain.domain} in DNS)` : ''}.
              </p>
              {domain.notes.map((n) => (
                <p className="hint" key={n}>
                  {n}
                </p>
              ))}
            </>
          ) : (
            <p className="field-error" role="alert" data-testid="domain-error">
              {domain.message}
            </p>
          )}
        </div>
      </div>

      <div className="field">
        <label htmlFor={hostId}>Mail host name</label>
        <div className="affix">
          <input
            id={hostId}
            value={draft.mailHostLabel}
            onChange={(e) => updateDraft({ mailHostLabel: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={host && !host.ok ? true : undefined}
            aria-describedby={`${hostId}-help`}
          />
          <span className="suffix" aria-hidden="true">
            .{domain.ok ? domain.domain : 'your-domain'}
          </span>
        </div>
        <div id={`${hostId}-help`} aria-live="polite">
          {host?.ok ? (
            <p className="field-ok" data-testid="mail-host">
              Your mail server will be called <strong>{host.mailHost}</strong>.
            </p>
          ) : host ? (
            <p className="field-error" role="alert">
              {host.message}
            </p>
          ) : null}
          {host?.ok &&
            host.notes.map((n) => (
              <p className="hint" key={n}>
                {n}
              </p>
            ))}
          {host?.ok && looked?.mailHostAddresses?.length ? (
            <p className="field-warn" data-testid="mail-host-taken">
              {host.mailHost} already points to {looked.mailHostAddresses.join(' and ')} today
              {domain.ok && host.mailHost === domain.domain ? ' (usually your website)' : ''}. If
              that is not your mail server, choose another name: the Records step would change that
              address, never add a second one beside it.
            </p>
          ) : null}
          <p className="hint">Why a separate name? {WHY_SUBDOMAIN}</p>
        </div>
      </div>

      {domain.ok && host?.ok ? (
        <>
          <PublishedToday
            plan={{ domain: domain.domain, mailHost: host.mailHost }}
            published={draft.published}
            update={updateDraft}
            onRecords={false}
            auto
          />
          <ModeChoice
            mode={mode}
            mailHost={host.mailHost}
            published={looked}
            update={updateDraft}
          />
        </>
      ) : null}

      <StepFooter projectId={project.id} step="domain" blocker={blocker} />
    </section>
  );
}
