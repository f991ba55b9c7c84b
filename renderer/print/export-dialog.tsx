import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_OUTPUTS, type ExportOutput, type ExportProgress, type PreflightFinding } from '../../shared/model/print-issue.js';
import type { Site } from '../../shared/model/site.js';
import { useApi } from '../api/api-context.js';
import { FormFooter, PrintDialog } from './print-dialog.js';
import { FindingGroups } from './preflight-panel.js';
import { errorMessage } from './use-print-issue.js';

/** Files into the issue's folder, or the e-magazine (proof PDF and page images) posted to a site. */
type Target = { kind: 'files' } | { kind: 'emagazine'; siteId: number };

type Step =
  | { name: 'options' }
  | { name: 'checking' }
  | { name: 'confirm'; errors: PreflightFinding[]; target: Target }
  | { name: 'running'; jobId: string; outDir: string | null };

const FINISHED = new Set<ExportProgress['stage']>(['done', 'failed', 'cancelled']);

interface ExportDialogProps {
  issueId: number;
  onPreflight(findings: PreflightFinding[]): void;
  onJump(page: number): void;
  onClose(): void;
}

/**
 * "Xuất bản in": choose the outputs, or a site to post the e-magazine to; check the issue first
 * (errors ask "Vẫn xuất?"), then follow the job stage by stage until it is done.
 */
