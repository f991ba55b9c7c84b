import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CALL_NAME = /^[a-z]+(\.[a-zA-Z]+)+$/;

/**
 * The only door from the page to Node: invoke a contract call, listen to pushed events, and name
 * an asset URL. The main process validates every argument against the contract.
 */
contextBridge.exposeInMainWorld('lnvDesk', {
  invoke(name: string, input: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !CALL_NAME.test(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: 'Lệnh không hợp lệ.' } });
    }
    return ipcRenderer.invoke(`desk:${name}`, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('desk:event', handler);
    return () => ipcRenderer.removeListener('desk:event', handler);
  },
  assetUrl(hash: string): string {
    return `lnv-asset://asset/${encodeURIComponent(hash)}`;
  },
  printBaseUrl(): string {
    return 'lnv-asset://print/';
  },
});
