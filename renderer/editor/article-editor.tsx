import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { articleBodyExtensions } from '../../shared/article-body-schema.js';
import { ProofingMarks, proofingMarksKey, type BodyFindings } from './proofing-marks.js';
import { ARTICLE_STATUSES, type Article, type ArticleStatus, type ArticleSummary, type PmDoc, type SaveReason } from '../../shared/model/article.js';
import type { PrintIssue, PrintLayout, Section } from '../../shared/model/workspace.js';
import { useApi } from '../api/api-context.js';
import { formatNumber } from '../workspace/format.js';
import { BodyStats } from './body-stats.js';
import { BodyToolbar } from './body-toolbar.js';
import { DraftSaver, type EditableFields, type SaveState } from './draft-saver.js';
import { FigurePanel, useSelectedFigure } from './figure-panel.js';
import { bodyInputProps } from './body-input.js';
import { pasteNormalized } from './paste-normalized.js';
import { SaveIndicator } from './save-indicator.js';
import { WordActions } from './word-actions.js';

/** What the workspace may ask of the open editor before it opens, restores or trashes something. */
export interface EditorHandle {
  flush(reason: SaveReason): Promise<boolean>;
  /** Saves a last time and stops saving; false if that save failed (the text is still there). */
  close(): Promise<boolean>;
}

interface FormValues {
  kicker: string;
  title: string;
  sapo: string;
  byline: string;
  sourcePrefix: string;
  sectionId: number | null;
  issueId: number | null;
  status: ArticleStatus;
  tagsText: string;
}

function formFrom(article: Article): FormValues {
  return {
    kicker: article.kicker,
    title: article.title,
    sapo: article.sapo,
    byline: article.byline,
    sourcePrefix: article.sourcePrefix,
    sectionId: article.sectionId,
    issueId: article.issueId,
    status: article.status,
    tagsText: article.tags.join(', '),
  };
}

export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

interface FieldProps {
  id: string;
  label: string;
  bare?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}

/**
 * A labelled control. The label points at the control by id instead of wrapping it, so its
 * accessible name is the label alone (a wrapping label would also read a textarea's text).
 */
function Field({ id, label, bare, extra, children }: FieldProps) {
  return (
    <div className={bare ? 'field field-bare' : 'field'}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {extra}
      </div>
      {children}
    </div>
  );
}

export interface ArticleEditorProps {
  article: Article;
  sections: Section[];
  /** Print issues the article can be planned for ("Số 456"). */
  issues: PrintIssue[];
  autoFocusTitle: boolean;
  historyOpen: boolean;
  handleRef: Ref<EditorHandle>;
  onSaved: (summary: ArticleSummary) => void;
  onToggleHistory: () => void;
  onTrash: () => void;
  /** Opens another article (an imported one). */
  onOpenArticle: (id: number) => void;
  /** The latest proofing of this article's body, underlined in the text. */
  proofFindings: BodyFindings | null;
}

/**
 * One open article: its fields, its body in tiptap, and autosave.
 *
 * The body's content is set once, when the article opens (the workspace remounts this component
 * to load other content), so nothing the store answers can rewrite text under an input method.
 */
