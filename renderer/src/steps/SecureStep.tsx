import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { checksOfGroup } from '../../../shared/checks/catalogue';
import type { Project } from '../../../shared/model/project';
import { securityChoices, type MtaStsMode } from '../../../shared/model/security-choices';
import { dnsHostSecurity } from '../../../shared/providers/dns-host-security';
import { isKnown, type Fact } from '../../../shared/providers/provider-fact';
import { certbotCommand, servingSnippets } from '../../../shared/records/mtasts-serving';
import { keyHashCommand, mtaStsPlan } from '../../../shared/records/secure-records';
import { CopyButton } from '../components/CopyButton';
import { PlanProblems } from '../components/PlanProblems';
import { SourceList } from '../components/SourceList';
import { StatusBadge } from '../components/StatusBadge';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { useDraft, usePlan } from '../hooks/use-draft';
import { useAppStore } from '../state/app-store';
import { withPart } from './secure-choices';
import './secure.css';

const SECURE_CHECKS = new Set(checksOfGroup('secure'));

function factWords(f: Fact<boolean>, what: string): string {
  if (!isKnown(f)) return `Not known whether your DNS host takes ${what} records.`;
  return f.value
    ? `Your DNS host takes ${what} records.`
    : `Your DNS host does not take ${what} records.`;
}

