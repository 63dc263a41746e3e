// The sandboxed preload: exposes exactly one function per contract call (api.projects.save(...))
// and one subscribe function per event (api.projects.onChanged(cb) → unsubscribe), nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import {
  CALL_NAMES,
  EVENT_NAMES,
  callChannel,
  eventChannel,
  eventPath,
} from '../../shared/api/contract';

type Fn = (...args: never[]) => unknown;
const api: Record<string, Record<string, Fn>> = {};

for (const name of CALL_NAMES) {
  const [ns, fn] = name.split('.') as [string, string];
  (api[ns] ??= {})[fn] = ((request: unknown) =>
    ipcRenderer.invoke(callChannel(name), request)) as Fn;
}

for (const name of EVENT_NAMES) {
  const [ns, fn] = eventPath(name);
  (api[ns] ??= {})[fn] = ((callback: (payload: unknown) => void) => {
    const listener = (_event: unknown, payload: unknown) => callback(payload);
    ipcRenderer.on(eventChannel(name), listener);
    return () => ipcRenderer.removeListener(eventChannel(name), listener);
  }) as Fn;
}

contextBridge.exposeInMainWorld('mailwright', api);
