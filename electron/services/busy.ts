import type { BusyReason } from '../../shared/app-update.js';
import type { Workspace } from './workspace/workspace.js';

/** Long work running right now that quitting would cut short: print exports (and e-magazine posts), outbox jobs being sent. */
export function busyReasons(ws: Workspace): BusyReason[] {
  const reasons: BusyReason[] = [];
  const exports = ws.printExports.runningCount();
  if (exports > 0) reasons.push({ kind: 'export', count: exports });
  const sending = ws.outbox.countInState('sending');
  if (sending > 0) reasons.push({ kind: 'publish', count: sending });
  return reasons;
}
