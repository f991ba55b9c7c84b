import type { EventName, EventPayload } from '../../shared/contract.js';

type Listener = (event: EventName, payload: unknown) => void;

/** Pushed events on their way to every open window (IPC) or browser tab (host). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
