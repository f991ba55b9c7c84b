import { statement, type Db } from './database.js';
import { foldForSearch } from '../../../shared/text/vietnamese.js';

export interface SearchableArticle {
  id: number;
  title: string;
  sapo: string;
  bodyText: string;
  tags: string[];
  byline: string;
}

/**
 * The search index holds folded text only (no copy of the original: snippets are cut from the
 * article itself, which is possible because folding keeps offsets). Contentless with delete
 * support, so re-indexing an article does not need its old text. Prefix indexes make
 * search-as-you-type ("la…") fast.
 */
export const CREATE_SEARCH_TABLE = `
  CREATE VIRTUAL TABLE article_search USING fts5(
    title, sapo, body, tags, byline,
    content = '', contentless_delete = 1,
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
  )`;

/** Titles alone, so "title matches first" for a broad query reads a small index, not every body. */
export const CREATE_TITLE_SEARCH_TABLE = `
  CREATE VIRTUAL TABLE title_search USING fts5(
    title,
    content = '', contentless_delete = 1,
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
  )`;

export function indexArticle(db: Db, article: SearchableArticle): void {
  statement(db, 'DELETE FROM article_search WHERE rowid = ?').run(article.id);
  if (hasTitleIndex(db)) {
    statement(db, 'DELETE FROM title_search WHERE rowid = ?').run(article.id);
    statement(db, 'INSERT INTO title_search (rowid, title) VALUES (?, ?)').run(article.id, foldForSearch(article.title));
  }
  statement(db, 'INSERT INTO article_search (rowid, title, sapo, body, tags, byline) VALUES (?, ?, ?, ?, ?, ?)').run(
    article.id,
    foldForSearch(article.title),
    foldForSearch(article.sapo),
    foldForSearch(article.bodyText),
    foldForSearch(article.tags.join(' ; ')),
    foldForSearch(article.byline),
  );
}

export function unindexArticle(db: Db, id: number): void {
  statement(db, 'DELETE FROM article_search WHERE rowid = ?').run(id);
  if (hasTitleIndex(db)) statement(db, 'DELETE FROM title_search WHERE rowid = ?').run(id);
}

/** Migration 3 (before the title index existed) indexes through this module too. */
function hasTitleIndex(db: Db): boolean {
  return statement(db, "SELECT 1 FROM sqlite_master WHERE name = 'title_search'").get() !== undefined;
}

/** Marks an article for re-indexing; the queue survives a crash, so nothing is missed. */
export function queueForSearch(db: Db, id: number): void {
  statement(db, 'INSERT OR IGNORE INTO search_queue (article_id) VALUES (?)').run(id);
}

/** Indexes queued articles (or removes deleted ones from the index); returns how many it handled. */
export function drainSearchQueue(db: Db, max = 10_000): number {
  const ids = (statement(db, 'SELECT article_id AS id FROM search_queue LIMIT ?').all(max) as { id: number }[]).map((r) => r.id);
  if (ids.length === 0) return 0;
  const read = statement(db, 
    `SELECT a.id, a.title, a.sapo, a.byline, b.body_text AS bodyText,
       (SELECT json_group_array(t.name) FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id = a.id ORDER BY at.position) AS tagsJson
     FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?`,
  );
  const done = statement(db, 'DELETE FROM search_queue WHERE article_id = ?');
  db.transaction(() => {
    for (const id of ids) {
      const row = read.get(id) as (Omit<SearchableArticle, 'tags'> & { tagsJson: string }) | undefined;
      if (row) indexArticle(db, { ...row, tags: JSON.parse(row.tagsJson) as string[] });
      else unindexArticle(db, id);
      done.run(id);
    }
  })();
  return ids.length;
}
