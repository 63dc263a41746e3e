import { useEffect, useState } from 'react';
import { whenWords } from '../../../shared/summary/date-words';
import type { RunSummary } from '../../../shared/checks/run-summary';
import type { StatusSummary } from '../../../shared/checks/finding';
import { api } from '../state/api-ref';
import { runChanges, type RunChange } from './run-changes';

/** Counts in words, e.g. "18 pass, 1 fail, 2 waiting". Zero counts are left out. */
export function countsText(s: StatusSummary): string {
  const parts: string[] = [];
  if (s.pass) parts.push(`${s.pass} pass`);
  if (s.fail) parts.push(`${s.fail} fail`);
  if (s.warn) parts.push(`${s.warn} warning${s.warn === 1 ? '' : 's'}`);
  if (s.pending) parts.push(`${s.pending} waiting for DNS`);
  if (s.unknown) parts.push(`${s.unknown} could not be checked`);
  if (s.info) parts.push(`${s.info} info`);
  return parts.join(', ') || 'no checks';
}

const when = (iso: string) => whenWords(iso);

/**
 * The project's past runs with their counts, and what changed between two of them (by default
 * the last two). `refresh` changes whenever a run finishes so the list stays current.
 */
export function RunHistory({ projectId, refresh }: { projectId: string; refresh: number }) {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [older, setOlder] = useState('');
  const [newer, setNewer] = useState('');
  const [changes, setChanges] = useState<RunChange[] | null>(null);

  useEffect(() => {
    let live = true;
    void api()
      .call('runs.list', { projectId })
      .then((r) => {
        if (!live) return;
        if (!r.ok) return setError(r.error.message);
        setRuns(r.value.runs);
        setNewer(r.value.runs[0]?.id ?? '');
        setOlder(r.value.runs[1]?.id ?? '');
      });
    return () => {
      live = false;
    };
  }, [projectId, refresh]);

  useEffect(() => {
    setChanges(null);
    if (!older || !newer || older === newer) return;
    let live = true;
    void Promise.all([
      api().call('runs.get', { projectId, runId: older }),
      api().call('runs.get', { projectId, runId: newer }),
    ]).then(([a, b]) => {
      if (!live) return;
      if (!a.ok || !b.ok) return setError('An earlier check could not be read.');
      setChanges(runChanges(a.value.findings, b.value.findings));
    });
    return () => {
      live = false;
    };
  }, [projectId, older, newer]);

  if (error) return <p className="notice error">{error}</p>;
  if (!runs) return <p>Loading the earlier checks…</p>;
  if (runs.length === 0)
    return <p className="muted">No checks yet. Your first check will show here.</p>;

  const option = (r: RunSummary) => (
    <option key={r.id} value={r.id}>
      {when(r.startedAt)}
    </option>
  );
  return (
    <div className="run-history">
      <table className="runs-table">
        <caption className="visually-hidden">Earlier checks, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.slice(0, 20).map((r) => (
            <tr key={r.id}>
              <td>{when(r.startedAt)}</td>
              <td>
                {countsText(r.summary)}
                {r.cancelled ? ' (stopped before the end)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length > 1 ? (
        <div className="compare">
          <h3>What changed</h3>
          <div className="compare-pick">
            <label>
              From
              <select value={older} onChange={(e) => setOlder(e.target.value)}>
                {runs.map(option)}
              </select>
            </label>
            <label>
              To
              <select value={newer} onChange={(e) => setNewer(e.target.value)}>
                {runs.map(option)}
              </select>
            </label>
          </div>
          {changes === null ? null : changes.length === 0 ? (
            <p data-testid="changes">Nothing changed between these two checks.</p>
          ) : (
            <ul data-testid="changes">
              {changes.map((c) => (
                <li key={`${c.check} ${c.subject}`}>{c.sentence}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
