/** The result envelope both the preload bridge and the browser host answer with. */
export type CallEnvelope =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string; details?: string[] } };

/** What electron/preload exposes to the page as `window.lnvDesk`. */
export interface LnvDeskBridge {
  invoke(name: string, input: unknown): Promise<CallEnvelope>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  assetUrl(hash: string): string;
  printBaseUrl(): string;
}

declare global {
  interface Window {
    lnvDesk?: LnvDeskBridge;
  }
}
