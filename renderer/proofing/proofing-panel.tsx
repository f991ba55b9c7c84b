import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROOF_RULES, type ProofField, type ProofFinding } from '../../shared/proofing/proofing-rules.js';
import { canFix, safeInBulk } from './apply-fix.js';
import type { Proofing } from './use-proofing.js';

const FIELD_ORDER: ProofField[] = ['kicker', 'title', 'sapo', 'body', 'byline'];

interface ProofingPanelProps {
  proofing: Proofing;
  /** Applies the fixes, saves, reloads the editor; resolves when done. */
  onFix: (findings: ProofFinding[]) => Promise<void>;
}

export function proofCounts(findings: ProofFinding[] | null): { errors: number; warnings: number } {
  const list = findings ?? [];
  return {
    errors: list.filter((f) => f.severity === 'error').length,
    warnings: list.filter((f) => f.severity === 'warning').length,
  };
}

/** The house-style check of the open article, grouped by field, with one-click fixes where safe. */
export function ProofingPanel({ proofing, onFix }: ProofingPanelProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { findings, body, running, error, run } = proofing;
  const fixable = (findings ?? []).filter((f) => canFix(f, body));
  const bulk = fixable.filter(safeInBulk);

  const fix = async (wanted: ProofFinding[]) => {
    setBusy(true);
    try {
      await onFix(wanted);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="proofing">
      <div className="panel-actions">
        <button type="button" className="button" disabled={running || busy} onClick={() => void run()}>
          {t('proofing.run')}
        </button>
        <button type="button" className="button button-primary" disabled={bulk.length === 0 || busy || running} onClick={() => void fix(bulk)}>
          {t('proofing.fixAll')}
        </button>
      </div>
      <p className="panel-status" aria-live="polite">
        {running ? t('proofing.running') : findings === null ? '' : findings.length === 0 ? t('proofing.clean') : t('proofing.count', { count: findings.length })}
      </p>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {FIELD_ORDER.map((field) => {
        const inField = (findings ?? []).filter((f) => f.field === field).sort((a, b) => a.start - b.start);
        if (inField.length === 0) return null;
        return (
          <section key={field} className="proof-group" aria-label={t('proofing.groupLabel', { field: t(`proofing.fields.${field}`) })}>
            <h3>{t(`proofing.fields.${field}`)}</h3>
            <ul className="proof-list">
              {inField.map((finding) => (
                <li key={`${finding.rule}:${finding.start}:${finding.end}`} className={`proof-item severity-${finding.severity}`}>
                  <div className="proof-top">
                    <span className={`badge severity-badge-${finding.severity}`}>{t(`proofing.severity.${finding.severity}`)}</span>
                    <span className="proof-rule">{PROOF_RULES.includes(finding.rule) ? t(`proofing.rules.${finding.rule}`) : finding.rule}</span>
                  </div>
                  <p className="proof-message" lang="vi">
                    {finding.message}
                  </p>
                  <p className="proof-excerpt" lang="vi">
                    <code>{finding.excerpt}</code>
                  </p>
                  {finding.suggestions && finding.suggestions.length > 0 && (
                    <p className="proof-suggestions">
                      {t('proofing.suggestions')}{' '}
                      {finding.suggestions.map((s) => (
                        <span key={s} className="proof-suggestion" lang="vi">
                          {s}
                        </span>
                      ))}
                    </p>
                  )}
                  {finding.replacement !== undefined &&
                    (canFix(finding, body) ? (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy || running}
                        title={t('proofing.fixOne', { replacement: finding.replacement })}
                        onClick={() => void fix([finding])}
                      >
                        {t('proofing.fix')}
                      </button>
                    ) : (
                      <p className="proof-suggestions">
                        {t('proofing.manual')} <span className="proof-suggestion">{finding.replacement || t('proofing.remove')}</span>
                      </p>
                    ))}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
