import { createContext, useContext } from 'react';
import type { DeskApi } from '../../shared/contract.js';

export const ApiContext = createContext<DeskApi | null>(null);

/** The API client for the current window; components never pick a transport themselves. */
export function useApi(): DeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
