/** The shape of every answer across the contract: errors travel as data, never as thrown objects. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** An error as it crosses IPC or HTTP: a stable machine code and a sentence for the user. */
export interface ApiErrorShape {
  code: string;
  message: string;
  /** The input field the error is about, when there is one (e.g. "domain"). */
  field?: string;
}

/** An error a handler throws on purpose; the dispatcher turns it into `{ok:false,error}`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Wrap a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wrap an error as a failed result. */
export function err<T = never>(code: string, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
