import type { Result } from '../../../shared/api/result';
import { transportError, type Transport } from './transport';

/** The browser-mode transport: a POST per call, Server-Sent Events for events, the token on each. */
export function httpTransport(token: string): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function ensureSource(): EventSource {
    if (!source) source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    return source;
  }

  return {
    kind: 'http',
    async call(name, request) {
      let res: Response;
      try {
        res = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-mailwright-token': token },
          body: JSON.stringify(request ?? {}),
        });
      } catch {
        return transportError(
          'Mailwright is not answering. Is `mailwright serve` still running in your terminal?',
        );
      }
      if (res.status === 401)
        return transportError(
          'This page has no valid access key. Open the address `mailwright serve` printed.',
        );
      if (!res.ok) {
        // A refused call (too large, not JSON) still carries a Result saying why.
        const refused = (await res.json().catch(() => null)) as Result<unknown> | null;
        if (refused && refused.ok === false) return refused;
        return transportError(`Mailwright answered with an error (HTTP ${res.status}).`);
      }
      return (await res.json()) as Result<unknown>;
    },
    subscribe(name, callback) {
      const es = ensureSource();
      let set = listeners.get(name);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(name, created);
        es.addEventListener(name, (e) => {
          const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
          for (const cb of created) cb(payload);
        });
        set = created;
      }
      set.add(callback);
      return () => set.delete(callback);
    },
  };
}
