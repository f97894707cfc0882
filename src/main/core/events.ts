import { EventEmitter } from 'node:events';
import type { EventName, EventOf } from '../../shared/api/contract';

export type Unsubscribe = () => void;

/** Typed push events from the core to every transport. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open window and WebSocket subscribes once; the default limit of 10 is too low for a wall of TVs.
    this.emitter.setMaxListeners(1000);
  }

  emit<E extends EventName>(name: E, payload: EventOf<E>): void {
    this.emitter.emit(name, payload);
  }

  on<E extends EventName>(name: E, listener: (payload: EventOf<E>) => void): Unsubscribe {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