/** Optional hardening of incoming mail: MTA-STS, TLS-RPT, DNSSEC, DANE and CAA. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function SecureStep({ project }: { project: Project }) {
  const [draft, update] = useDraft(project);
  const planned = usePlan(project);
  const lastRun = useAppStore((s) =>
    s.lastRun?.projectId === project.id ? s.lastRun.document : null,
  );
  const section = draft.security ?? undefined;
  const choices = securityChoices(section);
  const plan = planned.ok ? planned.plan : null;
  const sts = useMemo(
    () => (plan ? mtaStsPlan(plan, draft.published?.mx.map((m) => m.exchange) ?? []) : undefined),
    [plan, draft.published],
  );
  const facts = dnsHostSecurity(draft.dnsHost, draft.dnsHost || 'your DNS host');
  const findings = (lastRun?.findings ?? []).filter((f) => SECURE_CHECKS.has(f.check));
  const seenKey = findings.find((f) => f.check === 'dane.tlsa')?.evidence?.spkiSha256;
  const [hashText, setHashText] = useState('');
  const hashId = useId();
  const modeId = useId();
  const hashes = choices.dane?.keyHashes ?? [];
  const hashOk = /^[0-9a-f]{64}$/i.test(hashText.trim());
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

      <fieldset className="card" data-testid="secure-choices">
        <legend className="card-title">What do you want to set up?</legend>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={choices.mtaSts !== undefined}
              onChange={(e) =>
                update(withPart(section, 'mtaSts', e.target.checked ? true : undefined))
              }
            />{' '}
            <Term id="mtasts">MTA-STS</Term>: other servers deliver to you only over verified
            encryption
          </label>
        </div>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={choices.tlsRpt !== undefined}
              onChange={(e) =>
                update(withPart(section, 'tlsRpt', e.target.checked ? true : undefined))
              }
            />{' '}
            <Term id="tlsrpt">TLS-RPT</Term>: daily reports of connections that could not be
            encrypted
          </label>
        </div>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={choices.dane !== undefined}
              onChange={(e) =>
                update(withPart(section, 'dane', e.target.checked ? true : undefined))
              }
            />{' '}
            <Term id="dane">DANE</Term>: publish your server's key (needs{' '}
            <Term id="dnssec">DNSSEC</Term>)
          </label>
        </div>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={choices.caa !== undefined}
              onChange={(e) =>
                update(withPart(section, 'caa', e.target.checked ? true : undefined))
              }
            />{' '}
            <Term id="caa">CAA</Term>: only your certificate authority may issue certificates
          </label>
        </div>
        <p className="hint">
          What you choose here adds records to the{' '}
          <Link to={`/p/${project.id}/records`}>Records step</Link>, the zone file and the PDF. What
          you do not choose is checked only for information, never shown as a problem.
        </p>
      </fieldset>

      {choices.mtaSts && sts ? (
        <section className="card" aria-labelledby="sts-title" data-testid="mtasts-card">
          <h2 id="sts-title" className="card-title">
            The MTA-STS policy file
          </h2>
          <div className="field">
            <label htmlFor={modeId}>Mode</label>
            <select
              id={modeId}
              value={choices.mtaSts.mode}
              onChange={(e) =>
                update(
                  withPart(section, 'mtaSts', {
                    ...(typeof section?.mtaSts === 'object' ? section.mtaSts : {}),
                    mode: e.target.value as MtaStsMode,
                  }),
                )
              }
            >
              <option value="testing">testing (start here): senders only report</option>
              <option value="enforce">enforce: senders refuse unverified delivery</option>
            </select>
          </div>
          <p>
            Put this text in a file served at <code>{sts.url}</code>. The address needs its own
            certificate for <code>{sts.host}</code>, and must answer directly (no redirect).
          </p>
          <pre className="value-block" data-testid="mtasts-policy">
            {sts.text.replace(/\r\n/g, '\n')}
          </pre>
          <CopyButton value={sts.text} label="the policy file" />
          {sts.nextStep ? <p className="hint">Next step: {sts.nextStep.when}</p> : null}
          <p>Get one certificate for both names, keeping the key on renewal:</p>
          <pre className="value-block">{certbotCommand(mailHost, [sts.host])}</pre>
          <CopyButton value={certbotCommand(mailHost, [sts.host])} label="the certbot command" />
          {servingSnippets(sts, mailHost).map((s) => (
            <details key={s.server}>
              <summary>
                {s.server}: {s.file}
              </summary>
              <pre className="value-block">{s.text}</pre>
              <CopyButton value={s.text} label={`the ${s.server} settings`} />
            </details>
          ))}
          <p className="hint">
            To host the file elsewhere (a static web host), point {sts.host} there instead of at
            your server.
          </p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="dnssec-title" data-testid="dnssec-card">
        <h2 id="dnssec-title" className="card-title">
          <Term id="dnssec">DNSSEC</Term> at your DNS host
        </h2>
        {isKnown(facts.dnssec) ? (
          <p>
            {facts.dnssec.value.signs
              ? `Your DNS host can sign your zone. Where: ${facts.dnssec.value.where ?? 'in its DNS settings'}.`
              : 'Your DNS host does not sign zones.'}
          </p>
        ) : (
          <p>Not known whether your DNS host signs zones: look for "DNSSEC" in its DNS settings.</p>
        )}
        <p>
          Switching it on takes two steps: the DNS host signs the zone, then you copy the{' '}
          <Term id="ds">DS record</Term> it shows to your registrar (the company where you bought
          the domain). Until the DS record is there, nothing is checked.
        </p>
        <p>
          {factWords(facts.tlsa, 'TLSA')} {factWords(facts.caa, 'CAA')}
        </p>
        <SourceList sources={[facts.dnssec, facts.tlsa, facts.caa]} />
      </section>

      {choices.dane ? (
        <section className="card" aria-labelledby="dane-title" data-testid="dane-card">
          <h2 id="dane-title" className="card-title">
            Your server's key for DANE
          </h2>
          <p>
            The TLSA record holds the SHA-256 hash of your mail server's public key. Mailwright
            reads it from the certificate your server shows when you run a check, or run this on the
            server:
          </p>
          <pre className="value-block">{keyHashCommand(mailHost)}</pre>
          {typeof seenKey === 'string' && !hashes.includes(seenKey) ? (
            <p>
              The last check saw the key <code>{seenKey.slice(0, 16)}…</code>{' '}
              <button
                type="button"
                onClick={() =>
                  update(withPart(section, 'dane', { keyHashes: [seenKey, ...hashes] }))
                }
              >
                Use this key
              </button>
            </p>
          ) : null}
          <div className="field">
            <label htmlFor={hashId}>Key hash (64 hex digits)</label>
            <input
              id={hashId}
              value={hashText}
              onChange={(e) => setHashText(e.target.value)}
              spellCheck={false}
            />
            {hashText.trim() && !hashOk ? (
              <p className="field-error">
                A key hash is 64 characters 0–9 and a–f, as sha256sum prints it.
              </p>
            ) : null}
            <button
              type="button"
              disabled={!hashOk}
              onClick={() => {
                update(
                  withPart(section, 'dane', {
                    keyHashes: [...hashes, hashText.trim().toLowerCase()],
                  }),
                );
                setHashText('');
              }}
            >
              Add key hash
            </button>
          </div>
          {hashes.length ? (
            <ul data-testid="dane-hashes">
              {hashes.map((h) => (
                <li key={h}>
                  <code>3 1 1 {h}</code>{' '}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      update(
                        withPart(section, 'dane', { keyHashes: hashes.filter((x) => x !== h) }),
                      )
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="notice warn compact">
            Before the server gets a new key, add the new key's hash here and publish it, wait two
            hours, then switch keys. With Let's Encrypt, renew with{' '}
            <code>certbot renew --reuse-key</code> so the key stays the same.
          </p>
        </section>
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
