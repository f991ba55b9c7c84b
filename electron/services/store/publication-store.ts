import type { Publication, PublishHistoryEntry } from '../../../shared/model/publication.js';
import { statement, type Db } from './database.js';

/** Which post each article became on each site, and every publish made from this desk. */
export class PublicationStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  forArticle(articleId: number): Publication[] {
    return statement(
      this.db,
      `SELECT article_id AS articleId, site_id AS siteId, post_id AS postId, link, status, revision,
         remote_modified AS remoteModified, published_at AS publishedAt
       FROM publications WHERE article_id = ? ORDER BY site_id`,
    ).all(articleId) as Publication[];
  }

  /** The web address of an article on a site, by the article's uid (for "Tin liên quan" links). */
  linkByUid(siteId: number, uid: string): string | null {
    const row = statement(
      this.db,
      `SELECT p.link FROM publications p JOIN articles a ON a.id = p.article_id
       WHERE p.site_id = ? AND a.uid = ? AND p.status = 'publish'`,
    ).get(siteId, uid) as { link: string } | undefined;
    return row?.link ?? null;
  }

  record(entry: Omit<Publication, 'publishedAt'>, action: string, byUser: string): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      statement(
        this.db,
        `INSERT INTO publications (article_id, site_id, post_id, link, status, revision, remote_modified, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (article_id, site_id) DO UPDATE SET post_id = excluded.post_id, link = excluded.link, status = excluded.status,
           revision = excluded.revision, remote_modified = excluded.remote_modified, published_at = excluded.published_at, unconfirmed_writes = '[]'`,
      ).run(entry.articleId, entry.siteId, entry.postId, entry.link, entry.status, entry.revision, entry.remoteModified, at);
      statement(
        this.db,
        'INSERT INTO publish_history (article_id, site_id, action, post_id, link, status, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(entry.articleId, entry.siteId, action, entry.postId, entry.link, entry.status, byUser, at);
    })();
  }

  /**
   * Notes a write about to be sent to the article's post, before it leaves: if the desk dies or the
   * answer is lost after the site took it, the next publish knows the post holds our own write.
   */
  noteWrite(articleId: number, siteId: number, writeKey: string): void {
    statement(
      this.db,
      "UPDATE publications SET unconfirmed_writes = json_insert(unconfirmed_writes, '$[#]', ?) WHERE article_id = ? AND site_id = ?",
    ).run(writeKey, articleId, siteId);
  }

  /** Writes sent to the post since its modified time was last recorded. */
  unconfirmedWrites(articleId: number, siteId: number): string[] {
    const row = statement(this.db, 'SELECT unconfirmed_writes AS writes FROM publications WHERE article_id = ? AND site_id = ?').get(articleId, siteId) as
      | { writes: string }
      | undefined;
    return row ? (JSON.parse(row.writes) as string[]) : [];
  }

  history(articleId: number): PublishHistoryEntry[] {
    return statement(
      this.db,
      `SELECT id, article_id AS articleId, site_id AS siteId, action, post_id AS postId, link, status, by_user AS byUser, at
       FROM publish_history WHERE article_id = ? ORDER BY id DESC`,
    ).all(articleId) as PublishHistoryEntry[];
  }
}
