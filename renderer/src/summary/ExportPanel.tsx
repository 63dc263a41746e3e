import { useId, useState } from 'react';
import type { CheckDocument } from '../../../shared/checks/verify-progress';
import type { Plan } from '../../../shared/model/plan';
import type { MessageResult } from '../../../shared/checks/message-result';
import type { PublishedToday } from '../../../shared/records/records-to-publish';
import { api } from '../state/api-ref';
import { Term } from '../components/Term';
import { saveExport, type ExportFile } from './save-export';

type Paper = 'a4' | 'letter';
type Kind = ExportFile['kind'];

async function makeFile(
  kind: Kind,
  plan: Plan,
  published: PublishedToday | null,
  run: CheckDocument | undefined,
  paper: Paper,
  message: MessageResult | undefined,
): Promise<ExportFile | string> {
  const withRun = run ? { run } : {};
  // Main merges the plan with the same look-up the Records step merged with (recordsToPublish).
  if (kind === 'pdf') {
    const r = await api().call('export.pdf', {
      plan,
      published,
      paper,
      ...withRun,
      ...(message ? { message } : {}),
    });
    if (!r.ok) return r.error.message;
    return { kind, ...r.value, content: { base64: r.value.base64 } };
  }
  const r =
    kind === 'zone'
      ? await api().call('export.zone', { plan, published })
      : await api().call('export.json', { plan, published, ...withRun });
  if (!r.ok) return r.error.message;
  return { kind, fileName: r.value.fileName, mimeType: r.value.mimeType, content: r.value };
}

/** Export: the summary PDF (A4 or Letter), the zone file, and the plan with its last run as JSON. */
export function ExportPanel({
  plan,
  published,
  run,
  message,
}: {
  plan: Plan;
  /** What the domain publishes (the project's last look), as the Records step merged with it. */
  published: PublishedToday | null;
  run: CheckDocument | undefined;
  /** The last test message's result: the PDF's "Ready for Gmail and Yahoo" table uses it. */
  message?: MessageResult | undefined;
}) {
  const paperId = useId();
  const [paper, setPaper] = useState<Paper>('a4');
  const [busy, setBusy] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const onExport = async (kind: Kind) => {
    setBusy(kind);
    setOutcome(null);
    try {
      const file = await makeFile(kind, plan, published, run, paper, message);
      if (typeof file === 'string') return setOutcome({ ok: false, message: file });
      const saved = await saveExport(file);
      if (saved.ok !== 'cancelled') setOutcome({ ok: saved.ok, message: saved.message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card card-section" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p>
        Keep a copy, or send it to someone who helps you. The PDF lists your records, the result of
        the last check, the reverse DNS request and these next steps. It never contains your DKIM
        private key.
      </p>
      <div className="row export-actions">
        <label htmlFor={paperId} className="inline-label">
          Paper size
        </label>
        <select id={paperId} value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
          <option value="a4">A4</option>
          <option value="letter">Letter</option>
        </select>
        <button type="button" disabled={busy !== null} onClick={() => void onExport('pdf')}>
          {busy === 'pdf' ? 'Making the PDF…' : 'Export PDF'}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy !== null}
          onClick={() => void onExport('zone')}
        >
          Download zone file
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy !== null}
          onClick={() => void onExport('json')}
        >
          Export JSON
        </button>
      </div>
      <p className="hint">
        The <Term id="zonefile">zone file</Term> is for DNS hosts that import one. The JSON file is
        the plan, the records and the last check: keep it, or copy it to your server to run
        Mailwright's check there.
      </p>
      <p
        className={outcome && !outcome.ok ? 'field-error' : 'field-ok'}
        role="status"
        data-testid="export-outcome"
      >
        {outcome?.message ?? ''}
      </p>
    </section>
  );
}
