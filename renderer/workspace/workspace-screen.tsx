import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/contract.js';
import type { Article, ArticleFields, ArticleSummary, RevisionSummary } from '../../shared/model/article.js';
import type { PrintIssue, Section } from '../../shared/model/workspace.js';
import { useApi } from '../api/api-context.js';
import { ArticleEditor, type EditorHandle } from '../editor/article-editor.js';
import type { BodyFindings } from '../editor/proofing-marks.js';
import { SidePanels, type SideTab } from '../history/side-panels.js';
import { LanguageSwitch } from '../i18n/language-switch.js';
import { PrintWorkspace, type PrintCommand } from '../print/print-workspace.js';
import { AppShell } from '../app-shell/app-shell.js';
import { BackupsButton } from '../recovery/backups-dialog.js';
import { TrashList } from '../trash/trash-list.js';
import { ArticleRow } from './article-row.js';
import { formatDateTime } from './format.js';
import { HighlightedText } from './highlighted-text.js';
import { DEFAULT_FILTERS, ListControls, type ListFilters } from './list-controls.js';
import { useDebouncedValue } from './use-debounced-value.js';

interface OpenArticle {
  article: Article;
  /** Bumped to remount the editor with content from the store (opening, restoring). */
  generation: number;
  focusTitle: boolean;
}

type ListResult = { items: ArticleSummary[]; total: number };
type SearchResult = { query: string; items: SearchHit[]; total: number };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The workstation: article list (or trash) on the left, the open article in the middle, and its
 * tools on the right (proofing, notes, history, web preview).
 */
