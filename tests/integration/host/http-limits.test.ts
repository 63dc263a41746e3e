import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { resolve } from 'node:path';
import type { HttpHost } from '../../../main/host/http-host';
import { startTestHost, type TestHost } from './test-host';
import { setPdfWorker } from '../../../main/export/pdf-off-loop';
import { longPlan, longRun } from '../../unit/export/summary-fixtures';

// Browser mode's limits as a client meets them: every refusal is an answer the client can read
// (never a reset, never a 500), with a sentence saying what is wrong.

let started: TestHost;
let host: HttpHost;
beforeAll(async () => {
  // As `mailwright serve` does with its built worker; from source, through tsx.
  setPdfWorker(resolve(import.meta.dirname, '../../../main/export/pdf-worker.ts'), [
    '--import',
    'tsx',
  ]);
  started = await startTestHost('limits');
  host = started.host;
});
afterAll(() => started.stop());

type Refusal = { ok: false; error: { code: string; message: string } };
const refusal = async (res: Response) => (await res.json()) as Refusal;

const call = (name: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${host.port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mailwright-token': host.token, ...headers },
    body,
  });

/** A POST whose body is streamed in chunks with no Content-Length (as a client may send it). */
function chunked(name: string, chunks: number, chunkSize: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/call/${name}`,
        method: 'POST',
        headers: { 'x-mailwright-token': host.token, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const piece = Buffer.alloc(chunkSize, 0x20);
    let sent = 0;
    const next = (): void => {
      while (sent < chunks) {
        sent += 1;
        if (!req.write(piece)) {
          req.once('drain', next);
          return;
        }
      }
      req.end();
    };
    next();
  });
}

describe('browser mode limits', () => {
  it('answers an oversized body with a 413 the client reads (not a reset)', async () => {
    const res = await call('projects.list', Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect(res.status).toBe(413);
    expect(await refusal(res)).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'The request is larger than the 5 MB a call may send.',
      },
    });
  });

  it('answers a streamed oversized body (no Content-Length) with a 413 too', async () => {
    const r = await chunked('projects.list', 96, 64 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(/larger than the 5 MB/);
    // The server still answers afterwards.
    expect((await call('projects.list', '{}')).status).toBe(200);
  });

  it('answers a malformed escape in the call name with 400, not 500', async () => {
    const res = await call('projects.%E0%A4%A', '{}');
    expect(res.status).toBe(400);
    expect((await refusal(res)).error.message).toBe(
      'The call name in the address has a broken %-escape.',
    );
  });

  it('answers a 5,000-level nested draft field with a clear 400, not a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const body = `{"project":{"id":"abcdef12","name":"x","createdAt":"x","updatedAt":"x","step":"domain","draft":{"domain":"","mailHostLabel":"mail","future":${deep}}}}`;
    const res = await call('projects.save', body);
    expect(res.status).toBe(400);
    const r = await refusal(res);
    expect(r.error.message).toMatch(
      /^The request nests more than 64 levels deep at "project\.draft\.future\.a…"; no call of Mailwright takes that\./,
    );
    expect(r.error.message).not.toMatch(/call stack/);
  });

  it('answers a body that is not JSON with a 400 naming it', async () => {
    const res = await call('projects.list', '{nope');
    expect(res.status).toBe(400);
    expect((await refusal(res)).error.message).toBe('The request body is not JSON.');
  });

  it('keeps answering other calls while a large PDF is made', async () => {
    // A run of about 400 KB (some 500 findings): a second or more of PDF layout anywhere.
    const run = longRun(longPlan);
    const findings = [...run.findings];
    for (let i = 0; JSON.stringify(findings).length < 400 * 1024; i += 1) {
      const f = run.findings[i % run.findings.length]!;
      findings.push({ ...f, detail: `${f.detail} ${'more detail '.repeat(30)}${i}` });
    }
    let pdfDone = false;
    const pdf = call(
      'export.pdf',
      JSON.stringify({ plan: longPlan, run: { ...run, findings } }),
    ).then(async (res) => {
      const body = (await res.json()) as { ok: boolean; value: { base64: string } };
      pdfDone = true;
      return body;
    });
    // Small calls one after another while the PDF is made: a PDF laid out on the request loop
    // lets one or two through in all that time (the loop is busy for seconds at a stretch).
    let answered = 0;
    while (!pdfDone) {
      const res = await call('projects.list', '{}');
      expect(res.status).toBe(200);
      await res.text();
      if (!pdfDone) answered += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
    const made = await pdf;
    expect(made.ok).toBe(true);
    expect(Buffer.from(made.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(answered).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
