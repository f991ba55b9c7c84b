import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintIssueDetail } from '../../shared/model/print-issue.js';
import { pageSide } from '../../shared/print/flatplan.js';
import { PageFrame } from './page-frame.js';
import { bleedSidesFor, fitScale, frameGeometry, spreadOf, stepPage, ZOOMS, type PageBox, type Zoom } from './page-geometry.js';
import { pageWhat, type IssueIndex } from './page-content.js';
import type { IssueLayout } from './use-print-issue.js';

/** Room kept around the pages inside the stage, in CSS px. */
const STAGE_PADDING = 32;

interface PageViewProps {
  detail: PrintIssueDetail;
  layout: IssueLayout | null;
  layoutBusy: boolean;
  layoutError: string | null;
  index: IssueIndex;
  page: number;
  onPage(page: number): void;
  onOpenArticle(articleId: number): void;
}

/** The stage's size, so "fit page" follows the window. */
function useElementSize(ref: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * The pages as they print: one page or a spread at a time, zoomed like InDesign, with the bleed
 * cropped unless asked for. The pages follow edits; while a new layout is made the old one stays.
 */
export function PageView({ detail, layout, layoutBusy, layoutError, index, page, onPage, onOpenArticle }: PageViewProps) {
  const { t } = useTranslation();
  const ids = useId();
  const stage = useRef<HTMLDivElement>(null);
  const size = useElementSize(stage);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [spread, setSpread] = useState(false);
  const [showBleed, setShowBleed] = useState(false);
  const [goTo, setGoTo] = useState('');
  const pageCount = detail.flatplan.pages.length;
  const shown = spread ? spreadOf(detail.spreads, page) : [page];
  const slot = detail.flatplan.pages[page - 1];

  const previous = stepPage(detail.spreads, page, -1, spread, pageCount);
  const next = stepPage(detail.spreads, page, 1, spread, pageCount);
  const step = (direction: 1 | -1) => onPage(direction === 1 ? next : previous);
  const submitGoTo = (event: FormEvent) => {
    event.preventDefault();
    const target = Number(goTo);
    if (Number.isInteger(target) && target >= 1 && target <= pageCount) {
      onPage(target);
      setGoTo('');
    }
  };
  const keys = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowLeft: () => step(-1),
      PageUp: () => step(-1),
      ArrowRight: () => step(1),
      PageDown: () => step(1),
      Home: () => onPage(1),
      End: () => onPage(pageCount),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  const box: PageBox | null = layout ? { widthMm: layout.pageWidthMm, heightMm: layout.pageHeightMm, bleedMm: layout.sheetBleedMm } : null;
  const inSpread = spread;
  // A page alone in spread view keeps its side: page 1 on the right, a last even page on the left.
  const lone = inSpread && shown.length === 1 ? pageSide(shown[0] ?? 1) : null;
  const geometries = box ? shown.map((n) => frameGeometry(box, bleedSidesFor(n, inSpread, showBleed))) : [];
  const contentWidth = geometries.reduce((sum, g) => sum + g.visibleWidth, 0) + (lone && geometries[0] ? geometries[0].trimWidth : 0);
  const contentHeight = Math.max(0, ...geometries.map((g) => g.visibleHeight));
  const scale =
    zoom === 'fit' ? fitScale(size.width - STAGE_PADDING, size.height - STAGE_PADDING, contentWidth, contentHeight) : zoom / 100;

  const article = slot?.kind === 'article' && slot.articleId !== null ? index.placed.get(slot.articleId) : undefined;

  return (
    <section className="page-view" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="visually-hidden">
        {t('print.view.label')}
      </h2>
      <div className="page-view-bar">
        <div className="page-view-nav" role="group" aria-label={t('print.view.navigation')}>
          <button type="button" className="button button-small button-icon" aria-label={t('print.view.previous')} disabled={previous === page} onClick={() => step(-1)}>
            ‹
          </button>
          <span className="page-view-where" aria-live="polite">
            {t('print.view.where', { page, count: pageCount })}
          </span>
          <button type="button" className="button button-small button-icon" aria-label={t('print.view.next')} disabled={next === page} onClick={() => step(1)}>
            ›
          </button>
        </div>
        <form className="page-view-goto" onSubmit={submitGoTo}>
          <label>
            <span className="visually-hidden">{t('print.view.goToLabel')}</span>
            <input type="number" min={1} max={pageCount} value={goTo} placeholder={t('print.view.goToPlaceholder')} onChange={(e) => setGoTo(e.target.value)} />
          </label>
          <button type="submit" className="button button-small">
            {t('print.view.goTo')}
          </button>
        </form>
        <div className="page-view-mode" role="group" aria-label={t('print.view.mode')}>
          <button type="button" className="button button-small" aria-pressed={!spread} onClick={() => setSpread(false)}>
            {t('print.view.single')}
          </button>
          <button type="button" className="button button-small" aria-pressed={spread} onClick={() => setSpread(true)}>
            {t('print.view.spread')}
          </button>
        </div>
        <label className="page-view-zoom">
          <span>{t('print.view.zoom')}</span>
          <select value={String(zoom)} onChange={(e) => setZoom(e.target.value === 'fit' ? 'fit' : (Number(e.target.value) as Zoom))}>
            {ZOOMS.map((z) => (
              <option key={z} value={String(z)}>
                {z === 'fit' ? t('print.view.fit') : `${z} %`}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={showBleed} onChange={(e) => setShowBleed(e.target.checked)} />
          {t('print.view.showBleed')}
        </label>
      </div>
      <div
        ref={stage}
        className={`page-view-stage${layoutBusy ? ' is-busy' : ''}`}
        role="region"
        tabIndex={0}
        aria-label={t('print.view.stage')}
        aria-busy={layoutBusy}
        onKeyDown={keys}
      >
        {!layout || !box ? (
          <p className="list-empty">{layoutError ? t('print.view.none') : t('print.view.busy')}</p>
        ) : (
          <div className="page-view-pages">
            {lone === 'right' && <span className="page-view-spacer" style={{ width: (geometries[0]?.trimWidth ?? 0) * scale }} aria-hidden="true" />}
            {shown.map((n, i) => {
              const laid = layout.pages.find((p) => p.page === n);
              const g = geometries[i];
              const pageSlot = detail.flatplan.pages[n - 1];
              const what = pageSlot ? pageWhat(pageSlot, index, t) : '';
              return (
                <div key={n} className={`page-view-page${n === page ? ' is-current' : ''}`}>
                  {laid ? (
                    <PageFrame head={layout.head} html={laid.html} box={box} sides={bleedSidesFor(n, inSpread, showBleed)} scale={scale} title={t('print.page.title', { page: n })} />
                  ) : (
                    <div className="page-view-missing" style={{ width: (g?.visibleWidth ?? 0) * scale, height: (g?.visibleHeight ?? 0) * scale }}>
                      {t('print.view.notLaidOut')}
                    </div>
                  )}
                  <button
                    type="button"
                    className="page-view-pick"
                    aria-label={t('print.view.pick', { page: n, what })}
                    aria-pressed={n === page}
                    onClick={() => onPage(n)}
                  />
                </div>
              );
            })}
            {lone === 'left' && <span className="page-view-spacer" style={{ width: (geometries[0]?.trimWidth ?? 0) * scale }} aria-hidden="true" />}
          </div>
        )}
      </div>
      <div className="page-view-info">
        <span lang="vi">
          {t('print.view.current', { page, what: slot ? pageWhat(slot, index, t) : '' })}
        </span>
        {article && (
          <button type="button" className="button button-small button-primary" onClick={() => onOpenArticle(article.articleId)}>
            {t('print.editArticle')}
          </button>
        )}
      </div>
    </section>
  );
}
