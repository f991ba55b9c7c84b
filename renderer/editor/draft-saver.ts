import type { ArticleFields, SaveReason } from '../../shared/model/article.js';

export type EditableFields = Pick<
  ArticleFields,
  'kicker' | 'title' | 'sapo' | 'byline' | 'sourcePrefix' | 'sectionId' | 'issueId' | 'status' | 'tags' | 'body'
>;
export type SaveState = 'saved' | 'saving' | 'error';

export interface DraftSaverOptions {
  /** Current values as the person sees them (read at save time, never pushed back). */
  read: () => EditableFields;
  send: (fields: Partial<EditableFields>, reason: SaveReason) => Promise<void>;
  onState: (state: SaveState, errorMessage: string | null) => void;
  debounceMs?: number;
  retryMs?: number;
}

const FIELD_KEYS = ['kicker', 'title', 'sapo', 'byline', 'sourcePrefix', 'sectionId', 'issueId', 'status', 'tags', 'body'] as const;

function serialise(fields: EditableFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FIELD_KEYS) out[key] = JSON.stringify(fields[key]);
  return out;
}

/**
 * Saves an open article: changed fields only, soon after the last keystroke, one request at a time.
 *
 * It only reads the editor and never writes back into it, so a save landing mid-word cannot
 * disturb an input method's composition. A failed save keeps the text where it is, reports
 * "error" and tries again on the next change and on a timer until it gets through.
 */
export class DraftSaver {
  private baseline: Record<string, string>;
  private chain: Promise<boolean> = Promise.resolve(true);
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Autosaves landed since the last history snapshot, so closing should record one. */
  private unsnapshotted = false;
  private state: SaveState = 'saved';
  private disposed = false;
  private readonly debounceMs: number;
  private readonly retryMs: number;

  constructor(
    initial: EditableFields,
    private readonly options: DraftSaverOptions,
  ) {
    this.baseline = serialise(initial);
    this.debounceMs = options.debounceMs ?? 700;
    this.retryMs = options.retryMs ?? 4000;
  }

  /** Something changed: show it as unsaved and save shortly after typing pauses. */
  changed(): void {
    if (this.disposed) return;
    if (this.state !== 'error') this.setState('saving', null);
    this.clearTimer('debounce');
    this.debounceTimer = setTimeout(() => void this.flush('autosave'), this.debounceMs);
  }

  /** True while some typed text has not reached the store yet. */
  hasUnsavedChanges(): boolean {
    return Object.keys(this.diff()).length > 0;
  }

  /** Saves now (after any save already under way). Resolves false if the save failed. */
  flush(reason: SaveReason): Promise<boolean> {
    this.clearTimer('debounce');
    this.chain = this.chain.then(() => this.saveOnce(reason));
    return this.chain;
  }

  /**
   * Sends what is unsaved at once, without waiting for an earlier save: for a page about to unload,
   * where a queued request would never leave.
   */
  flushImmediately(): void {
    if (this.disposed) return;
    const fields = this.diff();
    if (Object.keys(fields).length === 0 && !this.unsnapshotted) return;
    this.unsnapshotted = false;
    void this.options.send(fields, 'close').catch(() => undefined);
  }

  /** Last save on the way out; afterwards this saver does nothing. */
  async close(): Promise<boolean> {
    const ok = await this.flush('close');
    if (ok) this.dispose();
    return ok;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer('debounce');
    this.clearTimer('retry');
  }

  private diff(): Partial<EditableFields> {
    const current = this.options.read();
    const now = serialise(current);
    const changed: Partial<Record<keyof EditableFields, unknown>> = {};
    for (const key of FIELD_KEYS) if (now[key] !== this.baseline[key]) changed[key] = current[key];
    return changed as Partial<EditableFields>;
  }

  private async saveOnce(reason: SaveReason): Promise<boolean> {
    if (this.disposed) return true;
    const fields = this.diff();
    const empty = Object.keys(fields).length === 0;
    if (empty && reason === 'autosave') {
      if (this.state !== 'error') this.setState('saved', null);
      return true;
    }
    if (empty && reason === 'close' && !this.unsnapshotted) return true;
    this.setState('saving', null);
    const sent = serialise({ ...this.options.read(), ...fields });
    try {
      await this.options.send(fields, reason);
    } catch (error) {
      if (this.disposed) return false;
      this.setState('error', error instanceof Error ? error.message : String(error));
      this.scheduleRetry();
      return false;
    }
    for (const key of Object.keys(fields)) this.baseline[key] = sent[key] ?? '';
    this.unsnapshotted = reason === 'autosave';
    this.clearTimer('retry');
    if (!this.disposed) this.setState(this.hasUnsavedChanges() ? 'saving' : 'saved', null);
    return true;
  }

  private scheduleRetry(): void {
    this.clearTimer('retry');
    this.retryTimer = setTimeout(() => void this.flush('autosave'), this.retryMs);
  }

  private clearTimer(which: 'debounce' | 'retry'): void {
    const timer = which === 'debounce' ? this.debounceTimer : this.retryTimer;
    if (timer) clearTimeout(timer);
    if (which === 'debounce') this.debounceTimer = null;
    else this.retryTimer = null;
  }

  private setState(state: SaveState, errorMessage: string | null): void {
    this.state = state;
    this.options.onState(state, errorMessage);
  }
}
