import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../shared/app-update.js';
import { UpdateFeedUrl } from '../../shared/model/workspace.js';
import { useApi } from '../api/api-context.js';
import { PrintDialog } from '../print/print-dialog.js';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface UpdateDialogProps {
  /** The state the app last announced (null until known). */
  state: UpdateState | null;
  /** Opened from the menu: look for a new version first. */
  check: boolean;
  onClose(): void;
}

/**
 * Updates with the person's consent at each step: "Tải về" downloads the version on offer,
 * "Khởi động lại và cài" installs it — refused, with the reason, while an export or a publish runs.
 * Also where the publication profile's update feed is set.
 */
export function UpdateDialog({ state, check, onClose }: UpdateDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [shown, setShown] = useState<UpdateState | null>(state);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [feed, setFeed] = useState<string | null>(null);
  const [feedProblem, setFeedProblem] = useState<string | null>(null);
  const [feedSaved, setFeedSaved] = useState(false);

  // Each state the app announces replaces what the dialog's own calls returned.
  const [announced, setAnnounced] = useState(state);
  if (state !== announced) {
    setAnnounced(state);
    if (state) setShown(state);
  }

  // Opened by an announcement, the dialog already knows the state; opened from the menu, it looks for a new version.
  const announcedFirst = useRef(state !== null);
  useEffect(() => {
    let live = true;
    if (check || !announcedFirst.current) {
      (check ? api.call('app.update.check', {}) : api.call('app.update.status', {})).then(
        (s) => live && setShown(s),
        (e: unknown) => live && setError(message(e)),
      );
    }
    api.call('profile.get', {}).then(
      (profile) => live && setFeed(profile.updateFeedUrl ?? ''),
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [api, check]);

  const act = async (run: () => Promise<void>) => {
    setError(null);
    setRefusal(null);
    try {
      await run();
    } catch (e) {
      setError(message(e));
    }
  };
  const download = () => act(async () => setShown(await api.call('app.update.download', {})));
  const install = () =>
    act(async () => {
      const result = await api.call('app.update.install', {});
      if (!result.installing) {
        setRefusal(result.reasons.length > 0 ? result.reasons.map((r) => t(`updates.busy.${r.kind}`, { count: r.count })).join(' ') : result.message);
      }
    });

  const saveFeed = async (event: FormEvent) => {
    event.preventDefault();
    if (feed === null) return;
    const value = feed.trim();
    if (value !== '' && !UpdateFeedUrl.safeParse(value).success) {
      setFeedProblem(t('updates.feedInvalid'));
      return;
    }
    setFeedProblem(null);
    await act(async () => {
      const profile = await api.call('profile.update', { updateFeedUrl: value === '' ? null : value });
      setFeed(profile.updateFeedUrl ?? '');
      setFeedSaved(true);
    });
  };

  const phase = shown?.phase;
  return (
    <PrintDialog title={t('updates.title')} className="update-dialog" onClose={onClose}>
      <div className="update-body" aria-live="polite">
        {shown && <p className="field-hint">{t('updates.current', { version: shown.currentVersion })}</p>}
        {!shown || phase === 'checking' ? (
          <p>{t('updates.checking')}</p>
        ) : phase === 'none' ? (
          <p>{t('updates.none')}</p>
        ) : phase === 'available' ? (
          <p>{t('updates.available', { version: shown.version })}</p>
        ) : phase === 'downloading' ? (
          <p>
            {t('updates.downloading', { version: shown.version })}{' '}
            <progress max={100} value={shown.percent ?? 0} aria-label={t('updates.progress')} />
          </p>
        ) : phase === 'downloaded' ? (
          <p>{t('updates.downloaded', { version: shown.version })}</p>
        ) : phase === 'idle' ? (
          <p>{t('updates.idle')}</p>
        ) : (
          <p role={phase === 'error' ? 'alert' : undefined}>{shown.message}</p>
        )}
        {shown?.releaseNotes && (phase === 'available' || phase === 'downloaded') && (
          <section className="update-notes" aria-label={t('updates.notes')}>
            <h3>{t('updates.notes')}</h3>
            <p>{shown.releaseNotes}</p>
          </section>
        )}
        {refusal && (
          <p className="inline-error" role="alert">
            {t('updates.refused')} {refusal}
          </p>
        )}
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="print-dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {phase === 'available' || phase === 'downloaded' ? t('updates.later') : t('updates.close')}
        </button>
        {phase === 'available' && (
          <button type="button" className="button button-primary" onClick={() => void download()}>
            {t('updates.download', { version: shown?.version })}
          </button>
        )}
        {phase === 'downloaded' && (
          <button type="button" className="button button-primary" onClick={() => void install()}>
            {t('updates.install')}
          </button>
        )}
      </div>
      {feed !== null && (
        <form className="update-feed" noValidate onSubmit={(e) => void saveFeed(e)}>
          <label className="field">
            <span className="field-label">{t('updates.feed')}</span>
            <input
              type="url"
              value={feed}
              placeholder="https://"
              aria-invalid={feedProblem ? true : undefined}
              aria-describedby={`${ids}-feed-hint`}
              onChange={(e) => {
                setFeed(e.target.value);
                setFeedSaved(false);
              }}
            />
            <span id={`${ids}-feed-hint`} className={feedProblem ? 'field-error' : 'field-hint'}>
              {feedProblem ?? (feedSaved ? t('updates.feedSaved') : t('updates.feedHint'))}
            </span>
          </label>
          <button type="submit" className="button">
            {t('updates.feedSave')}
          </button>
        </form>
      )}
    </PrintDialog>
  );
}
