import type { CallInput, CallName, CallOutput, DeskApi, EventName, EventPayload } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import type { LnvDeskBridge } from './desk-bridge.js';
import { unwrapEnvelope } from './envelope.js';

/** The API over Electron IPC, through the sandboxed preload bridge. */
export function createIpcClient(bridge: LnvDeskBridge): DeskApi {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      let envelope: unknown;
      try {
        envelope = await bridge.invoke(name, input);
      } catch {
        throw new DeskError('internal', 'Không liên lạc được với LNV Desk.');
      }
      return unwrapEnvelope(envelope) as CallOutput<N>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>));
    },
    assetUrl(hash: string): string {
      return bridge.assetUrl(hash);
    },
    printBaseUrl(): string {
      return bridge.printBaseUrl();
    },
  };
}
