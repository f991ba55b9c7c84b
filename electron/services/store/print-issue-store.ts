import { DeskError } from '../../../shared/errors.js';
import { Flatplan } from '../../../shared/model/print-issue.js';
import type { PrintIssue } from '../../../shared/model/workspace.js';
import { newFlatplan } from '../../../shared/print/flatplan.js';
import { slugify } from '../../../shared/text/vietnamese.js';
import { statement, type Db } from './database.js';

interface IssueRow extends PrintIssue {
  flatplanJson: string | null;
}

const COLUMNS = `id, number, title, publish_date AS publishDate, page_count AS pageCount, status, slug, flatplan_json AS flatplanJson`;

/** Print issues and their flatplans. */
export class PrintIssueStore {
  constructor(private readonly db: Db) {}

  get(issueId: number): { issue: PrintIssue; flatplan: Flatplan } {
    const row = statement(this.db, `SELECT ${COLUMNS} FROM print_issues WHERE id = ?`).get(issueId) as IssueRow | undefined;
    if (!row) throw new DeskError('not_found', `Không có số báo #${issueId}.`);
    const { flatplanJson, ...issue } = row;
    const flatplan = flatplanJson ? Flatplan.parse(JSON.parse(flatplanJson)) : newFlatplan(issue.pageCount);
    return { issue, flatplan };
  }

  create(input: { number: number; title: string; publishDate: string; pageCount: number; publication: string }): number {
    if (statement(this.db, 'SELECT 1 FROM print_issues WHERE number = ?').get(input.number)) {
      throw new DeskError('conflict', `Số ${input.number} đã có. Hãy chọn số khác.`);
    }
    const slug = slugify(`Số ${input.number} ${input.publication} ${input.publishDate.slice(0, 4)}`);
    const result = statement(
      this.db,
      `INSERT INTO print_issues (number, title, publish_date, page_count, status, slug, flatplan_json) VALUES (?, ?, ?, ?, 'planning', ?, ?)`,
    ).run(input.number, input.title, input.publishDate, input.pageCount, slug, JSON.stringify(newFlatplan(input.pageCount)));
    return Number(result.lastInsertRowid);
  }

  update(issueId: number, fields: Partial<Pick<PrintIssue, 'title' | 'publishDate' | 'status'>>): void {
    const current = this.get(issueId).issue;
    statement(this.db, 'UPDATE print_issues SET title = ?, publish_date = ?, status = ? WHERE id = ?').run(
      fields.title ?? current.title,
      fields.publishDate ?? current.publishDate,
      fields.status ?? current.status,
      issueId,
    );
  }

  /** The plan and the page count change together, so the two never disagree. */
  savePlan(issueId: number, plan: Flatplan): void {
    const parsed = Flatplan.parse(plan);
    statement(this.db, 'UPDATE print_issues SET flatplan_json = ?, page_count = ? WHERE id = ?').run(
      JSON.stringify(parsed),
      parsed.pages.length,
      issueId,
    );
  }
}