export function ArticleEditor(props: ArticleEditorProps) {
  const { article, sections, issues, autoFocusTitle, historyOpen, handleRef, onSaved, onToggleHistory, onTrash, onOpenArticle, proofFindings } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState<FormValues>(() => formFrom(article));
  const formRef = useRef(form);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [wordCount, setWordCount] = useState(article.wordCount);
  const saverRef = useRef<DraftSaver | null>(null);
  const sapoRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const lastBody = useRef<PmDoc>(article.body);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const [printLayout, setPrintLayout] = useState<PrintLayout | null>(null);
  useEffect(() => {
    let live = true;
    api.call('profile.get', {}).then(
      (profile) => live && setPrintLayout(profile.print),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const onImageError = useCallback(
    (error: unknown) => setBodyError(t('toolbar.imageFailed', { message: error instanceof Error ? error.message : String(error) })),
    [t],
  );

  const extensions = useMemo(() => [...articleBodyExtensions({ resolveAssetUrl: (hash) => api.assetUrl(hash) }), ProofingMarks], [api]);
  const bodyLabel = t('editor.body');
  const editorProps = useMemo(
    () => ({
      attributes: {
        'aria-label': bodyLabel,
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'article-body',
        lang: 'vi',
        spellcheck: 'false',
      },
      ...bodyInputProps(api, onImageError),
    }),
    [api, bodyLabel, onImageError],
  );
  const editor = useEditor({
    extensions,
    content: article.body as JSONContent,
    editorProps,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: () => saverRef.current?.changed(),
  });
  const figure = useSelectedFigure(editor);

  useEffect(() => {
    if (!proofFindings || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(proofingMarksKey, proofFindings).setMeta('addToHistory', false));
  }, [editor, proofFindings]);

  useEffect(() => {
    const read = (): EditableFields => {
      if (!editor.isDestroyed) lastBody.current = editor.getJSON() as PmDoc;
      const { tagsText, ...fields } = formRef.current;
      return { ...fields, tags: parseTags(tagsText), body: lastBody.current };
    };
    const saver = new DraftSaver(read(), {
      read,
      send: async (fields, reason) => {
        const result = await api.call('articles.save', { id: article.id, fields, reason });
        setWordCount(result.article.wordCount);
        onSavedRef.current(result.article);
      },
      onState: (state, message) => {
        setSaveState(state);
        setSaveError(message);
      },
    });
    saverRef.current = saver;

    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saver.flush('explicit');
      }
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') saver.flushImmediately();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const unsaved = saver.hasUnsavedChanges();
      saver.flushImmediately();
      // A browser tab can ask before leaving; in Electron that would silently block closing the
      // window, and the IPC message above is on its way before the page goes.
      if (unsaved && !window.lnvDesk) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onBeforeUnload);
    const onPageHide = () => saver.flushImmediately();
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
      void saver.close();
      if (saverRef.current === saver) saverRef.current = null;
    };
  }, [api, article.id, editor]);

  useImperativeHandle(
    handleRef,
    () => ({
      flush: (reason) => saverRef.current?.flush(reason) ?? Promise.resolve(true),
      close: () => saverRef.current?.close() ?? Promise.resolve(true),
    }),
    [],
  );

  const update = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    formRef.current = { ...formRef.current, [key]: value };
    setForm(formRef.current);
    saverRef.current?.changed();
  };

  const titleMax = 500;

  return (
    <section className="editor" aria-label={t('editor.region')}>
      <header className="editor-bar">
        <SaveIndicator state={saveState} error={saveError} />
        <span className="editor-words" title={t('list.wordsHint')}>
          {t('editor.words', { count: wordCount, formatted: formatNumber(wordCount, i18n.language) })}
        </span>
        <span className="editor-bar-spacer" />
        <WordActions articleId={article.id} flush={() => saverRef.current?.flush('explicit') ?? Promise.resolve(true)} onOpenArticle={onOpenArticle} />
        <button type="button" className="button button-primary" title={t('editor.saveHint')} onClick={() => void saverRef.current?.flush('explicit')}>
          {t('editor.save')}
        </button>
        <button type="button" className="button" aria-pressed={historyOpen} onClick={onToggleHistory}>
          {t('editor.history')}
        </button>
        <button type="button" className="button button-danger" title={t('editor.deleteHint')} onClick={onTrash}>
          {t('editor.delete')}
        </button>
      </header>
      {saveState === 'error' && saveError && <p className="save-error">{t('save.failedDetail', { message: saveError })}</p>}

      <div className="editor-scroll">
        <div className="editor-paper">
          <div className="meta-grid" role="group" aria-label={t('editor.details')}>
            <Field id={`${ids}-section`} label={t('editor.section')}>
              <select
                id={`${ids}-section`}
                value={form.sectionId ?? ''}
                onChange={(e) => update('sectionId', e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('editor.noSection')}</option>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${ids}-issue`} label={t('editor.issue')}>
              <select
                id={`${ids}-issue`}
                value={form.issueId ?? ''}
                onChange={(e) => update('issueId', e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('editor.noIssue')}</option>
                {issues.map((issue) => (
                  <option key={issue.id} value={issue.id}>
                    {t('list.issue', { number: issue.number })}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${ids}-status`} label={t('editor.status')}>
              <select id={`${ids}-status`} value={form.status} onChange={(e) => update('status', e.target.value as ArticleStatus)}>
                {ARTICLE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${ids}-byline`} label={t('editor.byline')}>
              <input id={`${ids}-byline`} type="text" value={form.byline} lang="vi" onPaste={pasteNormalized} onChange={(e) => update('byline', e.target.value)} />
            </Field>
            <Field id={`${ids}-source`} label={t('editor.sourcePrefix')}>
              <input id={`${ids}-source`} type="text" value={form.sourcePrefix} lang="vi" onPaste={pasteNormalized} onChange={(e) => update('sourcePrefix', e.target.value)} />
            </Field>
          </div>

          <Field id={`${ids}-kicker`} label={t('editor.kicker')} bare>
            <input
              id={`${ids}-kicker`}
              className="input-kicker"
              type="text"
              value={form.kicker}
              lang="vi"
              onPaste={pasteNormalized}
              onChange={(e) => update('kicker', e.target.value)}
            />
          </Field>
          <Field
            id={`${ids}-title`}
            label={t('editor.title')}
            bare
            extra={
              <span className="field-count" id={`${ids}-title-count`}>
                {t('editor.titleLength', { count: form.title.length, max: titleMax })}
              </span>
            }
          >
            <textarea
              id={`${ids}-title`}
              aria-describedby={`${ids}-title-count`}
              className="input-title"
              rows={1}
              value={form.title}
              maxLength={titleMax}
              lang="vi"
              autoFocus={autoFocusTitle}
              onKeyDown={(e) => {
                // A title is one line; Enter moves on to the sapo instead.
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  sapoRef.current?.focus();
                }
              }}
              onPaste={pasteNormalized}
              onChange={(e) => update('title', e.target.value.includes('\n') ? e.target.value.replace(/\s*\n\s*/g, ' ') : e.target.value)}
            />
          </Field>
          <Field id={`${ids}-sapo`} label={t('editor.sapo')} bare>
            <textarea
              id={`${ids}-sapo`}
              ref={sapoRef}
              className="input-sapo"
              rows={3}
              value={form.sapo}
              lang="vi"
              onPaste={pasteNormalized}
              onChange={(e) => update('sapo', e.target.value)}
            />
          </Field>
          <Field
            id={`${ids}-tags`}
            label={t('editor.tags')}
            bare
            extra={
              <span className="field-hint" id={`${ids}-tags-hint`}>
                {t('editor.tagsHint')}
              </span>
            }
          >
            <input
              id={`${ids}-tags`}
              aria-describedby={`${ids}-tags-hint`}
              type="text"
              value={form.tagsText}
              lang="vi"
              onPaste={pasteNormalized}
              onChange={(e) => update('tagsText', e.target.value)}
            />
          </Field>
          <div className="body-block">
            <BodyToolbar editor={editor} articleId={article.id} onError={setBodyError} />
            {bodyError && (
              <p className="inline-error" role="alert">
                {bodyError}
              </p>
            )}
            {figure && <FigurePanel key={`${figure.asset}:${figure.pos}`} editor={editor} figure={figure} />}
            <EditorContent editor={editor} className="body-frame" />
            <BodyStats editor={editor} layout={printLayout} />
          </div>
        </div>
      </div>
    </section>
  );
}
