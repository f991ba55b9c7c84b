import type { DeskApi } from '../../shared/contract.js';
import { createHttpClient, takeSessionToken } from './http-client.js';
import { createIpcClient } from './ipc-client.js';

/**
 * Picks the transport at runtime: Electron's preload bridge when present, otherwise the browser
 * host with the token from the launch URL. Null means the page was opened without a token.
 */
export function createDeskApi(): DeskApi | null {
  if (window.lnvDesk) return createIpcClient(window.lnvDesk);
  const token = takeSessionToken();
  return token ? createHttpClient(token) : null;
}
