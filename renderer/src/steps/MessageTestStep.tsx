import { useEffect, useId, useState, type DragEvent } from 'react';
import type { Project } from '../../../shared/model/project';
import type { MessageResult } from '../../../shared/checks/message-result';
import { MESSAGE_LIMITS } from '../../../shared/checks/message-limits';
import { SOURCE_MENUS } from '../../../shared/providers/mailbox-providers';
import { api } from '../state/api-ref';
import { useAppStore } from '../state/app-store';
import { StepFooter } from '../components/StepFooter';
import { Term } from '../components/Term';
import { SourceList } from '../components/SourceList';
import { MessageResults } from '../message/MessageResults';
import '../message/message.css';

/** Bytes to base64 without building one huge string of characters first. */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The "Send yourself a test" step: paste or drop a message, see what receivers will conclude. */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export function MessageTestStep({ project }: { project: Project }) {
  const last = useAppStore((s) =>
    s.lastMessage?.projectId === project.id ? s.lastMessage.result : null,
  );
  const noteMessage = useAppStore((s) => s.noteMessage);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [result, setResult] = useState<MessageResult | null>(last);
  const pasteId = useId();
  const fileId = useId();

  useEffect(() => setResult(last), [last]);

  const send = async (req: {
    source: 'paste' | 'file';
    text?: string;
    base64?: string;
    fileName?: string;
  }) => {
    setBusy(true);
    setError(null);
    const r = await api().call('message.check', { projectId: project.id, ...req });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setResult(r.value);
    noteMessage(project.id, r.value);
  };

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MESSAGE_LIMITS.maxBytes) {
      setError(
        `"${file.name}" is ${(file.size / 1e6).toFixed(0)} MB; Mailwright checks messages up to 25 MB. Send yourself a test without attachments.`,
      );
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await send({ source: 'file', base64: toBase64(bytes), fileName: file.name.slice(0, 255) });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void takeFile(e.dataTransfer.files[0]);
  };

  return (
    <section aria-labelledby="message-title">
      <h1 id="message-title">Test message</h1>
      <p className="lead">Send yourself a test, and see what receivers will conclude.</p>
      <p>
        Correct records do not prove that mail arrives trusted. Send a real message from your site
        or your mail server (a newsletter is best: it is what matters) to a mailbox of your own at
        Gmail, Outlook.com or Yahoo. Then give Mailwright its full text: it checks the{' '}
        <Term id="dkim" /> signature, <Term id="spf" /> and <Term id="dmarc" /> against your DNS as
        it is now, and says what to fix.
      </p>
      <p className="hint">This step is optional: you can skip it and come back later.</p>

      <details className="card source-menus">
        <summary>Where to find the full text of a message</summary>
        <ol className="provider-list">
          {SOURCE_MENUS.map((f) => (
            <li key={f.value.provider}>
              <h2>{f.value.name}</h2>
              <ol>
                {f.value.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <p>{f.value.then}</p>
              <SourceList sources={[f]} />
            </li>
          ))}
        </ol>
      </details>

      <div
        className={`card message-input${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="message-drop"
      >
        <div className="field">
          <label htmlFor={pasteId}>Paste the whole message (headers and body)</label>
          <textarea
            id={pasteId}
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            placeholder={
              'Delivered-To: you@gmail.com\nReceived: from mail.example.com …\nDKIM-Signature: v=1; …'
            }
          />
        </div>
        <div className="message-actions">
          <button
            type="button"
            disabled={busy || text.trim() === ''}
            onClick={() => void send({ source: 'paste', text })}
          >
            {busy ? 'Checking…' : 'Check this message'}
          </button>
          <span className="muted">or</span>
          <label htmlFor={fileId} className="file-pick secondary">
            Choose or drop a .eml file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".eml,.txt,message/rfc822,text/plain"
            className="visually-hidden"
            onChange={(e) => void takeFile(e.target.files?.[0])}
          />
        </div>
        <p className="hint">
          A downloaded .eml file is best: pasting can change spaces in the body, which breaks the
          body check. The message stays on this computer; only its result is saved with the project.
        </p>
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
      </div>

      <div aria-live="polite">
        {busy ? <p role="status">Checking the message against your DNS…</p> : null}
      </div>
      {result ? <MessageResults result={result} projectId={project.id} /> : null}

      <StepFooter projectId={project.id} step="message-test" />
    </section>
  );
}
