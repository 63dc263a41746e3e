import type {
  CallName,
  CallRequest,
  CallResponse,
  EventName,
  EventPayload,
} from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { electronTransport, preloadApi } from './electron-transport';
import { httpTransport } from './http-transport';
import { transportError, type Transport } from './transport';

/** The typed API the rest of the renderer uses; it does not know which transport is underneath. */
export interface ApiClient {
  transport: Transport['kind'];
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<Result<CallResponse<K>>>;
  on<E extends EventName>(name: E, callback: (payload: EventPayload<E>) => void): () => void;
}

/** Wrap a transport in the typed API. */
export function createApiClient(t: Transport): ApiClient {
  return {
    transport: t.kind,
    call: (name, request) => t.call(name, request) as never,
    on: (name, callback) => t.subscribe(name, callback as (p: unknown) => void),
  };
}

/** Pick the transport at start: the preload's API inside Electron, HTTP with the URL's token otherwise. */
export function detectApiClient(): ApiClient {
  const preload = preloadApi();
  if (preload) return createApiClient(electronTransport(preload));
  const token = new URLSearchParams(window.location.search).get('token');
  if (token) return createApiClient(httpTransport(token));
  const missing: Transport = {
    kind: 'http',
    call: async () =>
      transportError('This page has no access key. Open the address `mailwright serve` printed.'),
    subscribe: () => () => undefined,
  };
  return createApiClient(missing);
}
