import type { ApiErrorShape, Result } from '../../../shared/api/result';

/** How the renderer reaches main: Electron IPC through the preload, or HTTP in browser mode. */
export interface Transport {
  kind: 'electron' | 'http';
  call(name: string, request: unknown): Promise<Result<unknown>>;
  subscribe(name: string, callback: (payload: unknown) => void): () => void;
}

/** A transport failure turned into the contract's error shape. */
export function transportError(message: string): { ok: false; error: ApiErrorShape } {
  return { ok: false, error: { code: 'unreachable', message } };
}
