import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageSlot, PrintIssueDetail } from '../../shared/model/print-issue.js';
import { pageSide } from '../../shared/print/flatplan.js';
import { moveTarget, type DragBus } from './drag-bus.js';
import { oversetText } from './fit-status.js';
import { PageFrame } from './page-frame.js';
import { TRIM_ONLY, PX_PER_MM } from './page-geometry.js';
import { laidOutPage, pageRun, pageWhat, type IssueIndex } from './page-content.js';
import type { IssueLayout } from './use-print-issue.js';

/** Width of a page card's thumbnail, in CSS px. */
const THUMB_WIDTH = 104;

interface FlatplanViewProps {
  detail: PrintIssueDetail;
  layout: IssueLayout | null;
  index: IssueIndex;
  selected: number | null;
  drag: DragBus;
  onSelect(page: number): void;
  /** Double-click: look at the page in the page view. */
  onOpenPage(page: number): void;
  onMove(from: number, count: number, to: number): void;
  onPlace(articleId: number, startPage: number): void;
}

/**
 * The issue as the printer folds it: page 1 alone, then spreads 2–3, 4–5 … Pages and articles
 * are dragged to new positions; the side list's articles are dropped onto a page.
 */
export function FlatplanView({ detail, layout, index, selected, drag, onSelect, onOpenPage, onMove, onPlace }: FlatplanViewProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState<number | null>(null);
  const pages = detail.flatplan.pages;
  const pageCount = pages.length;

  const dragStart = (event: DragEvent, page: number, slot: PageSlot) => {
    // A page of an article carries the whole article with it; Alt moves that page alone.
    const run = event.altKey ? { from: page, count: 1 } : pageRun(slot, page, index);
    const description =
      run.count > 1 ? t('print.flatplan.dragPages', { from: run.from, to: run.from + run.count - 1 }) : t('print.flatplan.dragPage', { page });
    drag.start({ kind: 'pages', ...run }, event, description);
  };

  const dragOver = (event: DragEvent, page: number) => {
    if (!drag.current()) return;
    event.preventDefault();
    const data = event.dataTransfer as DataTransfer | null | undefined;
    if (data) data.dropEffect = 'move';
    if (over !== page) setOver(page);
  };

  const drop = (event: DragEvent, page: number) => {
    const payload = drag.current();
    drag.end();
    setOver(null);
    if (!payload) return;
    event.preventDefault();
    if (payload.kind === 'article') {
      onPlace(payload.articleId, page);
      return;
    }
    const to = moveTarget(payload.from, payload.count, page, pageCount);
    if (to !== null) onMove(payload.from, payload.count, to);
  };

  const box = layout ? { widthMm: layout.pageWidthMm, heightMm: layout.pageHeightMm, bleedMm: layout.sheetBleedMm } : null;
  const thumbScale = box ? THUMB_WIDTH / (box.widthMm * PX_PER_MM) : 0;

  return (
    <div className="flatplan-scroll">
      <p className="flatplan-hint">{t('print.flatplan.hint')}</p>
      <ol className="flatplan" aria-label={t('print.flatplan.label')}>
        {detail.spreads.map((spread) => (
          <li
            key={spread[0]}
            className="flatplan-spread"
            aria-label={t('print.flatplan.spread', { pages: spread.join('–') })}
            data-spread={spread.join('-')}
          >
            {spread.length === 1 && pageSide(spread[0] ?? 1) === 'right' && <span className="page-card-spacer" aria-hidden="true" />}
            <ol className="flatplan-pages">
              {spread.map((page) => {
                const slot = pages[page - 1];
                if (!slot) return null;
                const laid = laidOutPage(layout, slot, page);
                const fit = slot.articleId !== null ? index.fits.get(slot.articleId) : undefined;
                const lastOfArticle = slot.articleId !== null && index.placed.get(slot.articleId)?.lastPage === page;
                const overset = lastOfArticle && fit && (fit.oversetLines > 0 || fit.oversetWords > 0);
                const first = slot.articleId !== null && index.placed.get(slot.articleId)?.firstPage === page;
                const kind = slot.kind === 'article' ? t(first ? 'print.page.opener' : 'print.page.continued') : t(`print.kind.${slot.kind}`);
                const what = pageWhat(slot, index, t);
                const overText = overset && fit ? oversetText(fit, t) : null;
                const adText = slot.kind === 'article' && slot.ad ? t(`print.adBadge.${slot.ad.size}`) : null;
                const name = [t('print.page.title', { page }), kind, what === kind ? null : what, adText, overText].filter(Boolean).join(' · ');
                return (
                  <li
                    key={page}
                    className={`page-card kind-${slot.kind} side-${pageSide(page)}${selected === page ? ' is-selected' : ''}${over === page ? ' is-drop-target' : ''}`}
                    data-page={page}
                    onDragOver={(e) => dragOver(e, page)}
                    onDragLeave={() => setOver((current) => (current === page ? null : current))}
                    onDrop={(e) => drop(e, page)}
                  >
                    <div className="page-card-thumb" aria-hidden="true">
                      {laid && box ? (
                        <PageFrame head={layout?.head ?? ''} html={laid.html} box={box} sides={TRIM_ONLY} scale={thumbScale} title={t('print.page.title', { page })} thumbnail />
                      ) : (
                        <span className="page-card-plain" />
                      )}
                    </div>
                    <button
                      type="button"
                      className="page-card-button"
                      draggable
                      aria-label={name}
                      aria-current={selected === page ? 'true' : undefined}
                      onClick={() => onSelect(page)}
                      onDoubleClick={() => onOpenPage(page)}
                      onDragStart={(e) => dragStart(e, page, slot)}
                      onDragEnd={() => {
                        drag.end();
                        setOver(null);
                      }}
                    >
                      {/* Spaces between the parts keep them words, so the visible text stays inside the button's name (WCAG 2.5.3). */}
                      <span className="page-card-number">{page}</span>{' '}
                      <span className="page-card-kind">{kind}</span>{' '}
                      {what !== kind && (
                        <span className="page-card-what" lang="vi">
                          {what}
                        </span>
                      )}{' '}
                      {adText && <span className="page-card-ad">{adText}</span>}{' '}
                      {overText && <span className="page-card-overset">{overText}</span>}
                    </button>
                  </li>
                );
              })}
            </ol>
            {spread.length === 1 && pageSide(spread[0] ?? 1) === 'left' && <span className="page-card-spacer" aria-hidden="true" />}
          </li>
        ))}
      </ol>
    </div>
  );
}
