import type { ExportProgress } from '../../shared/model/print-issue.js';
import type { Workspace } from '../../electron/services/workspace/workspace.js';

/**
 * Starts a job that reports as an export does (export, e-magazine) and resolves with its last word:
 * done, failed or cancelled. Progress may arrive before `start` answers with the job's id, so every
 * event is kept until the id is known.
 */
export async function jobEnd(ws: Workspace, start: () => Promise<{ jobId: string }>): Promise<ExportProgress> {
  let jobId = '';
  const seen: ExportProgress[] = [];
  const finished = new Promise<ExportProgress>((resolve) => {
    const stop = ws.events.subscribe((event, payload) => {
      if (event !== 'print.export.progress') return;
      seen.push(payload as ExportProgress);
      const end = seen.find((p) => p.jobId === jobId && ['done', 'failed', 'cancelled'].includes(p.stage));
      if (jobId && end) {
        stop();
        resolve(end);
      }
    });
  });
  jobId = (await start()).jobId;
  return finished;
}
