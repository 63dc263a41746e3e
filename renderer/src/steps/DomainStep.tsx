import { useMemo } from 'react';
import { normalizeDomainInput } from '../../../shared/model/domain-input';
import { normalizeMailHostInput } from '../../../shared/model/mail-host-input';
import type { Project } from '../../../shared/model/project';
import { useAppStore } from '../state/app-store';
import { StepFooter } from '../components/StepFooter';
import { PublishedToday, publishedFor } from '../components/PublishedToday';
import { ModeChoice } from '../components/ModeChoice';
import { modeInForce, receiversElsewhere } from '../../../shared/model/mode-default';
import { DomainField } from './domain/DomainField';
import { MailHostField } from './domain/MailHostField';

/**
 * Domain & mail host: the domain with live validation, the mail server's name, what the domain
 * publishes today, and whether this server also receives its mail.
 */
export function DomainStep({ project }: { project: Project }) {
  const updateDraft = useAppStore((s) => s.updateDraft);
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

      <DomainField
        value={draft.domain}
        onChange={(d) => updateDraft({ domain: d })}
        domain={domain}
      />

      <MailHostField
        value={draft.mailHostLabel}
        onChange={(mailHostLabel) => updateDraft({ mailHostLabel })}
        domain={domain.ok ? domain.domain : undefined}
        host={host}
        takenBy={looked?.mailHostAddresses}
      />

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
