import type { OutboxJob, OutboxState } from './model/outbox.js';

export type JobStates = ReadonlyMap<number, OutboxState>;

export function jobStates(jobs: readonly OutboxJob[]): JobStates {
  return new Map(jobs.map((job) => [job.id, job.state]));
}

const finished = (state: OutboxState) => state === 'done' || state === 'failed';

/**
 * The outbox jobs that ended (sent, or failed for good) since the earlier snapshot: the ones the
 * log records and a person is told about. The first snapshot ends nothing, so old jobs are never
 * announced again after a restart.
 */
export function finishedJobs(previous: JobStates | null, jobs: readonly OutboxJob[]): OutboxJob[] {
  if (previous === null) return [];
  const newestKnown = Math.max(0, ...previous.keys());
  return jobs.filter((job) => {
    if (!finished(job.state)) return false;
    const before = previous.get(job.id);
    return before === undefined ? job.id > newestKnown : !finished(before);
  });
}
