import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Asset } from '../../../shared/model/workspace.js';
import { AssetFiles } from '../asset-files.js';
import { EventBus } from '../event-bus.js';
import { ArticleSearch } from '../store/article-search.js';
import { ArticleStore } from '../store/article-store.js';
import { CatalogStore } from '../store/catalog-store.js';
import { NotesStore } from '../store/notes-store.js';
import { SpellingThread } from '../spelling-thread.js';
import { OutboxStore } from '../store/outbox-store.js';
import { PublicationStore } from '../store/publication-store.js';
import { sendOutboxJob } from '../sync/article-publisher.js';
import { OutboxRunner } from '../sync/outbox-runner.js';
import { SenderLock } from '../sync/sender-lock.js';
import { SiteStore } from '../store/site-store.js';
import { WebSettingsStore } from '../store/web-settings-store.js';
import { SiteSyncStore } from '../store/site-sync-store.js';
import { FileCredentialStore, type CredentialStore } from '../sync/credential-store.js';
import type { PublishTarget } from '../sync/publish-target.js';
import { WordPressTarget } from '../sync/wordpress-target.js';
import { openDatabase, type Db } from '../store/database.js';
import { drainSearchQueue } from '../store/search-index.js';
import { seedSampleWorkspace } from './sample-workspace.js';
import { PrintIssueStore } from '../store/print-issue-store.js';
import { ChromiumPrintBrowser, type PrintBrowser } from '../print/print-browser.js';
import { PrintIssues } from '../print/print-issues.js';
import { PrintExports } from '../print/print-export.js';
import type { DesktopShell } from '../desktop-shell.js';

export const DATABASE_FILE = 'workspace.sqlite';

export interface WorkspaceOptions {
  /** Where resources/ lives: the repository in development, the app's resources when packaged. */
  resourcesDir?: string;
  /** Seed the sample issue and articles when the folder is new (the default). */
  seed?: boolean;
  now?: () => Date;
  /** Where site passwords are kept: the OS keychain in the desktop app, a private file otherwise. */
  credentials?: CredentialStore;
  /** What renders print pages: Electron's Chromium in the app, a system Chromium elsewhere. */
  printBrowser?: PrintBrowser;
  /** The web backend (WordPress unless given; tests wrap it to count what is sent). */
  publishTarget?: PublishTarget;
  /** The desktop app's updater, folders and menu; the host and CLI have none (the `app.*` calls say so). */
  shell?: DesktopShell;
}

export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../../resources', import.meta.url));
}

/** One data folder: the SQLite file, the asset files beside it, and the services over them. */
export class Workspace {
  readonly events = new EventBus();
  readonly articles: ArticleStore;
  readonly catalog: CatalogStore;
  readonly notes: NotesStore;
  readonly search: ArticleSearch;
  readonly sites: SiteStore;
  readonly publications: PublicationStore;
  readonly outbox: OutboxStore;
  readonly webSettings: WebSettingsStore;
  readonly siteSync: SiteSyncStore;
  readonly printIssues: PrintIssueStore;
  readonly print: PrintIssues;
  readonly printExports: PrintExports;
  readonly spelling = new SpellingThread();
  /** Sends the outbox; front doors that stay open (the app, the host) call start(). */
  readonly outboxRunner: OutboxRunner;
  readonly credentials: CredentialStore;
  readonly publishTarget: PublishTarget;
  readonly shell: DesktopShell | null;
  private flushTimer: NodeJS.Timeout | null = null;
  readonly assetFiles: AssetFiles;

  private constructor(
    readonly dataDir: string,
    readonly databasePath: string,
    readonly db: Db,
    readonly now: () => Date,
    readonly resourcesDir: string,
    credentials: CredentialStore | undefined,
    printBrowser: PrintBrowser | undefined,
    publishTarget: PublishTarget | undefined,
    shell: DesktopShell | undefined,
  ) {
    this.shell = shell ?? null;
    this.catalog = new CatalogStore(db, now);
    this.articles = new ArticleStore(db, now, () => this.userName());
    this.notes = new NotesStore(db, now);
    this.search = new ArticleSearch(db);
    this.sites = new SiteStore(db, now);
    this.publications = new PublicationStore(db, now);
    this.outbox = new OutboxStore(db, now);
    this.webSettings = new WebSettingsStore(db);
    this.siteSync = new SiteSyncStore(db);
    this.outboxRunner = new OutboxRunner(this.outbox, (job) => sendOutboxJob(this, job), this.events, new SenderLock(join(dataDir, 'outbox.lock')), now);
    this.credentials = credentials ?? new FileCredentialStore(dataDir);
    this.assetFiles = new AssetFiles(join(dataDir, 'assets'));
    this.printIssues = new PrintIssueStore(db);
    this.print = new PrintIssues(this, printBrowser ?? new ChromiumPrintBrowser());
    this.publishTarget = publishTarget ?? new WordPressTarget();
    this.printExports = new PrintExports(this);
  }

  static async open(dataDir: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    mkdirSync(dataDir, { recursive: true });
    const databasePath = join(dataDir, DATABASE_FILE);
    const db = openDatabase(databasePath);
    const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
    const workspace = new Workspace(dataDir, databasePath, db, options.now ?? (() => new Date()), resourcesDir, options.credentials, options.printBrowser, options.publishTarget, options.shell);
    // Samples are written in one transaction, so an empty workspace is a new one or a failed first start.
    if (options.seed !== false && workspace.catalog.isEmpty()) {
      await seedSampleWorkspace(workspace, join(resourcesDir, 'samples'));
    }
    workspace.scheduleSearchFlush();
    return workspace;
  }

  /**
   * Indexes saved articles for search shortly after the saves, in small batches so a long queue
   * (after an upgrade) never holds up the UI; a search drains whatever is left first.
   */
  scheduleSearchFlush(delayMs = 300): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (!this.db.open) return;
      if (drainSearchQueue(this.db, 200) > 0) this.scheduleSearchFlush(0);
    }, delayMs);
    this.flushTimer.unref();
  }

  /** Stores an image file once (by content) and records its size, caption, credit and alt text. */
  async addImage(bytes: Buffer, fileName: string, meta: { caption?: string; credit?: string; alt?: string } = {}): Promise<Asset> {
    const stored = await this.assetFiles.store(bytes, fileName);
    return this.catalog.recordAsset({
      ...stored,
      fileName: basename(fileName),
      caption: meta.caption ?? '',
      credit: meta.credit ?? '',
      alt: meta.alt ?? '',
    });
  }

  /** The person at this desk (set once in the app), or the system account name until then. */
  userName(): string {
    return this.catalog.setting('user.name') ?? userInfo().username;
  }

  close(): void {
    this.outboxRunner.stop();
    void this.spelling.close();
    void this.print.browser.close();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.db.open) this.db.close();
  }
}
