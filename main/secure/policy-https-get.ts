import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { PolicyFetch } from '../../shared/checks/secure-observation';
import { trustAnchors } from '../probes/smtp/trusted-roots';

/**
 * One GET of the MTA-STS policy over HTTPS as RFC 8461 §3.3 wants: to the looked-up address with
 * the policy host's name for SNI and certificate validation (against the trusted roots, plus any
 * extra CA; never turned off), no redirect followed, at most `maxBytes` read, within the timeout.
 */

/** Where to fetch from and with what patience. */
export interface PolicyGet {
  url: string;
  host: string;
  address: string;
  port: number;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  extraCa?: readonly string[];
  elapsed: () => number;
}

type Failure = Extract<PolicyFetch, { ok: false }>;

const CERT_CODES = new Set([
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
]);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EADDRNOTAVAIL',
]);

/** Which kind of failure a request error is (each kind gets its own explanation). */
function errorKind(code: string): Failure['kind'] {
  if (CERT_CODES.has(code)) return 'certificate';
  if (CONNECT_CODES.has(code)) return 'connect';
  return code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') ? 'tls' : 'error';
}

/** Read the response: a redirect or another status ends it, else the body up to the limit. */
function readResponse(res: IncomingMessage, get: PolicyGet, finish: (r: PolicyFetch) => void) {
  const { url, maxBytes, elapsed } = get;
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    const location = res.headers.location;
    return finish({
      ok: false,
      url,
      kind: 'redirect',
      status,
      ...(location ? { location } : {}),
      message: `HTTP ${status}`,
      elapsedMs: elapsed(),
    });
  }
  if (status !== 200)
    return finish({
      ok: false,
      url,
      kind: 'status',
      status,
      message: `HTTP ${status}`,
      elapsedMs: elapsed(),
    });
  const chunks: Buffer[] = [];
  let bytes = 0;
  res.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes)
      return finish({
        ok: false,
        url,
        kind: 'too-large',
        message: `more than ${maxBytes} bytes`,
        elapsedMs: elapsed(),
      });
    chunks.push(chunk);
  });
  res.on('end', () => {
    const contentType = res.headers['content-type'];
    finish({
      ok: true,
      url,
      status,
      ...(contentType ? { contentType } : {}),
      body: Buffer.concat(chunks).toString('utf8'),
      bytes,
      elapsedMs: elapsed(),
    });
  });
  res.on('error', (e) =>
    finish({ ok: false, url, kind: 'error', message: e.message, elapsedMs: elapsed() }),
  );
}

/** GET the policy; always settles, with the first outcome (answer, error, timeout or cancel). */
export function httpsGetPolicy(get: PolicyGet): Promise<PolicyFetch> {
  const { url, host, port, elapsed, signal } = get;
  return new Promise<PolicyFetch>((resolve) => {
    let settled = false;
    const finish = (r: PolicyFetch): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(r);
    };
    const fail = (kind: Failure['kind'], message: string, code?: string): void =>
      finish({ ok: false, url, kind, message, ...(code ? { code } : {}), elapsedMs: elapsed() });
    const req = request({
      host: get.address,
      port,
      servername: host,
      path: '/.well-known/mta-sts.txt',
      method: 'GET',
      headers: {
        host: port === 443 ? host : `${host}:${port}`,
        'user-agent': 'Mailwright MTA-STS check',
      },
      ca: trustAnchors(get.extraCa),
      rejectUnauthorized: true,
      agent: false,
    });
    const timer = setTimeout(
      () => fail('timeout', `no answer in ${get.timeoutMs} ms`),
      get.timeoutMs,
    );
    const onAbort = (): void => fail('error', 'the check was cancelled');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e: Error & { code?: string }) => {
      const code = e.code ?? '';
      fail(errorKind(code), e.message, code || undefined);
    });
    req.on('response', (res) => readResponse(res, get, finish));
    req.end();
  });
}
