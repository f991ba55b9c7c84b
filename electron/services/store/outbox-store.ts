import { DeskError } from '../../../shared/errors.js';
import type { OutboxAction, OutboxFailure, OutboxJob } from '../../../shared/model/outbox.js';
import type { PublishStatus } from '../../../shared/model/publication.js';
import { statement, type Db } from './database.js';

const COLUMNS = `id, article_id AS articleId, site_id AS siteId, action, publish_status AS publishStatus,
  scheduled_at AS scheduledAt, overwrite, state, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, failure,
  post_link AS postLink, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt`;

type JobRow = Omit<OutboxJob, 'overwrite'> & { overwrite: number };

const jobOf = (row: JobRow): OutboxJob => ({ ...row, overwrite: row.overwrite === 1 });

/** Publishing jobs, written before anything is sent, so none is lost when the app or the network is. */
export class OutboxStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  enqueue(job: {
    articleId: number;
    siteId: number;
    action: OutboxAction;
    publishStatus: PublishStatus;
    scheduledAt: string | null;
    overwrite: boolean;
    createdBy: string;
  }): OutboxJob {
    const at = this.stamp();
    const result = statement(
      this.db,
      `INSERT INTO outbox_jobs (article_id, site_id, action, publish_status, scheduled_at, overwrite, state, next_attempt_at, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    ).run(job.articleId, job.siteId, job.action, job.publishStatus, job.scheduledAt, job.overwrite ? 1 : 0, at, job.createdBy, at, at);
    return this.get(Number(result.lastInsertRowid));
  }

  get(id: number): OutboxJob {
    const row = statement(this.db, `SELECT ${COLUMNS} FROM outbox_jobs WHERE id = ?`).get(id) as JobRow | undefined;
    if (!row) throw new DeskError('not_found', `Không tìm thấy việc số ${id} trong hàng đợi.`);
    return jobOf(row);
  }

  list(limit = 200): OutboxJob[] {
    return (statement(this.db, `SELECT ${COLUMNS} FROM outbox_jobs ORDER BY id DESC LIMIT ?`).all(limit) as JobRow[]).map(jobOf);
  }

  countInState(state: OutboxJob['state']): number {
    return (statement(this.db, 'SELECT COUNT(*) AS n FROM outbox_jobs WHERE state = ?').get(state) as { n: number }).n;
  }

  due(): OutboxJob[] {
    return (
      statement(this.db, `SELECT ${COLUMNS} FROM outbox_jobs WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id`).all(this.stamp()) as JobRow[]
    ).map(jobOf);
  }

  /** A job caught mid-send by a crash goes again; sending twice is safe because the site is asked first. */
  resumeInterrupted(): number {
    return statement(this.db, "UPDATE outbox_jobs SET state = 'pending', updated_at = ? WHERE state = 'sending'").run(this.stamp()).changes;
  }

  /**
   * Claims a pending job for sending; false when another sender (the app and `desk outbox run` on
   * the same data folder) took it first, so no job is sent by two processes at once.
   */
  markSending(id: number): boolean {
    return (
      statement(this.db, "UPDATE outbox_jobs SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'").run(this.stamp(), id)
        .changes === 1
    );
  }

  markDone(id: number, link: string | null): void {
    statement(this.db, "UPDATE outbox_jobs SET state = 'done', post_link = ?, last_error = NULL, failure = NULL, updated_at = ? WHERE id = ?").run(link, this.stamp(), id);
  }

  markRetry(id: number, error: string, nextAttemptAt: Date): void {
    statement(this.db, "UPDATE outbox_jobs SET state = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(
      error,
      nextAttemptAt.toISOString(),
      this.stamp(),
      id,
    );
  }

  markFailed(id: number, error: string, failure: OutboxFailure | null = null): void {
    statement(this.db, "UPDATE outbox_jobs SET state = 'failed', last_error = ?, failure = ?, updated_at = ? WHERE id = ?").run(error, failure, this.stamp(), id);
  }

  /** Tries a failed or waiting job again now. */
  retry(id: number): OutboxJob {
    const job = this.get(id);
    if (job.state === 'done' || job.state === 'sending') throw new DeskError('invalid_input', 'Việc này đã xong hoặc đang gửi.');
    statement(this.db, "UPDATE outbox_jobs SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE id = ?").run(this.stamp(), this.stamp(), id);
    return this.get(id);
  }

  cancel(id: number): void {
    const job = this.get(id);
    if (job.state === 'sending') throw new DeskError('invalid_input', 'Việc này đang được gửi, không huỷ được lúc này.');
    statement(this.db, 'DELETE FROM outbox_jobs WHERE id = ?').run(id);
  }
}
