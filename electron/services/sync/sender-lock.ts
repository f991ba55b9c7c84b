import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';

/** A holder that has not refreshed the lock for this long is gone, even if its process id is in use again. */
const STALE_AFTER_MS = 30_000;
const REFRESH_EVERY_MS = 5_000;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One sender per data folder. The app and `desk outbox run` may open the same workspace; only the
 * process holding this lock sends its outbox. So a job another live process marked "sending" is
 * never taken from it, and every job found "sending" by the holder was left by a process that
 * died mid-send and is safe to send again (the site is asked first).
 */
export class SenderLock {
  private refresher: NodeJS.Timeout | null = null;

  constructor(private readonly path: string) {}

  private holder(): { pid: number; fresh: boolean } | null {
    try {
      const pid = Number(readFileSync(this.path, 'utf8'));
      return { pid, fresh: Date.now() - statSync(this.path).mtimeMs < STALE_AFTER_MS };
    } catch {
      return null;
    }
  }

  /** Takes the lock, from a holder that died if need be; false while another live process holds it. */
  acquire(): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(this.path, String(process.pid), { flag: 'wx' });
        this.refresher = setInterval(() => {
          const now = new Date();
          try {
            utimesSync(this.path, now, now);
          } catch {
            // Taken over as stale (this process stalled past STALE_AFTER_MS); the pass ends with the next job.
          }
        }, REFRESH_EVERY_MS);
        this.refresher.unref();
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = this.holder();
      if (holder && holder.pid !== process.pid && holder.fresh && running(holder.pid)) return false;
      rmSync(this.path, { force: true });
    }
    return false;
  }

  release(): void {
    if (this.refresher) clearInterval(this.refresher);
    this.refresher = null;
    if (this.holder()?.pid === process.pid) rmSync(this.path, { force: true });
  }
}
