import type { PrintLayout } from '../../shared/model/workspace.js';

/** The numeric settings, with the bounds the profile accepts (shared/model/workspace.ts) and their unit. */
export const NUMBER_FIELDS = {
  trimWidthMm: { min: 50, max: 1000, integer: false, unit: 'mm' },
  trimHeightMm: { min: 50, max: 1000, integer: false, unit: 'mm' },
  bleedMm: { min: 0, max: 20, integer: false, unit: 'mm' },
  marginInsideMm: { min: 0, max: 100, integer: false, unit: 'mm' },
  marginOutsideMm: { min: 0, max: 100, integer: false, unit: 'mm' },
  marginTopMm: { min: 0, max: 100, integer: false, unit: 'mm' },
  marginBottomMm: { min: 0, max: 100, integer: false, unit: 'mm' },
  safeMarginMm: { min: 0, max: 30, integer: false, unit: 'mm' },
  columns: { min: 1, max: 6, integer: true, unit: '' },
  gutterMm: { min: 0, max: 30, integer: false, unit: 'mm' },
  baselineMm: { min: 2, max: 20, integer: false, unit: 'mm' },
  bodySizePt: { min: 5, max: 24, integer: false, unit: 'pt' },
  minImagePpi: { min: 72, max: 1200, integer: true, unit: 'ppi' },
} as const;
export type NumberField = keyof typeof NUMBER_FIELDS;

/** What the form holds: numbers as typed (a half-typed "4," must not jump back), the rest as they are. */
export type SettingsDraft = Record<NumberField, string> & {
  fonts: PrintLayout['fonts'];
  colors: PrintLayout['colors'];
  runningHead: string;
  folioPosition: PrintLayout['folioPosition'];
};
export type DraftField = NumberField | 'colorText' | 'colorAccent' | 'runningHead';

/** A problem with one field, as an i18n key and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

export const RUNNING_HEAD_FIELDS = ['ten', 'so', 'thang', 'nam'] as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

export function toDraft(print: PrintLayout): SettingsDraft {
  const numbers = Object.fromEntries(Object.keys(NUMBER_FIELDS).map((k) => [k, String(print[k as NumberField])])) as Record<NumberField, string>;
  return { ...numbers, fonts: { ...print.fonts }, colors: { ...print.colors }, runningHead: print.runningHead, folioPosition: print.folioPosition };
}

/** Vietnamese writes 4,2 where the form wants 4.2; both are accepted. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function validateDraft(draft: SettingsDraft): Partial<Record<DraftField, FieldProblem>> {
  const problems: Partial<Record<DraftField, FieldProblem>> = {};
  const value = {} as Record<NumberField, number>;
  for (const [name, rule] of Object.entries(NUMBER_FIELDS) as [NumberField, (typeof NUMBER_FIELDS)[NumberField]][]) {
    const n = parseNumber(draft[name]);
    value[name] = n;
    if (!Number.isFinite(n)) problems[name] = { key: 'print.settings.error.number' };
    else if (rule.integer && !Number.isInteger(n)) problems[name] = { key: 'print.settings.error.integer' };
    else if (n < rule.min || n > rule.max) problems[name] = { key: 'print.settings.error.range', values: { min: rule.min, max: rule.max, unit: rule.unit } };
  }
  const numbersOk = Object.keys(problems).length === 0;
  if (numbersOk) {
    const textWidth = value.trimWidthMm - value.marginInsideMm - value.marginOutsideMm;
    const column = (textWidth - value.gutterMm * (value.columns - 1)) / value.columns;
    if (column < 20) problems.marginOutsideMm = { key: 'print.settings.error.tooNarrow', values: { width: Math.max(0, Math.round(column)) } };
    if (value.trimHeightMm - value.marginTopMm - value.marginBottomMm < 40) problems.marginBottomMm = { key: 'print.settings.error.tooShort' };
    if (value.baselineMm < value.bodySizePt * 0.3528) problems.baselineMm = { key: 'print.settings.error.baseline', values: { min: (value.bodySizePt * 0.3528).toFixed(1) } };
  }
  if (!HEX.test(draft.colors.text)) problems.colorText = { key: 'print.settings.error.color' };
  if (!HEX.test(draft.colors.accent)) problems.colorAccent = { key: 'print.settings.error.color' };
  const unknown = [...draft.runningHead.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '').filter((f) => !(RUNNING_HEAD_FIELDS as readonly string[]).includes(f));
  if (draft.runningHead.length > 200) problems.runningHead = { key: 'print.settings.error.tooLong', values: { max: 200 } };
  else if (unknown.length > 0) problems.runningHead = { key: 'print.settings.error.placeholder', values: { name: `{${unknown[0]}}` } };
  return problems;
}

/** The settings to save; call only when validateDraft found nothing. */
export function fromDraft(draft: SettingsDraft): PrintLayout {
  const numbers = Object.fromEntries(Object.keys(NUMBER_FIELDS).map((k) => [k, parseNumber(draft[k as NumberField])])) as Record<NumberField, number>;
  return { ...numbers, fonts: draft.fonts, colors: draft.colors, runningHead: draft.runningHead, folioPosition: draft.folioPosition };
}
