import type { SearchHit } from '../../../shared/contract.js';
import type { ArticleStatus } from '../../../shared/model/article.js';
import { statement, type Db } from './database.js';
import { addFilters, FROM_ARTICLES, SUMMARY_COLUMNS, summaryOf, type ArticleRow } from './article-store.js';
import { drainSearchQueue } from './search-index.js';
import { buildMatchQuery, cutSnippet, findFirstMatches, findMatches } from './search-snippet.js';

export interface SearchFilter {
  query: string;
  status?: ArticleStatus;
  sectionId?: number;
  issueId?: number;
  offset: number;
  limit: number;
}

/**
 * Up to this many matches are ranked by relevance (BM25, title weighted most). A broader query
 * ("làng nghề" in a craft-village magazine matches nearly everything) lists title matches first,
 * then the newest articles: ranking tens of thousands of matches would cost more than it tells.
 */
export const RANKED_MATCH_LIMIT = 300;

const WEIGHTS = 'bm25(article_search, 20.0, 4.0, 1.0, 5.0, 2.0)';

export class ArticleSearch {
  constructor(private readonly db: Db) {}

  /** Brings the index up to date with every save so far. */
  flush(): number {
    return drainSearchQueue(this.db);
  }

  search(filter: SearchFilter): { items: SearchHit[]; total: number; totalIsLowerBound: boolean } {
    this.flush();
    const match = buildMatchQuery(filter.query);
    if (!match) return { items: [], total: 0, totalIsLowerBound: false };

    // Conditions on the article (not in trash, status, section, issue) as a set of rowids.
    const articleWhere = ['a.deleted_at IS NULL'];
    const articleParams: (string | number)[] = [];
    addFilters(articleWhere, articleParams, filter);
    const filtered = articleWhere.length > 1;
    const inScope = filtered
      ? `rowid IN (SELECT a.id FROM articles a WHERE ${articleWhere.join(' AND ')})`
      : 'rowid NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)';
    const scopeParams = filtered ? articleParams : [];
    const where = `article_search MATCH ? AND ${inScope}`;
    const counted = (statement(this.db, `SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE ${where} LIMIT ?)`).get(
      match.expression,
      ...scopeParams,
      RANKED_MATCH_LIMIT + 1,
    ) as { n: number }).n;
    const broad = counted > RANKED_MATCH_LIMIT;

    let ids: number[];
    if (!broad) {
      ids = (
        statement(this.db, `SELECT rowid AS id FROM article_search WHERE ${where} ORDER BY ${WEIGHTS}, rowid LIMIT ? OFFSET ?`)
          .all(match.expression, ...scopeParams, filter.limit, filter.offset) as { id: number }[]
      ).map((r) => r.id);
    } else {
      const wanted = filter.offset + filter.limit;
      const newest = (table: string, limit: number) =>
        (
          statement(this.db, `SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? AND ${inScope} ORDER BY rowid DESC LIMIT ?`).all(
            match.expression,
            ...scopeParams,
            limit,
          ) as { id: number }[]
        ).map((r) => r.id);
      const inTitle = newest('title_search', wanted);
      const taken = new Set(inTitle);
      const rest = newest('article_search', wanted + inTitle.length).filter((id) => !taken.has(id));
      ids = [...inTitle, ...rest].slice(filter.offset, wanted);
    }

    const rows = this.pageRows(ids);
    const items = ids.flatMap((id) => {
      const row = rows.get(id);
      if (!row) return [];
      const inBody = findFirstMatches(row.bodyText, match.terms);
      const source = inBody.length > 0 ? row.bodyText : row.sapo || row.bodyText;
      return [
        {
          article: summaryOf(row),
          snippet: cutSnippet(source, source === row.bodyText ? inBody : findMatches(source, match.terms)),
          titleHighlights: findMatches(row.title, match.terms),
        },
      ];
    });
    return { items, total: broad ? RANKED_MATCH_LIMIT : counted, totalIsLowerBound: broad };
  }

  private pageRows(ids: number[]): Map<number, ArticleRow & { sapo: string; bodyText: string }> {
    if (ids.length === 0) return new Map();
    const rows = statement(this.db, 
        `SELECT ${SUMMARY_COLUMNS}, a.sapo, b.body_text AS bodyText ${FROM_ARTICLES}
         JOIN article_bodies b ON b.article_id = a.id WHERE a.id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as (ArticleRow & { sapo: string; bodyText: string })[];
    return new Map(rows.map((r) => [r.id, r]));
  }
}
