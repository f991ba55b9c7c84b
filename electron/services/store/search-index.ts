import type { Db } from './database.js';
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
 * support, so re-indexing an article does not need its old text.
 */
export const CREATE_SEARCH_TABLE = `
  CREATE VIRTUAL TABLE article_search USING fts5(
    title, sapo, body, tags, byline,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  )`;

export function indexArticle(db: Db, article: SearchableArticle): void {
  db.prepare('DELETE FROM article_search WHERE rowid = ?').run(article.id);
  db.prepare('INSERT INTO article_search (rowid, title, sapo, body, tags, byline) VALUES (?, ?, ?, ?, ?, ?)').run(
    article.id,
    foldForSearch(article.title),
    foldForSearch(article.sapo),
    foldForSearch(article.bodyText),
    foldForSearch(article.tags.join(' ; ')),
    foldForSearch(article.byline),
  );
}

export function unindexArticle(db: Db, id: number): void {
  db.prepare('DELETE FROM article_search WHERE rowid = ?').run(id);
}
