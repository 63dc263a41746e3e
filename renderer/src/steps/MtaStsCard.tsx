import { useId } from 'react';
import type { Draft } from '../../../shared/model/project';
import type { MtaStsMode } from '../../../shared/model/security-choices';
import type { MtaStsSetup } from '../../../shared/records/mtasts-setup';
import { CopyButton } from '../components/CopyButton';
import { withPart } from './secure-choices';

/** A block of text to paste, with its Copy button (which copies `copy` when the shown text differs). */
function Pasteable(props: { text: string; copy?: string; label: string; testId?: string }) {
  return (
    <>
      <pre className="value-block" {...(props.testId ? { 'data-testid': props.testId } : {})}>
        {props.text}
      </pre>
      <CopyButton value={props.copy ?? props.text} label={props.label} />
    </>
  );
}

/**
 * The MTA-STS policy file, its mode, and how to serve it: the mta-sts records, the certbot
 * command and each web server's settings, all from mtaStsSetup (as `mailwright plan` prints them).
 */
export function MtaStsCard(props: {
  setup: MtaStsSetup;
  section: Draft['security'];
  update: (patch: Partial<Draft>) => void;
}) {
  const { setup, section, update } = props;
  const { policy } = setup;
  const modeId = useId();
  return (
    <section className="card" aria-labelledby="sts-title" data-testid="mtasts-card">
      <h2 id="sts-title" className="card-title">
        The MTA-STS policy file
      </h2>
      <div className="field">
        <label htmlFor={modeId}>Mode</label>
        <select
          id={modeId}
          value={policy.mode}
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
        Put this text in a file served at <code>{policy.url}</code>. The address needs its own
        certificate for <code>{policy.host}</code>, and must answer directly (no redirect).
      </p>
      {/* RFC 8461 lines end in CRLF: shown with plain line breaks, copied as the file must be. */}
      <Pasteable
        text={policy.text.replace(/\r\n/g, '\n')}
        copy={policy.text}
        label="the policy file"
        testId="mtasts-policy"
      />
      {policy.nextStep ? <p className="hint">Next step: {policy.nextStep.when}</p> : null}
      {setup.records.length ? (
        <p data-testid="mtasts-address">
          {policy.host} points at your server:{' '}
          {setup.records.map((r) => `${r.type} ${r.value}`).join(', ')} (in the Records step).
        </p>
      ) : null}
      <p>Get one certificate for both names, keeping the key on renewal:</p>
      <Pasteable text={setup.certbot} label="the certbot command" />
      <p>
        Save the file as <code>{setup.policyFile}</code> and add your web server's settings:
      </p>
      {setup.webServers.map((s) => (
        <details key={s.server}>
          <summary>
            {s.server}: {s.file}
          </summary>
          <Pasteable text={s.text} label={`the ${s.server} settings`} />
        </details>
      ))}
      <p className="hint">{setup.elsewhere}</p>
    </section>
  );
}
