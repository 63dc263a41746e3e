import { useState } from 'react';
import type { Plan } from '../../../shared/model/plan';
import type { Draft, PublishedRecords } from '../../../shared/model/project';
import { api } from '../state/api-ref';
import { describeReceivers } from '../../../shared/providers/mail-receivers';

/** Plain sentences about what a domain publishes today. */
function describe(p: PublishedRecords, domain: string, onRecords: boolean): string[] {
  const cards = onRecords ? 'card below' : 'card on the Records step';
  const out: string[] = [];
  if (p.mx.length === 0) out.push(`${domain} has no MX record: no mail is received for it today.`);
  else
    out.push(
      `Your mail for ${domain} is received today by ${describeReceivers(p.mx.map((m) => m.exchange))}.`,
    );
  if (p.spf.length === 0) out.push('It has no SPF record yet.');
  else if (p.spf.length === 1)
    out.push(`It has an SPF record (${p.spf[0]}): the SPF ${cards} adds your server to it.`);
  else
    out.push(
      `It has ${p.spf.length} SPF records. Receivers treat that as an error; the SPF ${cards} merges them into one.`,
    );
  if (p.dmarc.length === 0) out.push('It has no DMARC record yet.');
  else
    out.push(`It has a DMARC record (${p.dmarc[0]}): the DMARC ${cards} says whether to keep it.`);
  return out;
}

/**
 * "What your domain publishes today": a lookup on request (it asks the internet), kept in the
 * draft so the plan merges with it after a reload too.
 */
export function PublishedToday({
  plan,
  published,
  update,
  onRecords = true,
}: {
  /** False on the Domain step: the record cards are on the Records step, not below. */
  onRecords?: boolean;
  plan: Pick<Plan, 'domain' | 'mailHost'>;
  published: Draft['published'];
  update: (patch: Partial<Draft>) => void;
}) {
  const [state, setState] = useState<{ looking: boolean; error: string | null }>({
    looking: false,
    error: null,
  });
  const current =
    published && published.domain === plan.domain && published.mailHost === plan.mailHost
      ? published
      : null;

  const look = async () => {
    setState({ looking: true, error: null });
    const r = await api().call('dns.published', { domain: plan.domain, mailHost: plan.mailHost });
    if (!r.ok) {
      setState({ looking: false, error: r.error.message });
      return;
    }
    update({
      published: {
        ...r.value,
        domain: plan.domain,
        mailHost: plan.mailHost,
        checkedAt: new Date().toISOString(),
      },
    });
    setState({ looking: false, error: null });
  };

  return (
    <div className="card published" data-testid="published-today">
      <h2 className="card-title">What {plan.domain} publishes today</h2>
      {current ? (
        <>
          <ul>
            {describe(current, plan.domain, onRecords).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {current.problems.map((p) => (
            <p className="field-warn" key={p}>
              {p}
            </p>
          ))}
          <p className="hint">Checked {new Date(current.checkedAt).toLocaleString()}.</p>
        </>
      ) : (
        <p className="hint">
          Check before you add anything: if your domain already has SPF, DMARC or MX records, the
          record cards{onRecords ? ' below' : ' on the Records step'} merge with them instead of
          replacing what works. This asks the internet.
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void look()}
          disabled={state.looking}
        >
          {current ? 'Check again' : `Check what ${plan.domain} publishes`}
        </button>
        <span role="status" aria-live="polite">
          {state.looking
            ? 'Looking up your records…'
            : state.error
              ? `The check failed: ${state.error}`
              : ''}
        </span>
      </div>
    </div>
  );
}
