import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { Project } from '../../../shared/model/project';
import { port25Procedure, type Port25Procedure } from '../../../shared/providers/port25-request';
import { ptrProcedure } from '../../../shared/providers/ptr-request';
import type { ProviderRequestInput } from '../../../shared/providers/request-input';
import { PlanProblems } from '../components/PlanProblems';
import { RequestText } from '../components/RequestText';
import { SourceList } from '../components/SourceList';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft, usePlan } from '../hooks/use-draft';

const MISSING_WORDS: Record<string, string> = {
  purpose: 'what the server sends',
  optInLists: 'who receives it and how they agreed to',
  expectedVolume: 'how many messages a day',
  authentication: 'which of SPF, DKIM and DMARC are published',
};

/** What the host wants to know before it opens port 25: filled into the request text as typed. */
function SendingFacts({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const purposeId = useId();
  const audienceId = useId();
  const volumeId = useId();
  return (
    <div className="sending-facts">
      <p className="hint">
        Hosts open port 25 for senders who explain their mail. What you type here goes into the
        request below.
      </p>
      <div className="field">
        <label htmlFor={purposeId}>What does the server send?</label>
        <input
          id={purposeId}
          value={draft.sendingPurpose}
          onChange={(e) => update({ sendingPurpose: e.target.value })}
          placeholder="Order confirmations and password resets for my online shop"
        />
      </div>
      <div className="field">
        <label htmlFor={audienceId}>Who receives it, and how did they agree to?</label>
        <input
          id={audienceId}
          value={draft.sendingAudience}
          onChange={(e) => update({ sendingAudience: e.target.value })}
          placeholder="Customers who placed an order; subscribers who confirmed by email"
        />
      </div>
      <div className="field">
        <label htmlFor={volumeId}>About how many messages a day?</label>
        <input
          id={volumeId}
          value={draft.sendingVolume}
          onChange={(e) => update({ sendingVolume: e.target.value })}
          placeholder="About 100 messages a day"
        />
      </div>
    </div>
  );
}

function Port25Section({ p, project }: { p: Port25Procedure; project: Project }) {
  return (
    <section aria-labelledby="port25-title" className="card">
      <h2 id="port25-title" className="card-title">
        Outgoing mail: <Term id="port25">port 25</Term>
      </h2>
      {p.kind === 'open' || p.kind === 'reactive' || p.kind === 'no-exceptions' ? (
        <p data-testid="port25-message">{p.message}</p>
      ) : null}
      {p.kind === 'no-exceptions' ? (
        <ol>
          {p.relaySteps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
      {p.kind === 'request' ? (
        <>
          <p data-testid="port25-message">
            {p.hostName} blocks outgoing port 25 until you ask. Send the request below; it is
            written with your names and addresses.
          </p>
          {p.conditions.length ? (
            <>
              <p>What {p.hostName} asks for first:</p>
              <ul>
                {p.conditions.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {p.kind === 'request' || p.kind === 'unknown' ? (
        <>
          <ol>
            {p.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <SendingFacts project={project} />
          {p.missing.length ? (
            <p className="field-warn">
              Replace the [bracketed] parts before sending: say{' '}
              {p.missing.map((m) => MISSING_WORDS[m] ?? m).join('; ')}.
            </p>
          ) : null}
          <RequestText label="Port 25 request" text={p.text} />
        </>
      ) : null}
      {p.notes.length ? (
        <ul className="form-notes">
          {p.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <SourceList sources={p.sources} />
    </section>
  );
}

/** Reverse DNS: how to get PTR set at the VPS host, and port 25 opened where it is blocked. */
export function ReverseDnsStep({ project }: { project: Project }) {
  const [draft] = useDraft(project);
  const planned = usePlan(project);
  const input = useMemo<ProviderRequestInput | null>(
    () =>
      planned.ok
        ? {
            domain: planned.plan.domain,
            mailHost: planned.plan.mailHost,
            ipv4: planned.plan.ipv4,
            ipv6: planned.plan.ipv6,
            vpsHostId: draft.vpsHost || 'other',
            sender: {
              purpose: draft.sendingPurpose,
              optInLists: draft.sendingAudience,
              expectedVolume: draft.sendingVolume,
            },
          }
        : null,
    [planned, draft.vpsHost, draft.sendingPurpose, draft.sendingAudience, draft.sendingVolume],
  );
  const ptr = useMemo(() => (input ? ptrProcedure(input) : null), [input]);
  const port25 = useMemo(() => (input ? port25Procedure(input) : null), [input]);

  return (
    <section aria-labelledby="rdns-title">
      <h1 id="rdns-title">Reverse DNS</h1>
      <p className="lead">
        Receiving servers look up your server's address and expect to find its name: that is reverse
        DNS, the <Term id="ptr">PTR</Term> record. Only the owner of the address, your VPS host, can
        set it.
      </p>
      {!planned.ok ? <PlanProblems projectId={project.id} problems={planned.problems} /> : null}
      {!draft.vpsHost ? (
        <p className="notice info">
          You have not chosen your VPS host, so these are general instructions.{' '}
          <Link to={`/p/${project.id}/server`}>Choose it</Link> for its exact procedure.
        </p>
      ) : null}
      {ptr && input ? (
        <section aria-labelledby="ptr-title" className="card">
          <h2 id="ptr-title" className="card-title">
            Reverse DNS at {ptr.hostId === 'other' ? 'your VPS host' : ptr.hostName}
          </h2>
          <div className="notice warn compact" data-testid="a-first">
            <p className="notice-title">First: the A record</p>
            <ul>
              {ptr.prerequisites.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <p>
              It is the first card on the <Link to={`/p/${project.id}/records`}>Records step</Link>.
            </p>
          </div>
          <p>
            Set {[...input.ipv4, ...input.ipv6].join(' and ')} to point to{' '}
            <code>{input.mailHost}</code>:
          </p>
          <ol data-testid="ptr-steps">
            {ptr.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {ptr.kind === 'self-service' && ptr.api ? (
            <p className="hint">From the command line: {ptr.api}</p>
          ) : null}
          {ptr.kind === 'ticket' || ptr.kind === 'unknown' ? (
            <RequestText label="Reverse DNS request" text={ptr.text} />
          ) : null}
          {ptr.notes.length ? (
            <ul className="form-notes">
              {ptr.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <SourceList sources={ptr.sources} />
        </section>
      ) : null}
      {port25 ? <Port25Section p={port25} project={project} /> : null}
      <StepFooter projectId={project.id} step="reverse-dns" />
    </section>
  );
}
