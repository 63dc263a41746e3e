import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../shared/api/result';
import { exportPdf } from './export-api';

/**
 * The worker thread that lays out summary PDFs (main/export/pdf-off-loop.ts starts it), so a
 * large export never holds up the calls of the desktop app or browser mode. It parses the fonts
 * once and answers one message per request: `{ id, value }` or `{ id, error }`.
 */

type Request = { id: number; req: Parameters<typeof exportPdf>[0] };

parentPort?.on('message', (msg: Request) => {
  exportPdf(msg.req).then(
    (value) => parentPort?.postMessage({ id: msg.id, value }),
    (e: unknown) =>
      parentPort?.postMessage({
        id: msg.id,
        error:
          e instanceof ApiError
            ? { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) }
            : { code: 'internal', message: (e as Error).message },
      }),
  );
});
