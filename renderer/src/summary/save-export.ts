import { downloadBytes } from '../app/download';
import { api } from '../state/api-ref';

/** An export ready to leave the app: a name, a type, and its bytes as base64 or its text. */
export interface ExportFile {
  kind: 'pdf' | 'zone' | 'json';
  fileName: string;
  mimeType: string;
  content: { base64: string } | { text: string };
}

/** What happened, in words for a status line. */
export type SaveOutcome =
  { ok: true; message: string } | { ok: false; message: string } | { ok: 'cancelled' };

function bytesOf(content: ExportFile['content']): Uint8Array<ArrayBuffer> {
  if ('text' in content) return new TextEncoder().encode(content.text);
  const raw = atob(content.base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function base64Of(bytes: Uint8Array): string {
  let raw = '';
  // Chunks keep String.fromCharCode under the engine's argument limit for large PDFs.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    raw += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(raw);
}

/**
 * Save an export: the desktop app asks where (export.save opens its save dialog); the browser
 * downloads it, which is also the fallback when main answers that it is not in the desktop app.
 */
export async function saveExport(file: ExportFile): Promise<SaveOutcome> {
  const bytes = bytesOf(file.content);
  if (api().transport === 'electron') {
    const base64 = 'base64' in file.content ? file.content.base64 : base64Of(bytes);
    const r = await api().call('export.save', {
      kind: file.kind,
      suggestedName: file.fileName,
      base64,
    });
    if (r.ok) {
      return r.value.saved && r.value.path
        ? { ok: true, message: `Saved as ${r.value.path}.` }
        : { ok: 'cancelled' };
    }
    if (r.error.code !== 'not-in-browser') return { ok: false, message: r.error.message };
  }
  downloadBytes(file.fileName, file.mimeType, bytes);
  return {
    ok: true,
    message: `Downloaded ${file.fileName}. Your browser put it in its downloads folder.`,
  };
}
