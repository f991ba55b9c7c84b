import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/model/article.js';
import type { PageSlot, PreflightFinding, PrintIssueDetail } from '../../shared/model/print-issue.js';
import type { Section } from '../../shared/model/workspace.js';
import type { ArticleStyle } from '../../shared/print/flatplan.js';
import { useApi } from '../api/api-context.js';
import { ArticleTray } from './article-tray.js';
import { useDragBus } from './drag-bus.js';
import { ExportDialog } from './export-dialog.js';
import { FlatplanView } from './flatplan-view.js';
import { IssueFormDialog, monthYearOf } from './issue-form-dialog.js';
import { indexIssue } from './page-content.js';
import { PageInspector } from './page-inspector.js';
import { PageView } from './page-view.js';
import { PreflightPanel } from './preflight-panel.js';
import { errorMessage, usePrintIssue } from './use-print-issue.js';
import type { PrintCommand } from './print-workspace.js';

interface IssueDeskProps {
  issueId: number;
  /** The detail a create call just returned, shown before the first load finishes. */
  initial: PrintIssueDetail | null;
  /** The issue picker and the workspace-wide buttons, placed at the start of the toolbar. */
  toolbarStart: ReactNode;
  sections: Section[];
  /** Bumped when the print settings were saved: the pages are laid out again. */
  settingsVersion: number;
  onIssueChanged(detail: PrintIssueDetail): void;
  onOpenArticle(articleId: number): void;
  /** From the menu: run the preflight or open the export dialog once. */
  command?: PrintCommand | null;
  onCommandDone?(): void;
}

type Center = 'flatplan' | 'pages';
type Side = 'articles' | 'preflight';

