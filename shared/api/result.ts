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
