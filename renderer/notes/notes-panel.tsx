import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, StatusChange } from '../../shared/model/workflow.js';
import { useApi } from '../api/api-context.js';
import { formatDateTime } from '../workspace/format.js';
import { useFieldSelection } from './use-field-selection.js';
import { UserName } from './user-name.js';

interface NotesPanelProps {
  articleId: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The article's workflow so far and the editors' threaded notes on it. */
export function NotesPanel({ articleId }: NotesPanelProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [history, setHistory] = useState<StatusChange[] | null>(null);
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [draft, setDraft] = useState('');
  const [useAnchor, setUseAnchor] = useState(true);
  const [replies, setReplies] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [selection, clearSelection] = useFieldSelection({ title: t('notes.fields.title'), sapo: t('notes.fields.sapo') });

  const loadNotes = useCallback(() => {
    api.call('notes.list', { articleId }).then(setNotes, (e: unknown) => setError(message(e)));
  }, [api, articleId]);
  const loadHistory = useCallback(() => {
    api.call('articles.statusHistory', { id: articleId }).then(setHistory, (e: unknown) => setError(message(e)));
  }, [api, articleId]);

  useEffect(() => {
    loadNotes();
    loadHistory();
    const offNotes = api.on('notes.changed', (p) => p.articleId === articleId && loadNotes());
    const offSaved = api.on('article.saved', (p) => p.id === articleId && loadHistory());
    return () => {
      offNotes();
      offSaved();
    };
  }, [api, articleId, loadNotes, loadHistory]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      loadNotes();
      return true;
    } catch (e) {
      setError(message(e));
      return false;
    }
  };

  const addNote = async () => {
    const body = draft.trim();
    if (!body) return;
    const anchor = useAnchor ? selection : null;
    if (await act(() => api.call('notes.add', { articleId, body, ...(anchor ? { anchor } : {}) }))) {
      setDraft('');
      clearSelection();
    }
  };

  const reply = async (parentId: number) => {
    const body = (replies[parentId] ?? '').trim();
    if (!body) return;
    if (await act(() => api.call('notes.add', { articleId, body, parentId }))) setReplies((r) => ({ ...r, [parentId]: '' }));
  };

  const threads = (notes ?? []).filter((n) => n.parentId === null);
  const repliesOf = (id: number) => (notes ?? []).filter((n) => n.parentId === id);
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  return (
    <div className="notes">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <UserName />

      <section className="workflow" aria-labelledby={`${ids}-workflow`}>
        <h3 id={`${ids}-workflow`}>{t('workflow.title')}</h3>
        {history === null ? (
          <p className="list-empty">{t('workflow.loading')}</p>
        ) : history.length === 0 ? (
          <p className="list-empty">{t('workflow.empty')}</p>
        ) : (
          <ol className="status-history" aria-label={t('workflow.title')}>
            {[...history].reverse().map((change) => (
              <li key={change.id}>
                <span className="status-move">
                  {change.fromStatus ? `${t(`workflow.status.${change.fromStatus}`)} → ` : ''}
                  <strong>{t(`workflow.status.${change.toStatus}`)}</strong>
                </span>
                <span className="status-meta">
                  {t('workflow.by', { name: change.changedBy, time: when(change.changedAt) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="note-threads" aria-labelledby={`${ids}-notes`}>
        <h3 id={`${ids}-notes`}>{t('notes.title')}</h3>
        <div className="note-compose">
          <label htmlFor={`${ids}-new`}>{t('notes.newLabel')}</label>
          <textarea id={`${ids}-new`} rows={3} lang="vi" value={draft} onChange={(e) => setDraft(e.target.value)} />
          {selection && (
            <label className="note-anchor-choice">
              <input type="checkbox" checked={useAnchor} onChange={(e) => setUseAnchor(e.target.checked)} />
              {t('notes.anchorTo', { field: t(`notes.fields.${selection.field}`), quote: selection.quote })}
            </label>
          )}
          <button type="button" className="button button-primary" disabled={!draft.trim()} onClick={() => void addNote()}>
            {t('notes.add')}
          </button>
        </div>
        {notes === null ? (
          <p className="list-empty">{t('notes.loading')}</p>
        ) : threads.length === 0 ? (
          <p className="list-empty">{t('notes.empty')}</p>
        ) : (
          <ul className="thread-list" aria-label={t('notes.threads')}>
            {threads.map((note) => {
              const resolved = note.resolvedAt !== null;
              return (
                <li key={note.id} className={`note-thread${resolved ? ' is-resolved' : ''}`} aria-label={t('notes.threadLabel', { author: note.author })}>
                  {note.anchor && (
                    <blockquote className="note-quote" lang="vi">
                      <span className="note-quote-field">{t(`notes.fields.${note.anchor.field}`)}</span> “{note.anchor.quote}”
                    </blockquote>
                  )}
                  <NoteBody note={note} when={when} />
                  {repliesOf(note.id).map((r) => (
                    <div key={r.id} className="note-reply">
                      <NoteBody note={r} when={when} />
                    </div>
                  ))}
                  {resolved && note.resolvedAt && (
                    <p className="note-resolved">{t('notes.resolvedBy', { name: note.resolvedBy ?? '', time: when(note.resolvedAt) })}</p>
                  )}
                  {!resolved && (
                    <div className="note-reply-form">
                      <textarea
                        rows={2}
                        lang="vi"
                        aria-label={t('notes.replyLabel')}
                        value={replies[note.id] ?? ''}
                        onChange={(e) => setReplies((all) => ({ ...all, [note.id]: e.target.value }))}
                      />
                      <button type="button" className="button button-small" disabled={!(replies[note.id] ?? '').trim()} onClick={() => void reply(note.id)}>
                        {t('notes.reply')}
                      </button>
                    </div>
                  )}
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => void act(() => api.call('notes.resolve', { id: note.id, resolved: !resolved }))}
                  >
                    {resolved ? t('notes.reopen') : t('notes.resolve')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function NoteBody({ note, when }: { note: Note; when: (iso: string) => string }) {
  return (
    <div className="note-body">
      <p className="note-meta">
        <strong>{note.author}</strong> <time dateTime={note.createdAt}>{when(note.createdAt)}</time>
      </p>
      <p className="note-text" lang="vi">
        {note.body}
      </p>
    </div>
  );
}
