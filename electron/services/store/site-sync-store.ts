import type { ArticleStatus } from '../../../shared/model/article.js';
import { SyncReport } from '../../../shared/model/site-sync.js';
import { statement, type Db } from './database.js';

export interface ShareCandidate {
  articleId: number;
  title: string;
  status: ArticleStatus;
  updatedAt: string;
}

/** Where each site's drafts were left at the last sync, so a sync with nothing new writes nothing. */
export class SiteSyncStore {
  constructor(private readonly db: Db) {}

  /** The newest modification time read from the site's drafts and pending posts ('' before the first pull). */
  pulledUntil(siteId: number): string {
    const row = statement(this.db, 'SELECT pulled_until AS pulledUntil FROM site_sync WHERE site_id = ?').get(siteId) as { pulledUntil: string } | undefined;
    return row?.pulledUntil ?? '';
  }

  setPulledUntil(siteId: number, modified: string): void {
    statement(
      this.db,
      `INSERT INTO site_sync (site_id, pulled_until) VALUES (?, ?)
       ON CONFLICT (site_id) DO UPDATE SET pulled_until = max(site_sync.pulled_until, excluded.pulled_until)`,
    ).run(siteId, modified);
  }

  lastReport(siteId: number): SyncReport | null {
    const row = statement(this.db, 'SELECT report_json AS reportJson FROM site_sync WHERE site_id = ?').get(siteId) as { reportJson: string | null } | undefined;
    return row?.reportJson ? SyncReport.parse(JSON.parse(row.reportJson)) : null;
  }

  saveReport(report: SyncReport): void {
    statement(
      this.db,
      `INSERT INTO site_sync (site_id, last_sync_at, report_json) VALUES (?, ?, ?)
       ON CONFLICT (site_id) DO UPDATE SET last_sync_at = excluded.last_sync_at, report_json = excluded.report_json`,
    ).run(report.siteId, report.at, JSON.stringify(report));
  }

  /** The article's updated_at when it last matched its post on the site; null when never synced. */
  syncedVersion(siteId: number, articleId: number): { localUpdatedAt: string; conflictModified: string | null } | null {
    return (
      (statement(
        this.db,
        'SELECT local_updated_at AS localUpdatedAt, conflict_modified AS conflictModified FROM synced_articles WHERE site_id = ? AND article_id = ?',
      ).get(siteId, articleId) as { localUpdatedAt: string; conflictModified: string | null } | undefined) ?? null
    );
  }

  /** The article and its post agree as of this version of the article; any earlier conflict is settled. */
  markSynced(siteId: number, articleId: number, localUpdatedAt: string): void {
    statement(
      this.db,
      `INSERT INTO synced_articles (site_id, article_id, local_updated_at, conflict_modified) VALUES (?, ?, ?, NULL)
       ON CONFLICT (site_id, article_id) DO UPDATE SET local_updated_at = excluded.local_updated_at, conflict_modified = NULL`,
    ).run(siteId, articleId, localUpdatedAt);
  }

  /** A web edit was not taken because the article changed here too; the article keeps its last synced version. */
  markConflict(siteId: number, articleId: number, remoteModified: string): void {
    statement(
      this.db,
      `INSERT INTO synced_articles (site_id, article_id, local_updated_at, conflict_modified) VALUES (?, ?, '', ?)
       ON CONFLICT (site_id, article_id) DO UPDATE SET conflict_modified = excluded.conflict_modified`,
    ).run(siteId, articleId, remoteModified);
  }

  /**
   * Drafts and articles awaiting review that changed since they last matched the site, and that the
   * site does not show as published (a local draft must never take a live post off the web), nor
   * have a job still waiting or failed in the outbox (that one is seen to first, in the queue).
   */
  shareCandidates(siteId: number, statuses: readonly ArticleStatus[]): ShareCandidate[] {
    return statement(
      this.db,
      `SELECT a.id AS articleId, a.title, a.status, a.updated_at AS updatedAt FROM articles a
       LEFT JOIN synced_articles s ON s.site_id = ? AND s.article_id = a.id
       LEFT JOIN publications p ON p.site_id = ? AND p.article_id = a.id
       WHERE a.deleted_at IS NULL AND a.status IN (SELECT value FROM json_each(?))
         AND (s.local_updated_at IS NULL OR s.local_updated_at <> a.updated_at)
         AND (p.status IS NULL OR p.status IN ('draft', 'pending'))
         AND NOT EXISTS (SELECT 1 FROM outbox_jobs j WHERE j.article_id = a.id AND j.site_id = ? AND j.state IN ('pending', 'sending', 'failed'))
       ORDER BY a.id`,
    ).all(siteId, siteId, JSON.stringify(statuses), siteId) as ShareCandidate[];
  }

  /** The article an earlier publish or import linked to this post. */
  articleForPost(siteId: number, postId: number): number | null {
    const row = statement(this.db, 'SELECT article_id AS articleId FROM publications WHERE site_id = ? AND post_id = ?').get(siteId, postId) as
      | { articleId: number }
      | undefined;
    return row?.articleId ?? null;
  }

  /** A picture taken from the site before: the stored asset for its address. */
  assetForUrl(siteId: number, url: string): string | null {
    const row = statement(this.db, 'SELECT asset_hash AS hash FROM site_assets WHERE site_id = ? AND url = ?').get(siteId, url) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /** The hash the site's media item for this asset is found by, when the picture came from the site. */
  mediaHashFor(siteId: number, assetHash: string): string | null {
    const row = statement(this.db, "SELECT media_hash AS mediaHash FROM site_assets WHERE site_id = ? AND asset_hash = ? AND media_hash <> '' LIMIT 1").get(
      siteId,
      assetHash,
    ) as { mediaHash: string } | undefined;
    return row?.mediaHash ?? null;
  }

  recordAsset(siteId: number, url: string, assetHash: string, mediaHash: string): void {
    statement(
      this.db,
      `INSERT INTO site_assets (site_id, url, asset_hash, media_hash) VALUES (?, ?, ?, ?)
       ON CONFLICT (site_id, url) DO UPDATE SET asset_hash = excluded.asset_hash, media_hash = excluded.media_hash`,
    ).run(siteId, url, assetHash, mediaHash);
  }
}
