import type { EventName, EventPayload } from '../../shared/api/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Main-side fan-out of contract events to every connected transport (Electron window, SSE clients). */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  /** Send an event to every listener. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(name, payload);
  }

  /** Listen to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
