import { z } from 'zod';

/**
 * Where the desktop app's updater is: "unsupported" where no updater runs (the browser host, the
 * CLI, a development build), "off" when the profile names no feed.
 */
export const UPDATE_PHASES = ['unsupported', 'off', 'idle', 'checking', 'none', 'available', 'downloading', 'downloaded', 'error'] as const;
export const UpdatePhase = z.enum(UPDATE_PHASES);
export type UpdatePhase = z.infer<typeof UpdatePhase>;

export const UpdateState = z.object({
  phase: UpdatePhase,
  currentVersion: z.string(),
  /** The version on offer (available, downloading, downloaded). */
  version: z.string().nullable(),
  /** Plain text; the feed may send HTML, which is never shown as HTML. */
  releaseNotes: z.string().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  /** Why updates are unsupported or off, or what went wrong (Vietnamese). */
  message: z.string().nullable(),
});
export type UpdateState = z.infer<typeof UpdateState>;

/** Long work that a restart would cut short. */
export const BusyReason = z.object({ kind: z.enum(['export', 'publish']), count: z.number().int().positive() });
export type BusyReason = z.infer<typeof BusyReason>;

export type RestartDecision = { allowed: true } | { allowed: false; reasons: BusyReason[]; message: string };

const BUSY_TEXT: Record<BusyReason['kind'], (count: number) => string> = {
  export: (n) => `đang xuất số báo (${n} việc)`,
  publish: (n) => `đang gửi bài lên web (${n} việc)`,
};

const BLOCKED: Record<RestartPurpose, string> = {
  install: 'Chưa cài được bản cập nhật',
  switch: 'Chưa đổi được kho dữ liệu',
};

/** Why the app would restart: to install an update, or to open another data folder. */
export type RestartPurpose = 'install' | 'switch';

/**
 * Whether the app may quit and restart now. Never while an export or a publish is running: the
 * restart would leave a half-written PDF or a post whose outcome the desk never learnt.
 */
export function restartDecision(reasons: readonly BusyReason[], purpose: RestartPurpose = 'install'): RestartDecision {
  const busy = reasons.filter((r) => r.count > 0);
  if (busy.length === 0) return { allowed: true };
  const what = busy.map((r) => BUSY_TEXT[r.kind](r.count)).join(' và ');
  return { allowed: false, reasons: busy, message: `${BLOCKED[purpose]}: ${what}. Hãy đợi các việc này xong rồi thử lại.` };
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string; releaseNotes: string | null }
  | { type: 'none' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string; releaseNotes: string | null }
  | { type: 'error'; message: string };

/** The updater's events folded into what the renderer shows. */
export function nextUpdateState(state: UpdateState, event: UpdaterEvent): UpdateState {
  const base = { ...state, message: null };
  switch (event.type) {
    case 'checking':
      return { ...base, phase: 'checking', percent: null };
    case 'available':
      return { ...base, phase: 'available', version: event.version, releaseNotes: event.releaseNotes, percent: null };
    case 'none':
      return { ...base, phase: 'none', version: null, releaseNotes: null, percent: null };
    case 'progress':
      return { ...base, phase: 'downloading', percent: Math.max(0, Math.min(100, event.percent)) };
    case 'downloaded':
      return { ...base, phase: 'downloaded', version: event.version, releaseNotes: event.releaseNotes ?? state.releaseNotes, percent: 100 };
    case 'error':
      return { ...base, phase: 'error', percent: null, message: event.message };
  }
}

export function initialUpdateState(currentVersion: string, feedUrl: string | null): UpdateState {
  return {
    phase: feedUrl ? 'idle' : 'off',
    currentVersion,
    version: null,
    releaseNotes: null,
    percent: null,
    message: feedUrl ? null : 'Hồ sơ ấn phẩm chưa có địa chỉ nguồn cập nhật.',
  };
}

/** Release notes as plain text: feeds write them as HTML, a string, or one note per version. */
export function releaseNotesText(notes: string | readonly { version: string; note: string | null }[] | null | undefined): string | null {
  const raw = typeof notes === 'string' ? notes : notes?.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n');
  if (!raw) return null;
  const text = raw
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > 0 ? text.slice(0, 5000) : null;
}
