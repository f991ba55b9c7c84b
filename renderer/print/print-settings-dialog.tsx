import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_FONT_FAMILIES, type PrintIssue, type PrintLayout, type PublicationProfile } from '../../shared/model/workspace.js';
import { runningHeadText } from '../../shared/print/flatplan.js';
import { useApi } from '../api/api-context.js';
import { FormFooter, PrintDialog } from './print-dialog.js';
import { fromDraft, NUMBER_FIELDS, toDraft, validateDraft, type DraftField, type NumberField, type SettingsDraft } from './print-settings-form.js';
import { errorMessage } from './use-print-issue.js';

const GROUPS: { legend: string; fields: NumberField[] }[] = [
  { legend: 'paper', fields: ['trimWidthMm', 'trimHeightMm', 'bleedMm'] },
  { legend: 'margins', fields: ['marginInsideMm', 'marginOutsideMm', 'marginTopMm', 'marginBottomMm', 'safeMarginMm'] },
  { legend: 'grid', fields: ['columns', 'gutterMm', 'baselineMm', 'bodySizePt'] },
  { legend: 'pictures', fields: ['minImagePpi'] },
];
const FONT_ROLES = ['body', 'heading', 'caption'] as const;
const FOLIO_POSITIONS: PrintLayout['folioPosition'][] = ['bottom-outside', 'bottom-center', 'top-outside'];

interface PrintSettingsDialogProps {
  /** For the running head's preview. */
  issue: PrintIssue | null;
  onSaved(profile: PublicationProfile): void;
  onClose(): void;
}

/** The publication's print settings (page size, margins, grid, fonts, colours, running head), checked before saving. */
export function PrintSettingsDialog({ issue, onSaved, onClose }: PrintSettingsDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [profile, setProfile] = useState<PublicationProfile | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.call('profile.get', {}).then(
      (p) => {
        if (!live) return;
        setProfile(p);
        setDraft(toDraft(p.print));
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const problems = draft ? validateDraft(draft) : {};
  const problemOf = (field: DraftField) => {
    const problem = tried ? problems[field] : undefined;
    return problem ? t(problem.key, problem.values) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!draft || Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('profile.update', { print: fromDraft(draft) });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const set = (patch: Partial<SettingsDraft>) => setDraft((current) => (current ? { ...current, ...patch } : current));

  const fieldProps = (field: DraftField) => {
    const problem = problemOf(field);
    return { 'aria-invalid': problem ? true : undefined, 'aria-describedby': problem ? `${ids}-${field}-error` : undefined } as const;
  };
  const problemText = (field: DraftField) => {
    const problem = problemOf(field);
    return problem ? (
      <span id={`${ids}-${field}-error`} className="field-error">
        {problem}
      </span>
    ) : null;
  };

  const preview =
    draft && profile && issue ? runningHeadText(draft.runningHead, profile.name, issue.number, issue.publishDate) : null;

  return (
    <PrintDialog title={t('print.settings.title')} className="settings-dialog" onClose={onClose}>
      {!draft ? (
        error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="list-empty">{t('print.loading')}</p>
        )
      ) : (
        <form className="print-form" noValidate onSubmit={(e) => void submit(e)}>
          {GROUPS.map((group) => (
            <fieldset key={group.legend} className="print-fieldset">
              <legend>{t(`print.settings.group.${group.legend}`)}</legend>
              <div className="print-form-grid">
                {group.fields.map((field) => (
                  <label key={field} className="field">
                    <span className="field-label">
                      {t(`print.settings.field.${field}`)}
                      {NUMBER_FIELDS[field].unit && <span className="field-hint">{NUMBER_FIELDS[field].unit}</span>}
                    </span>
                    <input type="text" inputMode="decimal" value={draft[field]} {...fieldProps(field)} onChange={(e) => set({ [field]: e.target.value })} />
                    {problemText(field)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}

          <fieldset className="print-fieldset">
            <legend>{t('print.settings.group.type')}</legend>
            <div className="print-form-grid">
              {FONT_ROLES.map((role) => (
                <label key={role} className="field">
                  <span className="field-label">{t(`print.settings.font.${role}`)}</span>
                  <select
                    value={draft.fonts[role]}
                    onChange={(e) => set({ fonts: { ...draft.fonts, [role]: e.target.value as (typeof PRINT_FONT_FAMILIES)[number] } })}
                  >
                    {PRINT_FONT_FAMILIES.map((family) => (
                      <option key={family} value={family}>
                        {family}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              {(['text', 'accent'] as const).map((which) => {
                const field: DraftField = which === 'text' ? 'colorText' : 'colorAccent';
                return (
                  <label key={which} className="field">
                    <span className="field-label">{t(`print.settings.color.${which}`)}</span>
                    <span className="color-field">
                      <input
                        type="color"
                        aria-label={t('print.settings.colorPick', { name: t(`print.settings.color.${which}`) })}
                        value={/^#[0-9a-fA-F]{6}$/.test(draft.colors[which]) ? draft.colors[which] : '#000000'}
                        onChange={(e) => set({ colors: { ...draft.colors, [which]: e.target.value } })}
                      />
                      <input type="text" value={draft.colors[which]} maxLength={7} {...fieldProps(field)} onChange={(e) => set({ colors: { ...draft.colors, [which]: e.target.value.trim() } })} />
                    </span>
                    {problemText(field)}
                  </label>
                );
              })}
            </div>
          </fieldset>

          <fieldset className="print-fieldset">
            <legend>{t('print.settings.group.head')}</legend>
            <label className="field">
              <span className="field-label">{t('print.settings.field.runningHead')}</span>
              <input type="text" lang="vi" value={draft.runningHead} {...fieldProps('runningHead')} onChange={(e) => set({ runningHead: e.target.value })} />
              <span className="field-hint">{t('print.settings.runningHeadHint')}</span>
              {preview !== null && (
                <span className="field-hint" lang="vi">
                  {t('print.settings.runningHeadPreview', { text: preview })}
                </span>
              )}
              {problemText('runningHead')}
            </label>
            <label className="field">
              <span className="field-label">{t('print.settings.field.folioPosition')}</span>
              <select value={draft.folioPosition} onChange={(e) => set({ folioPosition: e.target.value as PrintLayout['folioPosition'] })}>
                {FOLIO_POSITIONS.map((position) => (
                  <option key={position} value={position}>
                    {t(`print.settings.folio.${position}`)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>

          {tried && Object.keys(problems).length > 0 && (
            <p className="inline-error" role="alert">
              {t('print.settings.fix', { count: Object.keys(problems).length })}
            </p>
          )}
          <FormFooter error={error} onCancel={onClose} submitLabel={t('print.settings.save')} submitDisabled={busy} />
        </form>
      )}
    </PrintDialog>
  );
}
