import { request } from 'node:https';
import { isIP } from 'node:net';
import type { PolicyFetch } from '../../shared/checks/secure-observation';
import { MTA_STS_POLICY_MAX_BYTES } from '../../shared/records/mtasts-policy';
import { trustAnchors } from '../probes/smtp/trusted-roots';
import { askValidating, type ResolverTarget } from './validating-query';

/** Options of one policy fetch. */
export interface PolicyFetchOptions {
  resolver: ResolverTarget;
  timeoutMs: number;
  signal?: AbortSignal;
  /** HTTPS port (443; tests use another). */
  port?: number;
  /** Extra trusted CAs (PEM), e.g. a test CA. Verification is never turned off. */
  extraCa?: readonly string[];
  maxBytes?: number;
}

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

/**
 * Fetch https://mta-sts.<domain>/.well-known/mta-sts.txt as RFC 8461 §3.3 wants: the name looked
 * up through the run's resolver, the certificate validated for that name against the trusted
 * roots, no redirect followed, at most `maxBytes` read, all within the timeout.
 */
// eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
export async function fetchMtaStsPolicy(
  domain: string,
  options: PolicyFetchOptions,
): Promise<PolicyFetch> {
  const host = `mta-sts.${domain}`;
  const port = options.port ?? 443;
  const url = `https://${host}/.well-known/mta-sts.txt`;
  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  const [a, aaaa] = await Promise.all([
    askValidating(options.resolver, host, 'A', options),
    askValidating(options.resolver, host, 'AAAA', options),
  ]);
  const addresses = [...a.records, ...aaaa.records].flatMap((r) =>
    r.type === 'A' || r.type === 'AAAA' ? [r.address] : [],
  );
  const address = addresses.find((x) => isIP(x) !== 0);
  if (!address) {
    const timedOut = a.outcome === 'timeout' && aaaa.outcome === 'timeout';
    return {
      ok: false,
      url,
      kind: timedOut
        ? 'timeout'
        : a.outcome === 'nxdomain' || a.outcome === 'nodata'
          ? 'dns'
          : 'error',
      message:
        a.outcome === 'nxdomain'
          ? `${host} does not exist in DNS`
          : a.outcome === 'nodata'
            ? `${host} has no A or AAAA record`
            : `looking up ${host} gave ${a.error ?? a.outcome}`,
      elapsedMs: elapsed(),
    };
  }
  const maxBytes = options.maxBytes ?? MTA_STS_POLICY_MAX_BYTES;
  // eslint-disable-next-line max-lines-per-function -- over 100 lines: to be split along its seams (#16)
  return new Promise<PolicyFetch>((resolve) => {
    let settled = false;
    const finish = (r: PolicyFetch): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(r);
    };
    const req = request({
      host: address,
      port,
      servername: host,
      path: '/.well-known/mta-sts.txt',
      method: 'GET',
      headers: {
        host: port === 443 ? host : `${host}:${port}`,
        'user-agent': 'Mailwright MTA-STS check',
      },
      ca: trustAnchors(options.extraCa),
      rejectUnauthorized: true,
      agent: false,
    });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          url,
          kind: 'timeout',
          message: `no answer in ${options.timeoutMs} ms`,
          elapsedMs: elapsed(),
        }),
      options.timeoutMs,
    );
    const onAbort = (): void =>
      finish({
        ok: false,
        url,
        kind: 'error',
        message: 'the check was cancelled',
        elapsedMs: elapsed(),
      });
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e: Error & { code?: string }) => {
      const code = e.code ?? '';
      finish({
        ok: false,
        url,
        kind: CERT_CODES.has(code)
          ? 'certificate'
          : CONNECT_CODES.has(code)
            ? 'connect'
            : code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')
              ? 'tls'
              : 'error',
        message: e.message,
        ...(code ? { code } : {}),
        elapsedMs: elapsed(),
      });
    });
    req.on('response', (res) => {
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
    });
    req.end();
  });
}
