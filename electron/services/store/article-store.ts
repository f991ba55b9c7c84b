import { randomUUID } from 'node:crypto';
import type { ArticleSort } from '../../../shared/contract.js';
import { DeskError } from '../../../shared/errors.js';
import { bodyToHtml, bodyToText, normalizeBody, wordCountOf } from '../../../shared/article-body.js';
import {
  ARTICLE_STATUSES,
  EMPTY_DOC,
  type Article,
  type ArticleFields,
  type ArticleStatus,
  type ArticleSummary,
  type PmDoc,
  type Revision,
  type RevisionReason,
  type RevisionSummary,
  type SaveReason,
} from '../../../shared/model/article.js';
import { normalizeText, slugify, vietnameseSortKey } from '../../../shared/text/vietnamese.js';
import { statement, type Db } from './database.js';
import { queueForSearch } from './search-index.js';

/** While typing, history keeps at most one snapshot per this many milliseconds. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 30_000;

export interface ListFilter {
  status?: ArticleStatus;
  sectionId?: number;
  issueId?: number;
  trash: boolean;
  sort: ArticleSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ArticleRow {
  id: number;
  uid: string;
  title: string;
  sectionId: number | null;
  sectionName: string | null;
  issueId: number | null;
  status: ArticleStatus;
  wordCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** An article's own row: everything but the body, which lives in article_bodies. */
interface HeadRow extends ArticleRow {
  kicker: string;
  sapo: string;
  byline: string;
  sourcePrefix: string;
  slug: string;
}

interface BodyRow {
  bodyJson: string;
  bodyText: string;
  bodyHtml: string;
}

export const SUMMARY_COLUMNS = `a.id, a.uid, a.title, a.section_id AS sectionId, s.name AS sectionName, a.issue_id AS issueId,
  a.status, a.word_count AS wordCount, a.created_at AS createdAt, a.updated_at AS updatedAt, a.deleted_at AS deletedAt`;
export const FROM_ARTICLES = 'FROM articles a LEFT JOIN sections s ON s.id = a.section_id';

