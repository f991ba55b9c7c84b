import { DeskError } from '../../../shared/errors.js';
import type { OutboxFailure } from '../../../shared/model/outbox.js';
import { MayNotPublishError } from './publish-target.js';
import type { OutboxJob } from '../../../shared/model/outbox.js';
import type { EventBus } from '../event-bus.js';
import type { OutboxStore } from '../store/outbox-store.js';
import type { SenderLock } from './sender-lock.js';

/** First retry after 5 s, doubling to at most 10 minutes while the site does not answer. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

/** Errors worth waiting out: the network or the site being down, not a refusal or bad content. */
/** What the panel can offer for a failure: compare with the web version, or submit for review. */
function failureOf(error: unknown): OutboxFailure | null {
  if (error instanceof MayNotPublishError) return 'may-not-publish';
  return DeskError.is(error) && error.code === 'conflict' ? 'conflict' : null;
}

function isTransient(error: unknown): boolean {
  if (!DeskError.is(error)) return false;
  if (error.code === 'site_unreachable') return true;
  return error.code === 'site_error' && / \(5\d\d/.test(error.message);
}

export type SendJob = (job: OutboxJob) => Promise<{ link: string | null }>;

/**
 * Sends outbox jobs one at a time, oldest first. The state machine is hand-written because it is
 * the product's promise: a job is written before it is sent; "sending" is recorded before the
 * first byte leaves; a crash leaves it "sending" and the next process to take the data folder's
 * sender lock sends it again, which is safe because every send asks the site first whether it
 * already has the post (by the article's uid) or the picture (by its hash). A dead site means "pending" with backoff; a refusal means "failed"
 * with the site's own message, until someone retries.
 */
export class OutboxRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<boolean> | null = null;
  private started = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly send: SendJob,
    private readonly events: EventBus,
    private readonly lock: SenderLock,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Begins sending in the background: resumes what a crash interrupted, then keeps at it. */
  start(): void {
    this.started = true;
    this.kick();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Looks for due jobs soon (after an enqueue or a retry). */
  kick(delayMs = 0): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain().then(() => this.scheduleNext());
    }, delayMs);
    this.timer.unref();
  }

  private scheduleNext(): void {
    const waiting = this.store.list().filter((j) => j.state === 'pending');
    if (waiting.length === 0) return;
    const soonest = Math.min(...waiting.map((j) => Date.parse(j.nextAttemptAt)));
    this.kick(Math.max(1000, soonest - this.now().getTime()));
  }

  /**
   * Sends every job that is due now; concurrent calls share one pass. False when another process
   * (the app, or `desk outbox run`) is sending this data folder's outbox, which then sends them.
   */
  drain(): Promise<boolean> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<boolean> {
    if (!this.lock.acquire()) return false;
    try {
      // Holding the lock, any job still "sending" was left so by a process that died mid-send.
      if (this.store.resumeInterrupted() > 0) this.events.emit('outbox.changed', {});
      await this.sendDue();
      return true;
    } finally {
      this.lock.release();
    }
  }

  private async sendDue(): Promise<void> {
    for (const job of this.store.due()) {
      if (!this.store.markSending(job.id)) continue;
      this.events.emit('outbox.changed', {});
      try {
        const { link } = await this.send(job);
        this.store.markDone(job.id, link);
      } catch (error) {
        const message = DeskError.is(error) ? error.message : `Lỗi nội bộ: ${(error as Error).message}`;
        if (isTransient(error)) {
          this.store.markRetry(job.id, message, new Date(this.now().getTime() + backoffMs(job.attempts + 1)));
        } else {
          this.store.markFailed(job.id, message, failureOf(error));
        }
      }
      this.events.emit('outbox.changed', {});
    }
  }
}
