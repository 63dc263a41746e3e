import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api/result';
import { exportPdf, type ExportedPdf } from './export-api';

/**
 * export.pdf off the request loop: the PDF of a large plan and run takes seconds of layout, so it
 * runs in one long-lived worker thread (main/export/pdf-worker.ts) and every other call keeps
 * being answered meanwhile. The entry point says where the built worker is (`setPdfWorker`):
 * the Electron bundle and `mailwright serve` do; without it (a script run from source) the PDF
 * is made in-process as before.
 */

let workerFile: { file: string | URL; execArgv?: string[] } | undefined;
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (v: ExportedPdf) => void; reject: (e: Error) => void }
>();

/** Where the worker script is (and, from source, the loader it needs, e.g. ['--import', 'tsx']). */
export function setPdfWorker(file: string | URL, execArgv?: string[]): void {
  workerFile = execArgv ? { file, execArgv } : { file };
}

function failAll(e: Error): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  worker = undefined;
}

function started(): Worker | undefined {
  if (worker || !workerFile) return worker;
  const w = new Worker(
    workerFile.file,
    workerFile.execArgv ? { execArgv: workerFile.execArgv } : {},
  );
  // An idle worker must not keep the CLI or a test alive.
  w.unref();
  w.on(
    'message',
    (msg: {
      id: number;
      value?: ExportedPdf;
      error?: { code: string; message: string; field?: string };
    }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) w.unref();
      if (msg.error) p.reject(new ApiError(msg.error.code, msg.error.message, msg.error.field));
      else p.resolve(msg.value as ExportedPdf);
    },
  );
  w.on('error', (e) => failAll(e));
  w.on('exit', () => failAll(new Error('the PDF worker stopped')));
  worker = w;
  return w;
}

/** The summary PDF, made in the worker when there is one. */
export function exportPdfOffLoop(req: Parameters<typeof exportPdf>[0]): Promise<ExportedPdf> {
  const w = started();
  if (!w) return exportPdf(req);
  const id = nextId++;
  return new Promise<ExportedPdf>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, req });
  });
}
