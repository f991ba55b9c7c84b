import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ArticleFit, CallInput } from '../../shared/contract.js';
import type { PrintIssueDetail } from '../../shared/model/print-issue.js';
import { useApi } from '../api/api-context.js';
import { errorMessage } from './use-print-issue.js';

export type CopyfitAction = CallInput<'print.copyfit'>['action'];

/** In the order a layout artist reaches for them: the gentle ones first, pages last. */
export const COPYFIT_ACTIONS: CopyfitAction[] = [
  'auto',
  'tighten',
  'loosen',
  'shrink-figures',
  'drop-figure',
  'restore-figures',
  'add-page',
  'remove-page',
  'reset',
];

/** "Tràn 12 dòng (85 chữ)"; only words when the engine could not count lines. */
export function oversetText(fit: ArticleFit, t: TFunction): string {
  return fit.oversetLines > 0 ? t('print.fit.overset', { lines: fit.oversetLines, words: fit.oversetWords }) : t('print.fit.oversetWords', { words: fit.oversetWords });
}

/** "Tràn 12 dòng (85 chữ)", "Thiếu 6 dòng" or "Vừa trang", coloured as InDesign marks overset text. */
export function FitStatus({ fit, compact = false }: { fit: ArticleFit | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  if (!fit) return <span className="fit-status is-unknown">{t('print.fit.unknown')}</span>;
  if (fit.oversetLines > 0 || fit.oversetWords > 0) {
    return (
      <span className="fit-status is-overset">
        {oversetText(fit, t)}
        {!compact && fit.oversetExcerpt && (
          <span className="fit-excerpt" lang="vi">
            {' '}
            {t('print.fit.oversetFrom', { text: fit.oversetExcerpt })}
          </span>
        )}
      </span>
    );
  }
  if (fit.undersetLines > 0) return <span className="fit-status is-underset">{t('print.fit.underset', { lines: fit.undersetLines })}</span>;
  return <span className="fit-status is-fitting">{t('print.fit.fits')}</span>;
}

interface CopyfitControlsProps {
  issueId: number;
  articleId: number;
  onResult(detail: PrintIssueDetail, fit: ArticleFit | null): void;
}

/** The copyfit buttons for one article, and what the last one did. */
export function CopyfitControls({ issueId, articleId, onResult }: CopyfitControlsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (action: CopyfitAction) => {
    setBusy(true);
    setResult(null);
    try {
      const answer = await api.call('print.copyfit', { issueId, articleId, action });
      onResult(answer.detail, answer.fit);
      setResult({ ok: true, text: answer.message });
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="copyfit">
      <p className="copyfit-title" id={`${ids}-title`}>
        {t('print.copyfit.title')}
      </p>
      <div className="copyfit-actions" role="group" aria-labelledby={`${ids}-title`}>
        {COPYFIT_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            className={`button button-small${action === 'auto' ? ' button-primary' : ''}`}
            disabled={busy}
            title={t(`print.copyfit.hint.${action}`)}
            onClick={() => void run(action)}
          >
            {t(`print.copyfit.action.${action}`)}
          </button>
        ))}
      </div>
      {result &&
        (result.ok ? (
          <p className="panel-status" role="status" lang="vi">
            {result.text}
          </p>
        ) : (
          <p className="inline-error" role="alert">
            {result.text}
          </p>
        ))}
    </div>
  );
}
