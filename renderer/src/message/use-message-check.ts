import { useEffect, useState } from 'react';
import type { MessageResult } from '../../../shared/checks/message-result';
import { MESSAGE_LIMITS } from '../../../shared/checks/message-limits';
import { api } from '../state/api-ref';
import { useAppStore } from '../state/app-store';

/** Bytes to base64 without building one huge string of characters first. */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Checking a test message (pasted or a file) for a project: the result is kept in the store, so
 * the Summary and the All done moment know a message was read.
 */
export function useMessageCheck(projectId: string) {
  const last = useAppStore((s) =>
    s.lastMessage?.projectId === projectId ? s.lastMessage.result : null,
  );
  const noteMessage = useAppStore((s) => s.noteMessage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MessageResult | null>(last);

  useEffect(() => setResult(last), [last]);

  const send = async (req: {
    source: 'paste' | 'file';
    text?: string;
    base64?: string;
    fileName?: string;
  }) => {
    setBusy(true);
    setError(null);
    const r = await api().call('message.check', { projectId, ...req });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setResult(r.value);
    noteMessage(projectId, r.value);
  };

  const checkText = (text: string) => void send({ source: 'paste', text });

  const checkFile = async (file: File | undefined) => {
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

  return { busy, error, result, checkText, checkFile };
}
