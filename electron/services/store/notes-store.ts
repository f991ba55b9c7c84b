import { DeskError } from '../../../shared/errors.js';
import type { Note, NoteAnchor, StatusChange } from '../../../shared/model/workflow.js';
import { statement, type Db } from './database.js';

interface NoteRow extends Omit<Note, 'anchor'> {
  anchorJson: string | null;
}

const NOTE_COLUMNS = `id, article_id AS articleId, parent_id AS parentId, author, body, anchor_json AS anchorJson,
  created_at AS createdAt, resolved_at AS resolvedAt, resolved_by AS resolvedBy`;

/** Editorial notes on an article (threaded, resolvable, optionally anchored to text) and its workflow history. */
export class NotesStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private assertArticle(articleId: number): void {
    if (!statement(this.db, 'SELECT 1 FROM articles WHERE id = ?').get(articleId)) {
      throw new DeskError('not_found', `Không tìm thấy bài số ${articleId}.`);
    }
  }

  list(articleId: number): Note[] {
    this.assertArticle(articleId);
    return (statement(this.db, `SELECT ${NOTE_COLUMNS} FROM notes WHERE article_id = ? ORDER BY id`).all(articleId) as NoteRow[]).map(noteOf);
  }

  get(id: number): Note {
    const row = statement(this.db, `SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
    if (!row) throw new DeskError('not_found', `Không tìm thấy ghi chú số ${id}.`);
    return noteOf(row);
  }

  /** A reply joins its thread: it belongs to the same article and hangs off the thread's first note. */
  add(input: { articleId: number; body: string; author: string; parentId?: number | null; anchor?: NoteAnchor | null }): Note {
    this.assertArticle(input.articleId);
    let parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = this.get(parentId);
      if (parent.articleId !== input.articleId) throw new DeskError('invalid_input', 'Ghi chú trả lời phải thuộc cùng một bài.');
      parentId = parent.parentId ?? parent.id;
    }
    if (!input.body.trim()) throw new DeskError('invalid_input', 'Ghi chú đang để trống.');
    const result = statement(this.db, 'INSERT INTO notes (article_id, parent_id, author, body, anchor_json, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.articleId, parentId, input.author, input.body, input.anchor ? JSON.stringify(input.anchor) : null, this.now().toISOString());
    return this.get(Number(result.lastInsertRowid));
  }

  /** Resolving a thread resolves its replies with it; reopening brings them back. */
  resolve(id: number, resolved: boolean, by: string): Note {
    const note = this.get(id);
    const rootId = note.parentId ?? note.id;
    const at = resolved ? this.now().toISOString() : null;
    statement(this.db, 'UPDATE notes SET resolved_at = ?, resolved_by = ? WHERE id = ? OR parent_id = ?')
      .run(at, resolved ? by : null, rootId, rootId);
    return this.get(id);
  }

  statusHistory(articleId: number): StatusChange[] {
    this.assertArticle(articleId);
    return statement(this.db, 
        `SELECT id, article_id AS articleId, from_status AS fromStatus, to_status AS toStatus, changed_by AS changedBy,
           changed_at AS changedAt FROM status_changes WHERE article_id = ? ORDER BY id`,
      )
      .all(articleId) as StatusChange[];
  }
}

function noteOf(row: NoteRow): Note {
  const { anchorJson, ...rest } = row;
  return { ...rest, anchor: anchorJson ? (JSON.parse(anchorJson) as NoteAnchor) : null };
}