export function WorkspaceScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [sections, setSections] = useState<Section[]>([]);
  const [issues, setIssues] = useState<PrintIssue[]>([]);
  const [publication, setPublication] = useState('');
  const [view, setView] = useState<'articles' | 'trash' | 'print'>('articles');
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  const [list, setList] = useState<ListResult | null>(null);
  const [trash, setTrash] = useState<ArticleSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query.trim(), 200);
  const [search, setSearch] = useState<SearchResult | null>(null);
  const [refreshTick, setRefreshTick] = useState(0);
  const [open, setOpen] = useState<OpenArticle | null>(null);
  const [proofFindings, setProofFindingsFor] = useState<{ articleId: number; body: BodyFindings } | null>(null);
  const openId = open?.article.id;
  const setProofFindings = useCallback(
    (body: BodyFindings) => {
      if (openId !== undefined) setProofFindingsFor({ articleId: openId, body });
    },
    [openId],
  );
  const [sideTab, setSideTab] = useState<SideTab | null>(null);
  const [notice, setNotice] = useState('');
  const [printCommand, setPrintCommand] = useState<PrintCommand | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editorHandle = useRef<EditorHandle>(null);
  const generation = useRef(0);

  const refresh = useCallback(() => setRefreshTick((n) => n + 1), []);

  useEffect(() => {
    Promise.all([api.call('sections.list', {}), api.call('issues.list', {}), api.call('profile.get', {})]).then(
      ([s, i, profile]) => {
        setSections(s);
        setIssues(i);
        setPublication(profile.name);
      },
      (e: unknown) => setError(t('app.loadFailed', { message: message(e) })),
    );
  }, [api, t]);

  const reloadIssues = useCallback(() => {
    api.call('issues.list', {}).then(setIssues, (e: unknown) => setError(message(e)));
  }, [api]);

  // Other windows, the CLI and our own saves all announce changes; coalesce bursts of them.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    };
    const offChanged = api.on('articles.changed', soon);
    const offSaved = api.on('article.saved', soon);
    return () => {
      if (timer) clearTimeout(timer);
      offChanged();
      offSaved();
    };
  }, [api, refresh]);

  useEffect(() => {
    let live = true;
    const { status, sectionId, issueId, sort, order } = filters;
    api
      .call('articles.list', {
        sort,
        order,
        limit: 500,
        ...(status ? { status } : {}),
        ...(sectionId ? { sectionId } : {}),
        ...(issueId ? { issueId } : {}),
      })
      .then(
        (result) => live && setList(result),
        (e: unknown) => live && setError(t('app.loadFailed', { message: message(e) })),
      );
    return () => {
      live = false;
    };
  }, [api, filters, refreshTick, t]);

  useEffect(() => {
    if (view !== 'trash') return;
    let live = true;
    api.call('articles.list', { trash: true, limit: 500 }).then(
      (result) => live && setTrash(result.items),
      (e: unknown) => live && setError(t('app.loadFailed', { message: message(e) })),
    );
    return () => {
      live = false;
    };
  }, [api, view, refreshTick, t]);

  useEffect(() => {
    if (!settledQuery) return;
    let live = true;
    const { status, sectionId, issueId } = filters;
    api
      .call('articles.search', {
        query: settledQuery,
        limit: 100,
        ...(status ? { status } : {}),
        ...(sectionId ? { sectionId } : {}),
        ...(issueId ? { issueId } : {}),
      })
      .then(
        (result) => live && setSearch({ query: settledQuery, ...result }),
        (e: unknown) => live && setError(message(e)),
      );
    return () => {
      live = false;
    };
  }, [api, settledQuery, filters, refreshTick]);

  const issueNumbers = useMemo(() => new Map(issues.map((issue) => [issue.id, issue.number])), [issues]);
  const issueOf = (summary: ArticleSummary) => (summary.issueId === null ? null : (issueNumbers.get(summary.issueId) ?? null));

  /** Saves and retires the open editor; false (and an error shown) if its text could not be saved. */
  const leaveEditor = async (): Promise<boolean> => {
    const ok = (await editorHandle.current?.close()) ?? true;
    if (!ok) setError(t('save.failedDetail', { message: t('save.failed') }));
    return ok;
  };

  const show = (article: Article, focusTitle = false) => {
    generation.current += 1;
    setOpen({ article, generation: generation.current, focusTitle });
  };

  /** After a failed action the old editor is retired; load the article again so typing still saves. */
  const reopen = async (id: number) => {
    try {
      show(await api.call('articles.get', { id }));
    } catch (e) {
      setOpen(null);
      setError(message(e));
    }
  };

  const openArticle = async (id: number) => {
    if (open?.article.id === id) return;
    setError(null);
    try {
      const article = await api.call('articles.get', { id });
      if (!(await leaveEditor())) return;
      show(article);
    } catch (e) {
      setError(message(e));
    }
  };

  const createArticle = async () => {
    setError(null);
    const previous = open?.article.id;
    if (!(await leaveEditor())) return;
    try {
      const article = await api.call('articles.create', {});
      setView('articles');
      show(article, true);
      refresh();
    } catch (e) {
      setError(message(e));
      if (previous) await reopen(previous);
    }
  };

  const trashOpen = async () => {
    if (!open) return;
    const { id, title } = open.article;
    if (!(await leaveEditor())) return;
    try {
      const summary = await api.call('articles.trash', { id });
      setOpen(null);
      setNotice(t('trash.moved', { title: summary.title || title || t('list.untitled') }));
      refresh();
    } catch (e) {
      setError(message(e));
      await reopen(id);
    }
  };

  const restoreFromTrash = async (article: ArticleSummary) => {
    try {
      const summary = await api.call('articles.restore', { id: article.id });
      setNotice(t('trash.restored', { title: summary.title || t('list.untitled') }));
      refresh();
    } catch (e) {
      setError(message(e));
    }
  };

  const restoreRevision = async (revision: RevisionSummary) => {
    if (!open) return;
    const id = open.article.id;
    if (!(await leaveEditor())) return;
    try {
      const article = await api.call('revisions.restore', { id: revision.id });
      show(article);
      setNotice(t('history.restored', { time: formatDateTime(revision.createdAt, i18n.language) }));
      refresh();
    } catch (e) {
      setError(message(e));
      await reopen(id);
    }
  };

  /**
   * Changes the stored article from outside the editor (proofing fixes, taking the web version): the editor saves and retires
   * first, then reloads from the store exactly as after restoring a revision.
   */
  const editArticle = async (edit: (article: Article) => Promise<Partial<ArticleFields> | null>) => {
    if (!open) return;
    const id = open.article.id;
    if (!(await leaveEditor())) return;
    try {
      const current = await api.call('articles.get', { id });
      const fields = await edit(current);
      if (fields) await api.call('articles.save', { id, fields, reason: 'explicit' });
      // Re-read even without fields: the edit may have changed the article through a call of its own (publish.keepWeb).
      show(await api.call('articles.get', { id }));
      refresh();
    } catch (e) {
      setError(message(e));
      await reopen(id);
    }
  };

  const onSaved = useCallback((summary: ArticleSummary) => {
    setList((current) =>
      current ? { ...current, items: current.items.map((item) => (item.id === summary.id ? summary : item)) } : current,
    );
  }, []);

  const searching = query.trim().length > 0;
  // Results for an earlier query stay on screen (dimmed) until the new ones arrive, so typing does not flicker.
  const hits = searching ? search : null;
  const hitsCurrent = hits !== null && hits.query === query.trim();

  const runOnPrintDesk = (command: PrintCommand) => {
    setView('print');
    setPrintCommand(command);
  };

  return (
    <div className="app">
      <AppShell
        commands={{
          'article.new': () => void createArticle(),
          'view.articles': () => setView('articles'),
          'view.trash': () => setView('trash'),
          'print.open': () => setView('print'),
          'print.preflight': () => runOnPrintDesk('preflight'),
          'print.export': () => runOnPrintDesk('export'),
          'publish.open': () => {
            if (!open) {
              setError(t('appShell.openArticleFirst'));
              return;
            }
            setView('articles');
            setSideTab('publishing');
          },
        }}
        onImported={(id) => {
          setView('articles');
          refresh();
          void openArticle(id);
        }}
      />
      <a className="skip-link" href="#editor-area">
        {t('app.skipToEditor')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{publication || t('app.tagline')}</span>
        </div>
        <button type="button" className="button button-primary" onClick={() => void createArticle()}>
          {t('list.newArticle')}
        </button>
        <button type="button" className="button" aria-pressed={view === 'trash'} onClick={() => setView(view === 'trash' ? 'articles' : 'trash')}>
          {t('list.trash')}
        </button>
        <button type="button" className="button" aria-pressed={view === 'print'} onClick={() => setView(view === 'print' ? 'articles' : 'print')}>
          {t('print.open')}
        </button>
        <span className="topbar-spacer" />
        <p className="notice" aria-live="polite">
          {notice}
        </p>
        <BackupsButton beforeRestore={leaveEditor} />
        <LanguageSwitch />
      </header>
      {error && (
        <div className="error-banner" role="alert">
          <span>{error}</span>
          <button type="button" className="button button-quiet" onClick={() => setError(null)}>
            ×<span className="visually-hidden">OK</span>
          </button>
        </div>
      )}

      {/* Hidden rather than unmounted while laying out, so the open article keeps its editor and unsaved typing. */}
      <main
        className={`panes${!open ? '' : sideTab === null ? ' with-side-folded' : sideTab === 'preview' ? ' with-side is-wide' : ' with-side'}`}
        hidden={view === 'print'}
      >
        <nav className="list-pane" aria-label={view === 'trash' ? t('trash.title') : t('list.articles')}>
          {view === 'trash' ? (
            <>
              <div className="pane-head">
                <h2>{t('trash.title')}</h2>
                <button type="button" className="button button-quiet" onClick={() => setView('articles')}>
                  {t('list.backToList')}
                </button>
              </div>
              <TrashList items={trash} onRestore={(a) => void restoreFromTrash(a)} />
            </>
          ) : (
            <>
              <div className="pane-head search-head">
                <input
                  type="search"
                  className="search-input"
                  aria-label={t('list.search')}
                  placeholder={t('list.searchPlaceholder')}
                  value={query}
                  lang="vi"
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setQuery('');
                  }}
                />
              </div>
              <ListControls filters={filters} sections={sections} issues={issues} onChange={setFilters} />
              {searching ? (
                <>
                  <p className="list-count" aria-live="polite">
                    {!hitsCurrent || !hits
                      ? t('search.searching')
                      : hits.total === 0
                        ? t('search.none', { query: hits.query })
                        : t('search.count', { count: hits.total, query: hits.query })}
                  </p>
                  {hits && hits.items.length > 0 && (
                    <ul className={`article-list${hitsCurrent ? '' : ' is-stale'}`} aria-label={t('search.results')} aria-busy={!hitsCurrent}>
                      {hits.items.map((hit) => (
                        <ArticleRow
                          key={hit.article.id}
                          article={hit.article}
                          issueNumber={issueOf(hit.article)}
                          selected={open?.article.id === hit.article.id}
                          onOpen={(id) => void openArticle(id)}
                          title={<HighlightedText text={hit.article.title} ranges={hit.titleHighlights} />}
                          snippet={hit.snippet.text ? <HighlightedText text={hit.snippet.text} ranges={hit.snippet.highlights} /> : undefined}
                        />
                      ))}
                    </ul>
                  )}
                </>
              ) : list === null ? (
                <p className="list-empty">{t('list.loading')}</p>
              ) : list.items.length === 0 ? (
                <p className="list-empty">{filters === DEFAULT_FILTERS ? t('list.empty') : t('list.emptyFiltered')}</p>
              ) : (
                <>
                  <p className="list-count">{t('list.count', { shown: list.items.length, total: list.total })}</p>
                  <ul className="article-list" aria-label={t('list.articles')}>
                    {list.items.map((article) => (
                      <ArticleRow
                        key={article.id}
                        article={article}
                        issueNumber={issueOf(article)}
                        selected={open?.article.id === article.id}
                        onOpen={(id) => void openArticle(id)}
                      />
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </nav>

        <div className="editor-area" id="editor-area" tabIndex={-1}>
          {open ? (
            <ArticleEditor
              key={`${open.article.id}:${open.generation}`}
              article={open.article}
              sections={sections}
              issues={issues}
              autoFocusTitle={open.focusTitle}
              historyOpen={sideTab === 'history'}
              handleRef={editorHandle}
              onSaved={onSaved}
              onToggleHistory={() => setSideTab((tab) => (tab === 'history' ? null : 'history'))}
              onTrash={() => void trashOpen()}
              onOpenArticle={(id) => void openArticle(id)}
              proofFindings={proofFindings?.articleId === open.article.id ? proofFindings.body : null}
            />
          ) : (
            <div className="editor-empty">
              <p>{t('editor.placeholder')}</p>
            </div>
          )}
        </div>

        {open && (
          <SidePanels
            key={open.article.id}
            articleId={open.article.id}
            tab={sideTab}
            onTab={setSideTab}
            historyRefreshKey={open.generation * 100_000 + refreshTick}
            onRestore={(revision) => void restoreRevision(revision)}
            onEdit={editArticle}
            onProofed={setProofFindings}
          />
        )}
      </main>
      {view === 'print' && (
        <main className="print-main" aria-label={t('print.title')}>
          <PrintWorkspace
            onOpenArticle={(id) => {
              setView('articles');
              void openArticle(id);
            }}
            onIssuesChanged={reloadIssues}
            command={printCommand}
            onCommandDone={() => setPrintCommand(null)}
          />
        </main>
      )}
    </div>
  );
}
