import { DeskError } from '../../shared/errors.js';
import { finishedJobs, jobStates, type JobStates } from '../../shared/outbox-outcomes.js';
import type { OutboxJob } from '../../shared/model/outbox.js';
import type { AppLog } from './app-log.js';
import type { Dispatch } from './dispatcher.js';
import type { EventBus } from './event-bus.js';

/**
 * Writes to the log what became of long work: each print export (done, failed, cancelled) and each
 * outbox job that was sent or failed for good. Returns the unsubscribe.
 */
export function logActivity(events: EventBus, outboxJobs: () => OutboxJob[], log: AppLog): () => void {
  // The workspace may be closed or in recovery: then there is no outbox to read.
  const read = () => {
    try {
      return outboxJobs();
    } catch {
      return null;
    }
  };
  const initial = read();
  let known: JobStates | null = initial && jobStates(initial);
  return events.subscribe((event, payload) => {
    if (event === 'print.export.progress') {
      const progress = payload as { jobId: string; stage: string; message: string; files?: string[] };
      if (progress.stage === 'done') log.info(`Xuất xong ${progress.jobId}: ${progress.message}`);
      else if (progress.stage === 'failed') log.warn(`Xuất lỗi ${progress.jobId}: ${progress.message}`);
      else if (progress.stage === 'cancelled') log.info(`Đã huỷ xuất ${progress.jobId}`);
    } else if (event === 'outbox.changed') {
      const jobs = read();
      if (!jobs) return;
      for (const job of finishedJobs(known, jobs)) {
        const what = `Hàng đợi #${job.id} (${job.action}, bài ${job.articleId} → trang ${job.siteId}, lần ${job.attempts})`;
        if (job.state === 'done') log.info(`${what}: xong ${job.postLink ?? ''}`.trim());
        else log.warn(`${what}: lỗi ${job.lastError ?? ''}`.trim());
      }
      known = jobStates(jobs);
    }
  });
}

/**
 * Every call through a front door, as the log sees it: secret fields of the input are remembered
 * (so they are masked if a site or a stack ever repeats them), failures are written with their
 * code. Inputs themselves are never logged.
 */
export function loggedDispatch(dispatch: Dispatch, log: AppLog): Dispatch {
  return async (name, input) => {
    log.mask.rememberFrom(input);
    try {
      return await dispatch(name, input);
    } catch (error) {
      const code = DeskError.is(error) ? error.code : 'internal';
      if (code !== 'invalid_input' && code !== 'unknown_call' && code !== 'not_found') {
        log.warn(`Lệnh ${String(name).slice(0, 80)} lỗi (${code}): ${error instanceof Error ? error.message : String(error)}`);
      }
      throw error;
    }
  };
}
