import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintIssueDetail } from '../../shared/model/print-issue.js';
import { PRINT_ISSUE_STATUSES, type PrintIssue } from '../../shared/model/workspace.js';
import { useApi } from '../api/api-context.js';
import { FormFooter, PrintDialog } from './print-dialog.js';
import { errorMessage } from './use-print-issue.js';

type IssueStatus = (typeof PRINT_ISSUE_STATUSES)[number];

interface IssueFormDialogProps {
  /** Null: a new issue. */
  issue: PrintIssue | null;
  /** Issues already made, to suggest the next number. */
  issues: PrintIssue[];
  onDone(detail: PrintIssueDetail): void;
  onClose(): void;
}

/** "2025-11-01" → month 11, year 2025. */
export function monthYearOf(publishDate: string): { month: number; year: number } {
  const [year, month] = publishDate.split('-').map(Number);
  const now = new Date();
  return { year: year || now.getFullYear(), month: month || now.getMonth() + 1 };
}

/** The nearest page counts a saddle-stitched issue can have: 30 → 28 or 32. */
export function multipleOfFour(count: number): { lower: number; upper: number } | null {
  if (!Number.isInteger(count) || count < 1 || count % 4 === 0) return null;
  const lower = Math.floor(count / 4) * 4;
  return { lower, upper: lower + 4 };
}

/** Create an issue (number, month, year, pages) or change one; a page count off the multiple of 4 is a warning, never a block. */
export function IssueFormDialog({ issue, issues, onDone, onClose }: IssueFormDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const now = new Date();
  const start = issue ? monthYearOf(issue.publishDate) : { month: now.getMonth() + 1, year: now.getFullYear() };
  const [number, setNumber] = useState(String(issue?.number ?? Math.max(0, ...issues.map((i) => i.number)) + 1));
  const [title, setTitle] = useState(issue?.title ?? '');
  const [month, setMonth] = useState(String(start.month));
  const [year, setYear] = useState(String(start.year));
  const [pageCount, setPageCount] = useState(String(issue?.pageCount ?? 64));
  const [status, setStatus] = useState<IssueStatus>(issue?.status ?? 'planning');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pages = Number(pageCount);
  const fold = multipleOfFour(pages);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const common = { month: Number(month), year: Number(year), pageCount: pages, ...(title.trim() ? { title: title.trim() } : {}) };
      const detail = issue
        ? await api.call('print.issue.update', { issueId: issue.id, ...common, title: title.trim(), status })
        : await api.call('print.issue.create', { number: Number(number), ...common });
      onDone(detail);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <PrintDialog title={issue ? t('print.issue.editTitle', { number: issue.number }) : t('print.issue.createTitle')} onClose={onClose}>
      <form className="print-form" onSubmit={(e) => void submit(e)}>
        <div className="print-form-grid">
          <label className="field">
            <span className="field-label">{t('print.issue.number')}</span>
            <input type="number" min={1} max={100000} required disabled={issue !== null} value={number} onChange={(e) => setNumber(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('print.issue.month')}</span>
            <input type="number" min={1} max={12} required value={month} onChange={(e) => setMonth(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('print.issue.year')}</span>
            <input type="number" min={1990} max={2200} required value={year} onChange={(e) => setYear(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('print.issue.pageCount')}</span>
            <input
              type="number"
              min={1}
              max={1000}
              required
              value={pageCount}
              aria-describedby={fold ? `${ids}-fold` : undefined}
              onChange={(e) => setPageCount(e.target.value)}
            />
          </label>
        </div>
        {fold && (
          <p id={`${ids}-fold`} className="print-warning">
            {t('print.issue.notMultipleOfFour', { count: pages, lower: fold.lower, upper: fold.upper })}
          </p>
        )}
        <label className="field">
          <span className="field-label">{t('print.issue.titleField')}</span>
          <input type="text" maxLength={200} lang="vi" value={title} placeholder={t('print.issue.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
        </label>
        {issue && (
          <label className="field">
            <span className="field-label">{t('print.issue.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as IssueStatus)}>
              {PRINT_ISSUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`print.issueStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <FormFooter error={error} onCancel={onClose} submitLabel={issue ? t('print.issue.save') : t('print.issue.create')} submitDisabled={busy} />
      </form>
    </PrintDialog>
  );
}
