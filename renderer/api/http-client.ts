import type { CallInput, CallName, CallOutput, DeskApi, EventName, EventPayload } from '../../shared/contract.js';
import { DeskError } from '../../shared/errors.js';
import { unwrapEnvelope } from './envelope.js';

const TOKEN_KEY = 'lnv-desk-token';
const TOKEN_IN_HASH = /(?:^#|&)token=([A-Za-z0-9_-]+)/;

/**
 * The session token the host printed in its URL (`#token=…`).
 *
 * Kept in sessionStorage so a reload still works, then removed from the address bar so it does
 * not end up in screenshots or copied links.
 */
export function takeSessionToken(): string | null {
  const match = TOKEN_IN_HASH.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The API over the browser host: one POST per call, Server-Sent Events for pushed events. */
export function createHttpClient(token: string): DeskApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  };

  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      let response: Response;
      try {
        response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new DeskError('io_error', 'Không kết nối được với LNV Desk. Máy chủ còn chạy không?');
      }
      let envelope: unknown;
      try {
        envelope = await response.json();
      } catch {
        throw new DeskError('internal', `LNV Desk trả lời không hợp lệ (mã ${response.status}).`);
      }
      return unwrapEnvelope(envelope) as CallOutput<N>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      ensureSource();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        const current = set;
        source?.addEventListener(event, (message) => {
          let payload: unknown;
          try {
            payload = JSON.parse((message as MessageEvent<string>).data);
          } catch {
            return;
          }
          for (const fn of current) fn(payload);
        });
      }
      const wrapped = (payload: unknown) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    assetUrl(hash: string): string {
      return `/assets/${encodeURIComponent(hash)}?token=${encodeURIComponent(token)}`;
    },
    printBaseUrl(): string {
      return `${location.origin}/print/${encodeURIComponent(token)}/`;
    },
  };
}
