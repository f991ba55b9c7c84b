import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleFit, CallOutput } from '../../shared/contract.js';
import type { PrintIssueDetail } from '../../shared/model/print-issue.js';
import { useApi } from '../api/api-context.js';

export type IssueLayout = CallOutput<'print.layout'>;

/** Edits arrive in bursts (autosave, several drags); the pages follow at a calmer pace. */
export const LAYOUT_DELAY_MS = 1000;
const DETAIL_DELAY_MS = 250;

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface PrintIssueState {
  detail: PrintIssueDetail | null;
  /** The last finished layout; kept on screen while a newer one is made. */
  layout: IssueLayout | null;
  /** A layout is waiting for its delay or being made. */
  layoutBusy: boolean;
  error: string | null;
  layoutError: string | null;
  /** Shows a detail a call returned and lays the pages out again soon. */
  apply(detail: PrintIssueDetail): void;
  /** Replaces one article's fit (copyfit answers with it before the pages are laid out again). */
  applyFit(fit: ArticleFit): void;
  /** Lays the pages out again now (after the print settings changed). */
  relayout(): void;
}

/**
 * One print issue as the layout artist sees it: its flatplan and its laid-out pages, kept current
 * with `print.changed` (this window, other windows, the CLI) and `articles.changed` (edits to the text).
 */
export function usePrintIssue(issueId: number, initial: PrintIssueDetail | null = null): PrintIssueState {
  const api = useApi();
  const [detail, setDetail] = useState<PrintIssueDetail | null>(initial);
  const [layout, setLayout] = useState<IssueLayout | null>(null);
  const [layoutBusy, setLayoutBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const detailSeq = useRef(0);
  const layoutSeq = useRef(0);
  const layoutTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const detailTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(false);

  const loadDetail = useCallback(() => {
    const seq = ++detailSeq.current;
    api.call('print.issue.get', { issueId }).then(
      (d) => {
        if (!live.current || seq !== detailSeq.current) return;
        setDetail(d);
        setError(null);
      },
      (e: unknown) => live.current && seq === detailSeq.current && setError(errorMessage(e)),
    );
  }, [api, issueId]);

  const loadLayout = useCallback(() => {
    const seq = ++layoutSeq.current;
    api.call('print.layout', { issueId, resourceBase: api.printBaseUrl() }).then(
      (result) => {
        if (!live.current || seq !== layoutSeq.current) return;
        setLayout(result);
        setLayoutError(null);
        if (!layoutTimer.current) setLayoutBusy(false);
      },
      (e: unknown) => {
        if (!live.current || seq !== layoutSeq.current) return;
        setLayoutError(errorMessage(e));
        if (!layoutTimer.current) setLayoutBusy(false);
      },
    );
  }, [api, issueId]);

  const scheduleLayout = useCallback(
    (delay: number) => {
      if (layoutTimer.current) clearTimeout(layoutTimer.current);
      setLayoutBusy(true);
      layoutTimer.current = setTimeout(() => {
        layoutTimer.current = null;
        loadLayout();
      }, delay);
    },
    [loadLayout],
  );

  useEffect(() => {
    live.current = true;
    loadDetail();
    loadLayout();
    const soon = () => {
      if (detailTimer.current) clearTimeout(detailTimer.current);
      detailTimer.current = setTimeout(loadDetail, DETAIL_DELAY_MS);
      scheduleLayout(LAYOUT_DELAY_MS);
    };
    const offPrint = api.on('print.changed', (payload) => {
      if (payload.issueId === issueId) soon();
    });
    const offArticles = api.on('articles.changed', soon);
    return () => {
      live.current = false;
      offPrint();
      offArticles();
      if (layoutTimer.current) clearTimeout(layoutTimer.current);
      if (detailTimer.current) clearTimeout(detailTimer.current);
      layoutTimer.current = null;
      detailTimer.current = null;
    };
  }, [api, issueId, loadDetail, loadLayout, scheduleLayout]);

  const apply = useCallback(
    (next: PrintIssueDetail) => {
      // Anything still loading was asked before this change.
      detailSeq.current += 1;
      setDetail(next);
      scheduleLayout(LAYOUT_DELAY_MS);
    },
    [scheduleLayout],
  );

  const applyFit = useCallback((fit: ArticleFit) => {
    setLayout((current) =>
      current ? { ...current, fits: [...current.fits.filter((f) => f.articleId !== fit.articleId), fit] } : current,
    );
  }, []);

  const relayout = useCallback(() => scheduleLayout(0), [scheduleLayout]);

  return { detail, layout, layoutBusy, error, layoutError, apply, applyFit, relayout };
}