export function ExportDialog({ issueId, onPreflight, onJump, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [outputs, setOutputs] = useState<Set<ExportOutput>>(() => new Set(EXPORT_OUTPUTS));
  const [step, setStep] = useState<Step>({ name: 'options' });
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [sites, setSites] = useState<Site[]>([]);
  const [siteId, setSiteId] = useState<number | null>(null);
  // Progress can arrive before print.export.start answers with the job's id.
  const seen = useRef(new Map<string, ExportProgress>());
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('print.export.progress', (event) => {
        seen.current.set(event.jobId, event);
        if (event.jobId === jobId.current) setProgress(event);
      }),
    [api],
  );

  useEffect(() => {
    let live = true;
    void api.call('sites.list', {}).then(
      (list) => live && setSites(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const start = async (target: Target) => {
    setError(null);
    try {
      const job =
        target.kind === 'files'
          ? await api.call('print.export.start', { issueId, outputs: EXPORT_OUTPUTS.filter((o) => outputs.has(o)) })
          : { ...(await api.call('print.emagazine.start', { issueId, siteId: target.siteId })), outDir: null };
      jobId.current = job.jobId;
      setProgress(seen.current.get(job.jobId) ?? null);
      setStep({ name: 'running', jobId: job.jobId, outDir: job.outDir });
    } catch (e) {
      setError(errorMessage(e));
      setStep({ name: 'options' });
    }
  };

  const check = async (target: Target) => {
    setError(null);
    setStep({ name: 'checking' });
    try {
      const findings = await api.call('print.preflight', { issueId });
      onPreflight(findings);
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) setStep({ name: 'confirm', errors, target });
      else await start(target);
    } catch (e) {
      setError(errorMessage(e));
      setStep({ name: 'options' });
    }
  };

  const cancel = async () => {
    if (step.name !== 'running') return;
    setCancelling(true);
    try {
      await api.call('print.export.cancel', { jobId: step.jobId });
    } catch (e) {
      setError(errorMessage(e));
      setCancelling(false);
    }
  };

  const finished = progress !== null && FINISHED.has(progress.stage);
  const running = step.name === 'running' && !finished;
  const toggle = (output: ExportOutput, on: boolean) => {
    const next = new Set(outputs);
    if (on) next.add(output);
    else next.delete(output);
    setOutputs(next);
  };

  return (
    <PrintDialog title={t('print.export.title')} className="export-dialog" onClose={running ? null : onClose}>
      {(step.name === 'options' || step.name === 'checking') && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void check({ kind: 'files' });
          }}
        >
          <fieldset className="print-fieldset">
            <legend>{t('print.export.outputs')}</legend>
            {EXPORT_OUTPUTS.map((output) => (
              <label key={output} className="check export-output">
                <input type="checkbox" checked={outputs.has(output)} onChange={(e) => toggle(output, e.target.checked)} />
                <span>
                  <strong>{t(`print.export.output.${output}`)}</strong>
                  <span className="field-hint"> {t(`print.export.outputHint.${output}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {outputs.size === 0 && <p className="print-warning">{t('print.export.pickOne')}</p>}
          <fieldset className="print-fieldset export-emagazine">
            <legend>{t('print.export.emagazine.legend')}</legend>
            {sites.length === 0 ? (
              <p className="field-hint">{t('print.export.emagazine.noSite')}</p>
            ) : (
              <>
                <label className="field">
                  <span className="field-label">{t('print.export.emagazine.site')}</span>
                  <select value={siteId ?? ''} onChange={(e) => setSiteId(e.target.value ? Number(e.target.value) : null)}>
                    <option value="">{t('print.export.emagazine.pick')}</option>
                    {sites.map((site) => (
                      <option key={site.id} value={site.id}>
                        {site.siteName}
                      </option>
                    ))}
                  </select>
                </label>
                <p className="field-hint">{t('print.export.emagazine.hint')}</p>
                <button
                  type="button"
                  className="button"
                  disabled={siteId === null || step.name === 'checking'}
                  onClick={() => siteId !== null && void check({ kind: 'emagazine', siteId })}
                >
                  {t('print.export.emagazine.start')}
                </button>
              </>
            )}
          </fieldset>
          <p className="field-hint">{t('print.export.checkFirst')}</p>
          <FormFooter
            error={error}
            onCancel={onClose}
            submitLabel={step.name === 'checking' ? t('print.preflight.running') : t('print.export.start')}
            submitDisabled={outputs.size === 0 || step.name === 'checking'}
          />
        </form>
      )}

      {step.name === 'confirm' && (
        <div className="export-confirm" role="alert" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>{t('print.export.hasErrors', { count: step.errors.length })}</p>
          <div className="export-findings">
            <FindingGroups findings={step.errors} onJump={(page) => { onClose(); onJump(page); }} />
          </div>
          <div className="print-dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('print.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void start(step.target)}>
              {t('print.export.anyway')}
            </button>
          </div>
        </div>
      )}

      {step.name === 'running' && (
        <div className="export-progress">
          {step.outDir && <p className="field-hint">{t('print.export.outDir', { dir: step.outDir })}</p>}
          <label className="export-bar">
            <span>
              {progress ? t(`print.export.stage.${progress.stage}`) : t('print.export.waiting')}
              {progress && progress.total > 0 && ` · ${progress.done}/${progress.total}`}
            </span>
            <progress
              aria-label={t('print.export.progress')}
              max={Math.max(1, progress?.total ?? 1)}
              value={progress?.stage === 'done' ? Math.max(1, progress.total) : (progress?.done ?? 0)}
            />
          </label>
          <p className="export-message" aria-live="polite" lang="vi">
            {finished ? '' : (progress?.message ?? '')}
          </p>
          {progress?.stage === 'done' && (
            <div role="status">
              <p className="panel-status" lang="vi">
                {progress.message || t('print.export.done', { count: progress.files.length })}
              </p>
              <ul className="export-files" aria-label={t('print.export.files')}>
                {progress.files.map((file) => (
                  <li key={file}>
                    <code>{file}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {progress?.stage === 'failed' && (
            <p className="inline-error" role="alert">
              {t('print.export.failed', { message: progress.message })}
            </p>
          )}
          {progress?.stage === 'cancelled' && (
            <p className="print-warning" role="alert">
              {t('print.export.cancelled')}
            </p>
          )}
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          <div className="print-dialog-actions">
            {running ? (
              <button type="button" className="button button-danger" disabled={cancelling} onClick={() => void cancel()}>
                {cancelling ? t('print.export.cancelling') : t('print.export.cancel')}
              </button>
            ) : (
              <button type="button" className="button button-primary" onClick={onClose}>
                {t('print.close')}
              </button>
            )}
          </div>
        </div>
      )}
    </PrintDialog>
  );
}
