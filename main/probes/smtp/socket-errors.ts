import type { SmtpError, SmtpErrorKind } from '../../../shared/checks/smtp-observation';

const KINDS: Record<string, SmtpErrorKind> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  ENETUNREACH: 'no-route',
  EHOSTUNREACH: 'no-route',
  EADDRNOTAVAIL: 'no-route',
  ENETDOWN: 'no-route',
  EHOSTDOWN: 'no-route',
  EAFNOSUPPORT: 'no-route',
  ETIMEDOUT: 'timeout',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ENODATA: 'dns',
  ABORT_ERR: 'aborted',
};

/** Turn whatever a socket threw into an SmtpError, keeping the system's code and words. */
export function smtpErrorFrom(error: unknown, fallback: SmtpErrorKind = 'error'): SmtpError {
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  let kind = code ? KINDS[code] : undefined;
  if (!kind && e?.name === 'AbortError') kind = 'aborted';
  // OpenSSL's errors come with codes like ERR_SSL_WRONG_VERSION_NUMBER.
  if (!kind && code && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) kind = 'tls';
  return { kind: kind ?? fallback, message, ...(code ? { code } : {}) };
}

/** The error of a step that ran out of time. */
export function timeoutError(what: string, ms: number): SmtpError {
  return { kind: 'timeout', message: `${what}: no answer within ${ms} ms` };
}

/** The error of a step stopped because the run was cancelled. */
export function abortedError(): SmtpError {
  return { kind: 'aborted', message: 'the check was cancelled' };
}