const SORT_COLUMNS: Record<ArticleSort, string> = {
  updated: 'a.updated_at',
  created: 'a.created_at',
  title: 'a.title_sort',
  words: 'a.word_count',
  status: `CASE a.status ${ARTICLE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
  section: 's.position',
};

/** Articles, their tags, their history and their search index: all of it in one SQLite file. */
export class ArticleStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    /** Who is working at this desk, for the workflow history. */
    private readonly currentUser: () => string = () => '',
  ) {}

  private timestamp(): string {
    return this.now().toISOString();
  }

  private head(id: number): HeadRow {
    const row = statement(this.db, 
        `SELECT ${SUMMARY_COLUMNS}, a.kicker, a.sapo, a.byline, a.source_prefix AS sourcePrefix, a.slug
         ${FROM_ARTICLES} WHERE a.id = ?`,
      )
      .get(id) as HeadRow | undefined;
    if (!row) throw new DeskError('not_found', `Không tìm thấy bài số ${id}.`);
    return row;
  }

  private body(id: number): BodyRow {
    return statement(this.db, 'SELECT body_json AS bodyJson, body_text AS bodyText, body_html AS bodyHtml FROM article_bodies WHERE article_id = ?')
      .get(id) as BodyRow;
  }

  private tagsOf(id: number): string[] {
    return (
      statement(this.db, 'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY at.position')
        .all(id) as { name: string }[]
    ).map((r) => r.name);
  }

  private fieldsOf(row: HeadRow, bodyJson: string): ArticleFields {
    return {
      sectionId: row.sectionId,
      issueId: row.issueId,
      kicker: row.kicker,
      title: row.title,
      sapo: row.sapo,
      body: JSON.parse(bodyJson) as PmDoc,
      byline: row.byline,
      sourcePrefix: row.sourcePrefix,
      tags: this.tagsOf(row.id),
      slug: row.slug,
      status: row.status,
    };
  }

  get(id: number): Article {
    const head = this.head(id);
    const body = this.body(id);
    return { ...summaryOf(head), ...this.fieldsOf(head, body.bodyJson), bodyText: body.bodyText, bodyHtml: body.bodyHtml };
  }

  summary(id: number): ArticleSummary {
    const row = statement(this.db, `SELECT ${SUMMARY_COLUMNS} ${FROM_ARTICLES} WHERE a.id = ?`).get(id) as ArticleRow | undefined;
    if (!row) throw new DeskError('not_found', `Không tìm thấy bài số ${id}.`);
    return summaryOf(row);
  }

  /** A new article; its uid is given when it already names the article elsewhere (a post made by another desk). */
  create(initial: Partial<ArticleFields>, reason: RevisionReason = 'created', uid: string = randomUUID()): Article {
    const id = this.db.transaction(() => {
      const at = this.timestamp();
      const result = statement(this.db, 'INSERT INTO articles (uid, source_prefix, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(uid, '', at, at);
      const newId = Number(result.lastInsertRowid);
      statement(this.db, 'INSERT INTO article_bodies (article_id, body_json) VALUES (?, ?)').run(newId, JSON.stringify(EMPTY_DOC));
      this.apply(newId, initial, reason);
      return newId;
    })();
    return this.get(id);
  }

  /**
   * Saves changed fields. History gets a snapshot on an explicit save or on closing (when the text
   * differs from the last snapshot), on a status change, and while typing at most once per 30 s.
   */
  save(id: number, patch: Partial<ArticleFields>, reason: SaveReason): { article: ArticleSummary; revisionId: number | null } {
    return this.db.transaction(() => {
      const before = statement(this.db, 'SELECT status, deleted_at AS deletedAt FROM articles WHERE id = ?').get(id) as
        | { status: ArticleStatus; deletedAt: string | null }
        | undefined;
      if (!before) throw new DeskError('not_found', `Không tìm thấy bài số ${id}.`);
      if (before.deletedAt) {
        throw new DeskError('invalid_input', 'Bài đang ở thùng rác; hãy khôi phục trước khi sửa.');
      }
      const statusChanged = patch.status !== undefined && patch.status !== before.status;
      const revisionReason = this.revisionReasonFor(id, reason, statusChanged);
      const revisionId = this.apply(id, patch, revisionReason);
      return { article: this.summary(id), revisionId };
    })();
  }

  private revisionReasonFor(id: number, reason: SaveReason, statusChanged: boolean): RevisionReason | null {
    if (statusChanged) return 'status';
    if (reason !== 'autosave') return reason;
    const last = statement(this.db, 'SELECT created_at AS createdAt FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1')
      .get(id) as { createdAt: string } | undefined;
    const age = last ? this.now().getTime() - Date.parse(last.createdAt) : Infinity;
    return age >= AUTOSAVE_REVISION_INTERVAL_MS ? 'autosave' : null;
  }

  /**
   * Writes fields, keeps tags in step, queues the article for the search index, and snapshots when
   * asked. The body's text and HTML are derived here; the index is brought up to date by
   * ArticleSearch.flush, off the typing path.
   */
  private apply(id: number, patch: Partial<ArticleFields>, revisionReason: RevisionReason | null): number | null {
    const current = this.head(id);
    patch = normalizeFields(patch);
    const body = patch.body ? normalizeBody(patch.body) : undefined;
    const next = {
      sectionId: patch.sectionId !== undefined ? patch.sectionId : current.sectionId,
      issueId: patch.issueId !== undefined ? patch.issueId : current.issueId,
      kicker: patch.kicker ?? current.kicker,
      title: patch.title ?? current.title,
      sapo: patch.sapo ?? current.sapo,
      byline: patch.byline ?? current.byline,
      sourcePrefix: patch.sourcePrefix ?? current.sourcePrefix,
      slug: patch.slug ?? current.slug,
      status: patch.status ?? current.status,
    };
    this.assertReferences(next.sectionId, next.issueId);
    let wordCount = current.wordCount;
    if (body) {
      const bodyText = bodyToText(body);
      statement(this.db, 'UPDATE article_bodies SET body_json = ?, body_text = ?, body_html = ? WHERE article_id = ?')
        .run(JSON.stringify(body), bodyText, bodyToHtml(body), id);
      wordCount = wordCountOf([next.sapo, bodyText]);
    } else if (patch.sapo !== undefined) {
      wordCount = wordCountOf([next.sapo, this.body(id).bodyText]);
    }
    statement(this.db, 
        `UPDATE articles SET section_id = ?, issue_id = ?, kicker = ?, title = ?, title_sort = ?, sapo = ?, byline = ?,
           source_prefix = ?, slug = ?, status = ?, word_count = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        next.sectionId,
        next.issueId,
        next.kicker,
        next.title,
        vietnameseSortKey(next.title),
        next.sapo,
        next.byline,
        next.sourcePrefix,
        next.slug,
        next.status,
        wordCount,
        this.timestamp(),
        id,
      );
    if (patch.tags) this.setTags(id, patch.tags);
    if (next.status !== current.status || revisionReason === 'created' || revisionReason === 'import') {
      statement(this.db, 'INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, revisionReason === 'created' || revisionReason === 'import' ? null : current.status, next.status, this.currentUser(), this.timestamp());
    }
    if (SEARCHED_FIELDS.some((k) => k in patch)) queueForSearch(this.db, id);
    return revisionReason ? this.snapshot(id, revisionReason) : null;
  }

  private assertReferences(sectionId: number | null, issueId: number | null): void {
    if (sectionId !== null && !statement(this.db, 'SELECT 1 FROM sections WHERE id = ?').get(sectionId)) {
      throw new DeskError('invalid_input', `Chuyên mục số ${sectionId} không tồn tại.`);
    }
    if (issueId !== null && !statement(this.db, 'SELECT 1 FROM print_issues WHERE id = ?').get(issueId)) {
      throw new DeskError('invalid_input', `Số tạp chí có mã ${issueId} không tồn tại.`);
    }
  }

  private setTags(id: number, names: string[]): void {
    statement(this.db, 'DELETE FROM article_tags WHERE article_id = ?').run(id);
    const seen = new Set<string>();
    names.forEach((raw, position) => {
      const name = raw.trim();
      const slug = slugify(name);
      if (!name || !slug || seen.has(slug)) return;
      seen.add(slug);
      statement(this.db, 'INSERT INTO tags (name, slug) VALUES (?, ?) ON CONFLICT(slug) DO NOTHING').run(name, slug);
      const tag = statement(this.db, 'SELECT id FROM tags WHERE slug = ?').get(slug) as { id: number };
      statement(this.db, 'INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)').run(id, tag.id, position);
    });
  }

  /** Explicit saves and closes skip the snapshot when nothing changed since the last one. */
  private snapshot(id: number, reason: RevisionReason): number {
    const row = this.head(id);
    const fieldsJson = JSON.stringify(this.fieldsOf(row, this.body(id).bodyJson));
    if (reason === 'explicit' || reason === 'close') {
      const last = statement(this.db, 'SELECT id, fields_json AS fieldsJson FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1')
        .get(id) as { id: number; fieldsJson: string } | undefined;
      if (last && last.fieldsJson === fieldsJson) return last.id;
    }
    const result = statement(this.db, 
        `INSERT INTO revisions (article_id, reason, status, title, word_count, fields_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, reason, row.status, row.title, row.wordCount, fieldsJson, this.timestamp());
    return Number(result.lastInsertRowid);
  }

  trash(id: number): ArticleSummary {
    this.head(id);
    statement(this.db, 'UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(this.timestamp(), id);
    return this.summary(id);
  }

  restore(id: number): ArticleSummary {
    this.head(id);
    statement(this.db, 'UPDATE articles SET deleted_at = NULL WHERE id = ?').run(id);
    return this.summary(id);
  }

  list(filter: ListFilter): { items: ArticleSummary[]; total: number } {
    const where: string[] = [filter.trash ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
    const params: (string | number)[] = [];
    addFilters(where, params, filter);
    const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
    const sql = `SELECT ${SUMMARY_COLUMNS} ${FROM_ARTICLES} WHERE ${where.join(' AND ')}
      ORDER BY ${SORT_COLUMNS[filter.sort]} ${direction}, a.id ${direction} LIMIT ? OFFSET ?`;
    const items = (statement(this.db, sql).all(...params, filter.limit, filter.offset) as ArticleRow[]).map(summaryOf);
    const total = (statement(this.db, `SELECT count(*) AS n FROM articles a WHERE ${where.join(' AND ')}`).get(...params) as { n: number }).n;
    return { items, total };
  }

  revisions(articleId: number): RevisionSummary[] {
    this.head(articleId);
    return statement(this.db, 
        `SELECT id, article_id AS articleId, reason, title, word_count AS wordCount, status, created_at AS createdAt
         FROM revisions WHERE article_id = ? ORDER BY id DESC`,
      )
      .all(articleId) as RevisionSummary[];
  }

  revision(id: number): Revision {
    const row = statement(this.db, 
        `SELECT id, article_id AS articleId, reason, title, word_count AS wordCount, status, created_at AS createdAt,
           fields_json AS fieldsJson FROM revisions WHERE id = ?`,
      )
      .get(id) as (RevisionSummary & { fieldsJson: string }) | undefined;
    if (!row) throw new DeskError('not_found', `Không tìm thấy phiên bản số ${id}.`);
    const { fieldsJson, ...summary } = row;
    return { ...summary, fields: JSON.parse(fieldsJson) as ArticleFields };
  }

  /** Restoring puts the old text back as a new revision, so the restore itself can be undone. */
  restoreRevision(id: number): Article {
    const revision = this.revision(id);
    this.db.transaction(() => {
      const article = this.head(revision.articleId);
      if (article.deletedAt) this.restore(article.id);
      const fields = { ...revision.fields };
      for (const key of ['sectionId', 'issueId'] as const) {
        const ref = fields[key];
        const table = key === 'sectionId' ? 'sections' : 'print_issues';
        if (ref !== null && !statement(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(ref)) fields[key] = null;
      }
      this.apply(revision.articleId, fields, 'restore');
    })();
    return this.get(revision.articleId);
  }

  /** The article with this uid, in the trash or not. */
  idByUid(uid: string): number | null {
    const row = statement(this.db, 'SELECT id FROM articles WHERE uid = ?').get(uid) as { id: number } | undefined;
    return row?.id ?? null;
  }

  count(): number {
    return (statement(this.db, 'SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL').get() as { n: number }).n;
  }
}

const TEXT_FIELDS = ['kicker', 'title', 'sapo', 'byline', 'sourcePrefix'] as const;
const SEARCHED_FIELDS = ['title', 'sapo', 'body', 'tags', 'byline'] as const;

/** The store normalises too, so no caller (import, sync, CLI) can slip NFD text past it. */
function normalizeFields(patch: Partial<ArticleFields>): Partial<ArticleFields> {
  const out: Partial<ArticleFields> = { ...patch };
  for (const key of TEXT_FIELDS) {
    const value = patch[key];
    if (value !== undefined) out[key] = normalizeText(value);
  }
  if (patch.tags) out.tags = patch.tags.map(normalizeText);
  return out;
}

export function addFilters(where: string[], params: (string | number)[], filter: { status?: string; sectionId?: number; issueId?: number }): void {
  if (filter.status) {
    where.push('a.status = ?');
    params.push(filter.status);
  }
  if (filter.sectionId) {
    where.push('a.section_id = ?');
    params.push(filter.sectionId);
  }
  if (filter.issueId) {
    where.push('a.issue_id = ?');
    params.push(filter.issueId);
  }
}

export function summaryOf(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    sectionId: row.sectionId,
    sectionName: row.sectionName,
    issueId: row.issueId,
    status: row.status,
    wordCount: row.wordCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}
