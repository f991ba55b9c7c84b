import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintIssueDetail } from '../../shared/model/print-issue.js';
import type { PrintIssue, Section } from '../../shared/model/workspace.js';
import { useApi } from '../api/api-context.js';
import { IssueDesk } from './issue-desk.js';
import { IssueFormDialog, monthYearOf } from './issue-form-dialog.js';
import { PrintSettingsDialog } from './print-settings-dialog.js';
import { errorMessage } from './use-print-issue.js';

const ISSUE_KEY = 'lnv-desk-print-issue';

/** A menu command for the issue on the desk (Số báo › Kiểm tra trước khi in, Xuất PDF…). */
export type PrintCommand = 'preflight' | 'export';

interface PrintWorkspaceProps {
  /** "Sửa bài": leave the layout desk for the editor with this article open. */
  onOpenArticle(articleId: number): void;
  /** An issue was created or renamed; the article list's filters show issues too. */
  onIssuesChanged(): void;
  command?: PrintCommand | null;
  /** The command ran; it is not run again when another issue is chosen. */
  onCommandDone?(): void;
}

/** The latest issue the person worked on, else the one with the highest number. */
function pickIssue(issues: PrintIssue[], wanted: number | null): number | null {
  if (wanted !== null && issues.some((i) => i.id === wanted)) return wanted;
  const stored = Number(localStorage.getItem(ISSUE_KEY));
  if (issues.some((i) => i.id === stored)) return stored;
  return [...issues].sort((a, b) => b.number - a.number)[0]?.id ?? null;
}

/** The layout desk: choose or create a print issue, then plan, lay out, check and export it. */
export function PrintWorkspace({ onOpenArticle, onIssuesChanged, command = null, onCommandDone }: PrintWorkspaceProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [issues, setIssues] = useState<PrintIssue[] | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [issueId, setIssueId] = useState<number | null>(null);
  const [created, setCreated] = useState<PrintIssueDetail | null>(null);
  const [dialog, setDialog] = useState<'create' | 'settings' | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const loadIssues = useCallback(
    (wanted: number | null) =>
      api.call('issues.list', {}).then(
        (list) => {
          setIssues(list);
          setIssueId((current) => pickIssue(list, wanted ?? current));
        },
        (e: unknown) => setError(errorMessage(e)),
      ),
    [api],
  );

  useEffect(() => {
    void loadIssues(null);
    api.call('sections.list', {}).then(setSections, () => setSections([]));
  }, [api, loadIssues]);

  const choose = (id: number) => {
    localStorage.setItem(ISSUE_KEY, String(id));
    setCreated(null);
    setIssueId(id);
  };

  const toolbarStart = (
    <>
      <label className="print-issue-pick">
        <span>{t('print.issue.pick')}</span>
        <select aria-label={t('print.issue.pick')} value={issueId ?? ''} disabled={!issues || issues.length === 0} onChange={(e) => choose(Number(e.target.value))}>
          {issues?.length === 0 && <option value="">{t('print.issue.none')}</option>}
          {issues?.map((issue) => (
            <option key={issue.id} value={issue.id}>
              {t('print.issue.option', { number: issue.number, ...monthYearOf(issue.publishDate) })}
              {issue.title && !issue.title.includes(String(issue.number)) ? ` · ${issue.title}` : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => setDialog('create')}>
        {t('print.issue.new')}
      </button>
      <button type="button" className="button" onClick={() => setDialog('settings')}>
        {t('print.settings.open')}
      </button>
    </>
  );

  return (
    <>
      {error && (
        <p className="inline-error print-load-error" role="alert">
          {error}
        </p>
      )}
      {issueId === null ? (
        <div className="print-workspace">
          <div className="print-bar">{toolbarStart}</div>
          <p className="list-empty">{issues === null ? t('print.loading') : t('print.issue.noneHint')}</p>
        </div>
      ) : (
        <IssueDesk
          key={issueId}
          issueId={issueId}
          initial={created?.issue.id === issueId ? created : null}
          toolbarStart={toolbarStart}
          sections={sections}
          settingsVersion={settingsVersion}
          onIssueChanged={() => {
            void loadIssues(issueId);
            onIssuesChanged();
          }}
          onOpenArticle={onOpenArticle}
          command={command}
          onCommandDone={onCommandDone}
        />
      )}
      {dialog === 'create' && (
        <IssueFormDialog
          issue={null}
          issues={issues ?? []}
          onClose={() => setDialog(null)}
          onDone={(detail) => {
            setDialog(null);
            setCreated(detail);
            localStorage.setItem(ISSUE_KEY, String(detail.issue.id));
            setIssues((list) => [...(list ?? []).filter((i) => i.id !== detail.issue.id), detail.issue]);
            setIssueId(detail.issue.id);
            void loadIssues(detail.issue.id);
            onIssuesChanged();
          }}
        />
      )}
      {dialog === 'settings' && (
        <PrintSettingsDialog
          issue={issues?.find((i) => i.id === issueId) ?? null}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setSettingsVersion((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
