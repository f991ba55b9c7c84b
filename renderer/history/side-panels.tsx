import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { bodyToText } from '../../shared/article-body.js';
import type { BodyFindings } from '../editor/proofing-marks.js';
import { useTranslation } from 'react-i18next';
import type { ArticleFields, Article, RevisionSummary } from '../../shared/model/article.js';
import type { ProofFinding } from '../../shared/proofing/proofing-rules.js';
import { useApi } from '../api/api-context.js';
import { NotesPanel } from '../notes/notes-panel.js';
import { PreviewPanel } from '../preview/preview-panel.js';
import { fieldsWithFixes } from '../proofing/apply-fix.js';
import { proofCounts, ProofingPanel } from '../proofing/proofing-panel.js';
import { useProofing } from '../proofing/use-proofing.js';
import { PublishingPanel } from '../publishing/publishing-panel.js';
import { HistoryPanel } from './history-panel.js';

export const SIDE_TABS = ['proofing', 'notes', 'history', 'preview', 'publishing'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** Changes the stored article outside the editor; the workspace reloads the editor afterwards. */
export type ArticleEdit = (edit: (article: Article) => Promise<Partial<ArticleFields> | null>) => Promise<void>;

interface SidePanelsProps {
  articleId: number;
  /** null: folded to a strip of tabs. */
  tab: SideTab | null;
  onTab: (tab: SideTab | null) => void;
  historyRefreshKey: number;
  onRestore: (revision: RevisionSummary) => void;
  onEdit: ArticleEdit;
  /** Told after each proofing, so the editor can underline the body's findings. */
  onProofed: (body: BodyFindings) => void;
}

/** The tools beside the open article: proofing, workflow and notes, history, web preview, publishing. */
export function SidePanels({ articleId, tab, onTab, historyRefreshKey, onRestore, onEdit, onProofed }: SidePanelsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const proofing = useProofing(articleId);
  const counts = proofCounts(proofing.findings);
  const onProofedRef = useRef(onProofed);
  useEffect(() => {
    onProofedRef.current = onProofed;
  });
  useEffect(() => {
    if (proofing.findings && proofing.body) onProofedRef.current({ bodyText: bodyToText(proofing.body), findings: proofing.findings });
  }, [proofing.findings, proofing.body]);

  const fix = async (wanted: ProofFinding[]) => {
    await onEdit(async (article) => fieldsWithFixes(article, wanted, await api.call('articles.proof', { id: articleId })));
    await proofing.run();
  };

  const label = (name: SideTab) =>
    name === 'proofing' ? (
      <>
        {t('proofing.tab')}
        {counts.errors > 0 && (
          <span className="tab-count count-error" title={t('proofing.errors', { count: counts.errors })}>
            {counts.errors}
            <span className="visually-hidden"> {t('proofing.errors', { count: counts.errors })}</span>
          </span>
        )}
        {counts.warnings > 0 && (
          <span className="tab-count count-warning" title={t('proofing.warnings', { count: counts.warnings })}>
            {counts.warnings}
            <span className="visually-hidden"> {t('proofing.warnings', { count: counts.warnings })}</span>
          </span>
        )}
      </>
    ) : (
      t(`${name}.tab`)
    );

  /**
   * The tab list is one stop for Tab; arrows, Home and End move between its tabs, as screen readers
   * announce for role="tablist". Enter or Space opens the tab, so passing one loads nothing.
   */
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = tabs.indexOf(event.target as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (at < 0 || next === undefined) return;
    event.preventDefault();
    tabs[(next + tabs.length) % tabs.length]?.focus();
  };

  return (
    <aside className={`side-panels${tab ? '' : ' is-folded'}`} aria-label={t('history.panels')}>
      <div className="side-tabs-row">
        <div className="side-tabs" role="tablist" aria-label={t('history.panels')} aria-orientation={tab ? 'horizontal' : 'vertical'} onKeyDown={moveFocus}>
          {SIDE_TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${ids}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={tab === name ? `${ids}-panel` : undefined}
              tabIndex={name === (tab ?? SIDE_TABS[0]) ? 0 : -1}
              className="side-tab"
              onClick={() => onTab(name)}
            >
              {label(name)}
            </button>
          ))}
        </div>
        {tab && (
          <button type="button" className="button button-icon" aria-label={t('history.foldPanels')} title={t('history.foldPanels')} onClick={() => onTab(null)}>
            <span aria-hidden="true">»</span>
          </button>
        )}
      </div>
      {tab && (
        <div className="side-panel-body" role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${tab}`}>
          {tab === 'proofing' && <ProofingPanel proofing={proofing} onFix={fix} />}
          {tab === 'notes' && <NotesPanel articleId={articleId} />}
          {tab === 'history' && <HistoryPanel articleId={articleId} refreshKey={historyRefreshKey} onRestore={onRestore} />}
          {tab === 'preview' && <PreviewPanel articleId={articleId} />}
          {tab === 'publishing' && <PublishingPanel articleId={articleId} onEdit={onEdit} />}
        </div>
      )}
    </aside>
  );
}
