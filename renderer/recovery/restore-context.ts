import { createContext, useContext } from 'react';
import type { RestoreResult } from '../../shared/model/backup.js';

/** Tells the app a backup replaced the workspace, so every screen is rebuilt from the restored one. */
export const RestoreContext = createContext<(result: RestoreResult) => void>(() => {});

export function useOnRestored(): (result: RestoreResult) => void {
  return useContext(RestoreContext);
}