/** One issue on the layout desk: its articles, the flatplan or the pages, and the selected page's details. */
export function IssueDesk({ issueId, initial, toolbarStart, sections, settingsVersion, onIssueChanged, onOpenArticle, command = null, onCommandDone }: IssueDeskProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const issue = usePrintIssue(issueId, initial);
  const { detail, layout, apply, relayout } = issue;
  const drag = useDragBus();
  const [page, setPage] = useState(1);
  const [center, setCenter] = useState<Center>('flatplan');
  const [side, setSide] = useState<Side>('articles');
  const [style, setStyle] = useState<ArticleStyle>('standard');
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [trayVersion, setTrayVersion] = useState(0);
  const [findings, setFindings] = useState<PreflightFinding[] | null>(null);
  const [preflightBusy, setPreflightBusy] = useState(false);
  const [preflightError, setPreflightError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'export' | null>(null);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const index = useMemo(() => (detail ? indexIssue(detail, layout) : null), [detail, layout]);
  const pageCount = detail?.flatplan.pages.length ?? 0;
  const current = Math.min(Math.max(1, page), Math.max(1, pageCount));

  useEffect(() => {
    const bump = () => setTrayVersion((n) => n + 1);
    const offArticles = api.on('articles.changed', bump);
    const offPrint = api.on('print.changed', (p) => p.issueId === issueId && bump());
    return () => {
      offArticles();
      offPrint();
    };
  }, [api, issueId]);

  const laidOutWith = useRef(settingsVersion);
  useEffect(() => {
    if (laidOutWith.current === settingsVersion) return;
    laidOutWith.current = settingsVersion;
    relayout();
  }, [settingsVersion, relayout]);

  const run = async (work: () => Promise<PrintIssueDetail>, done?: (d: PrintIssueDetail) => string): Promise<boolean> => {
    setActionError(null);
    setNotice('');
    setBusy(true);
    try {
      const next = await work();
      apply(next);
      if (done) setNotice(done(next));
      return true;
    } catch (e) {
      setActionError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const titleOf = useCallback(
    (articleId: number) => articles.find((a) => a.id === articleId)?.title || detail?.placed.find((p) => p.articleId === articleId)?.title || `#${articleId}`,
    [articles, detail],
  );

  const move = (from: number, count: number, to: number) => {
    void run(
      () => api.call('print.flatplan.move', { issueId, from, count, to }),
      () => {
        // The selection follows the page it was on.
        if (current >= from && current < from + count) setPage(to + (current - from));
        return count > 1 ? t('print.notice.movedPages', { from, last: from + count - 1, to }) : t('print.notice.moved', { from, to });
      },
    );
  };
  const place = (articleId: number, startPage: number) => {
    setPage(startPage);
    void run(
      () => api.call('print.flatplan.place', { issueId, articleId, startPage, style }),
      (d) => {
        const placed = d.placed.find((p) => p.articleId === articleId);
        return t('print.notice.placed', { title: titleOf(articleId), from: placed?.firstPage ?? startPage, to: placed?.lastPage ?? startPage });
      },
    );
  };
  const remove = (articleId: number) =>
    void run(() => api.call('print.flatplan.remove', { issueId, articleId }), () => t('print.notice.removed', { title: titleOf(articleId) }));
  const savePages = (pages: PageSlot[]) => run(() => api.call('print.flatplan.save', { issueId, pages }), () => t('print.notice.saved'));

  const autoPlace = async () => {
    setActionError(null);
    setNotice('');
    setBusy(true);
    try {
      const result = await api.call('print.flatplan.autoPlace', { issueId });
      apply(result.detail);
      setUnplaced(result.unplaced.map(titleOf));
      setNotice(t('print.notice.autoPlaced', { count: result.placed.length }));
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const preflight = async () => {
    setSide('preflight');
    setPreflightBusy(true);
    setPreflightError(null);
    try {
      setFindings(await api.call('print.preflight', { issueId }));
    } catch (e) {
      setPreflightError(errorMessage(e));
    } finally {
      setPreflightBusy(false);
    }
  };

  const showPage = (target: number) => {
    setPage(target);
    setCenter('pages');
  };

  // A menu command arrives like an outside event: carried out once, with this render's actions.
  const runCommand = (which: PrintCommand) => {
    if (which === 'export') setDialog('export');
    else void preflight();
    onCommandDone?.();
  };
  const latestRun = useRef(runCommand);
  useEffect(() => {
    latestRun.current = runCommand;
  });
  useEffect(() => {
    if (command) latestRun.current(command);
  }, [command]);

  const unplacedArticles = useMemo(() => articles.filter((a) => !index?.placed.has(a.id)), [articles, index]);

  if (!detail || !index) {
    return (
      <div className="print-workspace">
        <div className="print-bar">{toolbarStart}</div>
        {issue.error ? (
          <p className="inline-error" role="alert">
            {issue.error}
          </p>
        ) : (
          <p className="list-empty">{t('print.loading')}</p>
        )}
      </div>
    );
  }

  return (
    <div className="print-workspace">
      <div className="print-bar">
        {toolbarStart}
        <button type="button" className="button" onClick={() => setDialog('edit')}>
          {t('print.issue.edit')}
        </button>
        <span className="print-bar-separator" aria-hidden="true" />
        <button type="button" className="button" disabled={busy} onClick={() => void autoPlace()}>
          {t('print.autoPlace')}
        </button>
        <button type="button" className="button" disabled={preflightBusy} onClick={() => void preflight()}>
          {t('print.preflight.run')}
        </button>
        <button type="button" className="button button-primary" onClick={() => setDialog('export')}>
          {t('print.export.open')}
        </button>
        <span className="topbar-spacer" />
        <span className="print-busy-slot" role="status">
          {issue.layoutBusy && <span className="print-busy">{t('print.view.busy')}</span>}
        </span>
        <p className="notice" role="status">
          {notice}
        </p>
      </div>

      {(detail.warnings.length > 0 || unplaced.length > 0 || actionError || issue.layoutError) && (
        <div className="print-banners">
          {actionError && (
            <p className="inline-error" role="alert">
              {actionError}
            </p>
          )}
          {issue.layoutError && (
            <p className="inline-error" role="alert">
              {t('print.view.failed', { message: issue.layoutError })}
            </p>
          )}
          {detail.warnings.length > 0 && (
            <div className="print-warning" role="status">
              <strong>{t('print.warnings')}</strong>
              <ul aria-label={t('print.warnings')}>
                {detail.warnings.map((w) => (
                  <li key={w} lang="vi">
                    {w}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {unplaced.length > 0 && (
            <div className="print-warning">
              <strong>{t('print.unplaced', { count: unplaced.length })}</strong>
              <ul aria-label={t('print.unplacedList')}>
                {unplaced.map((title, i) => (
                  <li key={`${title}:${i}`} lang="vi">
                    {title}
                  </li>
                ))}
              </ul>
              <button type="button" className="button button-small button-quiet" onClick={() => setUnplaced([])}>
                {t('print.dismiss')}
              </button>
            </div>
          )}
        </div>
      )}

      <div className="print-body">
        <aside className="print-side" aria-label={t('print.sideLabel')}>
          <div className="print-switch" role="group" aria-label={t('print.sideSwitch')}>
            <button type="button" className="button button-small" aria-pressed={side === 'articles'} onClick={() => setSide('articles')}>
              {t('print.tray.tab')}
            </button>
            <button type="button" className="button button-small" aria-pressed={side === 'preflight'} onClick={() => setSide('preflight')}>
              {t('print.preflight.tab')}
              {findings && findings.some((f) => f.severity === 'error') && (
                <span className="tab-count count-error">{findings.filter((f) => f.severity === 'error').length}</span>
              )}
            </button>
          </div>
          {side === 'articles' ? (
            <ArticleTray
              detail={detail}
              index={index}
              style={style}
              onStyle={setStyle}
              drag={drag}
              refreshKey={trayVersion}
              onArticles={setArticles}
              onPlace={place}
              onRemove={remove}
              onShow={(p) => setPage(p)}
              onOpenArticle={onOpenArticle}
            />
          ) : (
            <PreflightPanel findings={findings} running={preflightBusy} error={preflightError} onRun={() => void preflight()} onJump={showPage} />
          )}
        </aside>

        <section className="print-center" aria-labelledby={`${ids}-center`}>
          <h2 id={`${ids}-center`} className="visually-hidden">
            {t('print.issue.option', { number: detail.issue.number, ...monthYearOf(detail.issue.publishDate) })}
          </h2>
          <div className="print-switch" role="group" aria-label={t('print.centerLabel')}>
            <button type="button" className="button button-small" aria-pressed={center === 'flatplan'} onClick={() => setCenter('flatplan')}>
              {t('print.flatplan.tab')}
            </button>
            <button type="button" className="button button-small" aria-pressed={center === 'pages'} onClick={() => setCenter('pages')}>
              {t('print.view.tab')}
            </button>
          </div>
          {center === 'flatplan' ? (
            <FlatplanView
              detail={detail}
              layout={layout}
              index={index}
              selected={current}
              drag={drag}
              onSelect={setPage}
              onOpenPage={showPage}
              onMove={move}
              onPlace={place}
            />
          ) : (
            <PageView
              detail={detail}
              layout={layout}
              layoutBusy={issue.layoutBusy}
              layoutError={issue.layoutError}
              index={index}
              page={current}
              onPage={setPage}
              onOpenArticle={onOpenArticle}
            />
          )}
        </section>

        <aside className="print-inspector" aria-label={t('print.inspector.label')}>
          <PageInspector
            detail={detail}
            index={index}
            page={current}
            sections={sections}
            unplaced={unplacedArticles}
            onSavePages={savePages}
            onMove={move}
            onPlace={place}
            onRemove={remove}
            onCopyfit={(d, fit) => {
              apply(d);
              if (fit) issue.applyFit(fit);
            }}
            onShowPage={showPage}
            onOpenArticle={onOpenArticle}
          />
        </aside>
      </div>

      {dialog === 'edit' && (
        <IssueFormDialog
          issue={detail.issue}
          issues={[]}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            apply(d);
            onIssueChanged(d);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'export' && <ExportDialog issueId={issueId} onPreflight={setFindings} onJump={showPage} onClose={() => setDialog(null)} />}
    </div>
  );
}
