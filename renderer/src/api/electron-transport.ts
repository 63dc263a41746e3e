import { eventPath } from '../../../shared/api/channels';
import type { Result } from '../../../shared/api/result';
import { transportError, type Transport } from './transport';

type PreloadApi = Record<string, Record<string, (arg: unknown) => unknown>>;

/** The preload's API, when running inside Electron. */
export function preloadApi(): PreloadApi | null {
  const api = (window as unknown as { mailwright?: PreloadApi }).mailwright;
  return api ?? null;
}

/** The Electron transport: each call is the preload's function of the same name. */
export function electronTransport(api: PreloadApi): Transport {
  return {
    kind: 'electron',
    async call(name, request) {
      const [ns, fn] = name.split('.') as [string, string];
      const f = api[ns]?.[fn];
      if (!f) return transportError(`The app has no call named ${name}.`);
      try {
        return (await f(request)) as Result<unknown>;
      } catch (e) {
        return transportError(`The app did not answer: ${(e as Error).message}`);
      }
    },
    subscribe(name, callback) {
      const [ns, fn] = eventPath(name);
      const f = api[ns]?.[fn];
      return f ? (f(callback) as () => void) : () => undefined;
    },
  };
}
