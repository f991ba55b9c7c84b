import { join } from 'node:path';
import { backupDue } from '../../../shared/backup/retention.js';
import { CALL_NAMES, type CallInput, type CallName, type CallOutput } from '../../../shared/contract.js';
import { DeskError } from '../../../shared/errors.js';
import type { AppState, BackupInfo, RestoreResult } from '../../../shared/model/backup.js';
import { createHandlers, type Handlers, type RuntimeCallName, type WorkspaceHandlers } from '../desk-handlers.js';
import { createDispatcher, type Dispatch } from '../dispatcher.js';
import { EventBus } from '../event-bus.js';
import { databaseProblem } from '../store/backup-store.js';
import { BackupFolder } from './backup-folder.js';
import { DATABASE_FILE, Workspace, type WorkspaceOptions } from './workspace.js';

/** How often the app and the host look whether the daily backup is due (cheap: one directory listing). */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export interface DeskRuntimeOptions extends WorkspaceOptions {
  /** Where unexpected errors of calls and background backups go. */
  log?: (error: unknown) => void;
}

/**
 * A data folder as the front doors (Electron, the browser host, the CLI) see it: the workspace
 * open now, or — when its database is damaged — a recovery state that still answers the calls the
 * recovery screen needs (the state, the backups, restoring one). Restoring closes the workspace,
 * puts the backup in place and opens it again, so front doors hold the runtime, never a Workspace.
 */
export class DeskRuntime {
  /** Events of whichever workspace is open, so subscribers outlive a restore. */
  readonly events = new EventBus();
  readonly backups: BackupFolder;
  readonly databasePath: string;
  readonly dispatch: Dispatch;
  private current: Workspace | null = null;
  private problem: string | null = null;
  private route: Dispatch;
  private unforward: (() => void) | null = null;
  private backgroundTimer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly log: (error: unknown) => void;

  private constructor(
    readonly dataDir: string,
    private readonly options: DeskRuntimeOptions,
  ) {
    this.databasePath = join(dataDir, DATABASE_FILE);
    this.backups = new BackupFolder(dataDir, join(dataDir, 'assets'));
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? console.error;
    this.route = this.dispatcherFor(null);
    this.dispatch = (name, input) => this.route(name, input);
  }

  /** Checks the database (PRAGMA quick_check, read-only) before opening it; a damaged one is left untouched. */
  static async open(dataDir: string, options: DeskRuntimeOptions = {}): Promise<DeskRuntime> {
    const runtime = new DeskRuntime(dataDir, options);
    await runtime.openWorkspace(options.seed);
    return runtime;
  }

  private async openWorkspace(seed: boolean | undefined): Promise<void> {
    this.problem = databaseProblem(this.databasePath);
    if (this.problem) return;
    try {
      this.attach(await Workspace.open(this.dataDir, { ...this.options, seed }));
    } catch (error) {
      if (!DeskError.is(error) || error.code !== 'not_a_database') throw error;
      this.problem = error.message;
    }
  }

  private attach(workspace: Workspace): void {
    this.current = workspace;
    this.unforward = workspace.events.subscribe((event, payload) => this.events.emit(event, payload as never));
    this.route = this.dispatcherFor(workspace);
    if (this.backgroundTimer) workspace.outboxRunner.start();
  }

  private detach(): void {
    this.unforward?.();
    this.unforward = null;
    this.current?.close();
    this.current = null;
    this.route = this.dispatcherFor(null);
  }

  private dispatcherFor(workspace: Workspace | null): Dispatch {
    const runtimeHandlers: Pick<Handlers, RuntimeCallName> = {
      'app.state': () => this.state(),
      'backups.list': () => this.backups.list(),
      'backups.create': () => this.createBackup(),
      'backups.restore': ({ name }) => this.restore(name),
    };
    const workspaceHandlers = workspace ? createHandlers(workspace) : this.unavailableHandlers();
    return createDispatcher({ ...workspaceHandlers, ...runtimeHandlers }, this.log);
  }

  /** In recovery every other call answers with the reason, so no screen can act on a database that is not open. */
  private unavailableHandlers(): WorkspaceHandlers {
    const refuse = () => {
      throw this.recoveryError();
    };
    return Object.fromEntries(CALL_NAMES.map((name) => [name, refuse])) as unknown as WorkspaceHandlers;
  }

  private recoveryError(): DeskError {
    return new DeskError('not_a_database', `${this.problem ?? 'Kho dữ liệu chưa mở.'} Hãy khôi phục từ bản sao lưu.`);
  }

  /** A typed call through the contract, as the CLI makes them. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    return this.dispatch(name, input) as Promise<CallOutput<N>>;
  }

  /** The workspace open now; a DeskError while the data folder is in recovery. */
  get workspace(): Workspace {
    if (!this.current) throw this.recoveryError();
    return this.current;
  }

  state(): AppState {
    return {
      mode: this.current ? 'ok' : 'recovery',
      problem: this.current ? null : this.problem,
      dataDir: this.dataDir,
      databasePath: this.databasePath,
      backups: this.backups.list(),
    };
  }

  /** One thing at a time: a backup never copies a database a restore is replacing. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** A verified backup now, then the retention rule applied to the folder. */
  createBackup(): Promise<BackupInfo> {
    return this.exclusive(async () => {
      const now = this.now();
      const info = await this.backups.create(this.workspace.db, now);
      this.backups.prune(-now.getTimezoneOffset());
      return info;
    });
  }

  /** The daily backup, when the newest one is a day old (or there is none). Null when not due or in recovery. */
  async backupIfDue(): Promise<BackupInfo | null> {
    if (!this.current || !backupDue(this.backups.list()[0]?.createdAt ?? null, this.now())) return null;
    return this.createBackup();
  }

  restore(name: string): Promise<RestoreResult> {
    return this.exclusive(async () => {
      const backup = this.backups.checked(name);
      this.detach();
      let outcome: ReturnType<BackupFolder['restoreInto']>;
      try {
        outcome = this.backups.restoreInto(backup, this.databasePath, this.now());
      } finally {
        // Whatever happened, the window gets a workspace again: the restored one, or the one it had.
        await this.openWorkspace(false);
      }
      this.events.emit('backups.restored', { name });
      return { state: this.state(), ...outcome };
    });
  }

  /**
   * For front doors that stay open (the app, the host): sends the outbox, and takes the daily
   * backup now if due and then whenever the last one turns a day old.
   */
  startBackground(): void {
    if (this.backgroundTimer) return;
    const check = () => {
      this.backupIfDue().catch(this.log);
    };
    this.backgroundTimer = setInterval(check, BACKUP_CHECK_MS);
    this.backgroundTimer.unref();
    this.current?.outboxRunner.start();
    check();
  }

  close(): void {
    if (this.backgroundTimer) clearInterval(this.backgroundTimer);
    this.backgroundTimer = null;
    this.detach();
  }
}
