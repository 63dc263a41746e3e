import { useId } from 'react';
import { DMARC_POLICIES } from '../../../shared/model/plan-choices';
import type { Draft } from '../../../shared/model/project';

const POLICY_WORDS: Record<(typeof DMARC_POLICIES)[number], string> = {
  none: 'Only send me reports (start here)',
  quarantine: 'Send failing mail to spam',
  reject: 'Refuse failing mail',
};

/** The Records step's DMARC settings: where reports go, and what receivers do with failing mail. */
export function DmarcSettings({
  rua,
  policy,
  domain,
  ruaProblem,
  update,
}: {
  rua: string;
  policy: (typeof DMARC_POLICIES)[number];
  /** The plan's domain, for the example address; undefined while the plan has problems. */
  domain: string | undefined;
  /** Why the typed report address is not usable, if it is not. */
  ruaProblem: string | undefined;
  update: (patch: Partial<Draft>) => void;
}) {
  const ruaId = useId();
  const policyId = useId();
  return (
    <details className="card dmarc-settings" open={Boolean(ruaProblem)}>
      <summary>DMARC settings: where reports go ({rua.trim() || 'not set'}) and the policy</summary>
      <div className="field">
        <label htmlFor={ruaId}>Where should DMARC reports go? (optional)</label>
        <input
          id={ruaId}
          value={rua}
          onChange={(e) => update({ dmarcRua: e.target.value })}
          placeholder={`dmarc@${domain ?? 'example.com'}`}
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
          value={policy}
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
  );
}
