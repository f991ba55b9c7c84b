import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightFinding } from '../../shared/model/print-issue.js';

interface PreflightPanelProps {
  findings: PreflightFinding[] | null;
  running: boolean;
  error: string | null;
  onRun(): void;
  onJump(page: number): void;
}

/** "Kiểm tra trước khi in": errors first, then warnings, each with a link to its page. */
export function PreflightPanel({ findings, running, error, onRun, onJump }: PreflightPanelProps) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <section className="preflight" aria-labelledby={`${ids}-title`} aria-busy={running}>
      <div className="print-section-head">
        <h2 id={`${ids}-title`}>{t('print.preflight.title')}</h2>
        <button type="button" className="button button-small" disabled={running} onClick={onRun}>
          {running ? t('print.preflight.running') : findings ? t('print.preflight.again') : t('print.preflight.run')}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {findings === null ? (
        !running && <p className="list-empty">{t('print.preflight.notRun')}</p>
      ) : findings.length === 0 ? (
        <p className="panel-status" role="status">
          {t('print.preflight.clean')}
        </p>
      ) : (
        <>
          <p className="preflight-summary" role="status">
            {t('print.preflight.summary', {
              errors: t('print.preflight.errors', { count: findings.filter((f) => f.severity === 'error').length }),
              warnings: t('print.preflight.warnings', { count: findings.filter((f) => f.severity === 'warning').length }),
            })}
          </p>
          <FindingGroups findings={findings} onJump={onJump} />
        </>
      )}
    </section>
  );
}

/** Findings grouped by severity; also shown in the export dialog before "Vẫn xuất". */
export function FindingGroups({ findings, onJump }: { findings: PreflightFinding[]; onJump?: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {(['error', 'warning'] as const).map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const heading = t(`print.preflight.${severity === 'error' ? 'errors' : 'warnings'}`, { count: group.length });
        return (
          <div key={severity} className={`preflight-group severity-${severity}`}>
            <h3>{heading}</h3>
            <ul aria-label={heading}>
              {group.map((finding, i) => (
                <li key={`${finding.code}:${finding.page ?? ''}:${i}`} className={`proof-item severity-${finding.severity}`}>
                  <span className="proof-top">
                    <span className={`severity-badge-${finding.severity}`}>{t(`print.preflight.severity.${finding.severity}`)}</span>
                    <span className="proof-rule">{t(`print.preflight.code.${finding.code}`, { defaultValue: finding.code })}</span>
                    {finding.page === null ? (
                      <span className="preflight-page">{t('print.preflight.wholeIssue')}</span>
                    ) : onJump ? (
                      <button type="button" className="link-button preflight-page" onClick={() => onJump(finding.page ?? 1)}>
                        {t('print.preflight.page', { page: finding.page })}
                      </button>
                    ) : (
                      <span className="preflight-page">{t('print.preflight.page', { page: finding.page })}</span>
                    )}
                  </span>
                  <span className="proof-message" lang="vi">
                    {finding.message}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
