import { useId, useState, type DragEvent } from 'react';

/** Where the message goes in: pasted text, a chosen file, or a file dropped on the card. */
export function MessageInput({
  busy,
  error,
  onText,
  onFile,
}: {
  busy: boolean;
  error: string | null;
  onText: (text: string) => void;
  onFile: (file: File | undefined) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const pasteId = useId();
  const fileId = useId();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void onFile(e.dataTransfer.files[0]);
  };

  return (
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
        <button type="button" disabled={busy || text.trim() === ''} onClick={() => onText(text)}>
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
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <p className="hint">
        A downloaded .eml file is best: pasting can change spaces in the body, which breaks the body
        check. The message stays on this computer; only its result is saved with the project.
      </p>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
