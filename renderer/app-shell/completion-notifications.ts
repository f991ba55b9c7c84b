import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { DeskApi } from '../../shared/contract.js';
import { finishedJobs, jobStates, type JobStates } from '../../shared/outbox-outcomes.js';

/**
 * A system notification, only when the person is looking elsewhere: a focused window already
 * shows the outcome on screen. The Web Notification API works in Electron and in browsers alike.
 */
export function notifyInBackground(title: string, body: string): void {
  if (typeof Notification === 'undefined' || document.hasFocus()) return;
  const show = () => new Notification(title, { body, lang: document.documentElement.lang });
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') {
    void Notification.requestPermission().then((permission) => {
      if (permission === 'granted') show();
    });
  }
}

/** Tells the person when a print export or an outbox job (publish, unpublish, share) has finished. */
export function useCompletionNotifications(api: DeskApi, t: TFunction): void {
  useEffect(() => {
    let known: JobStates | null = null;
    let live = true;
    const readOutbox = () =>
      api.call('outbox.list', {}).then(
        (jobs) => {
          if (!live) return;
          for (const job of finishedJobs(known, jobs)) {
            notifyInBackground(
              t(job.state === 'done' ? `notify.outboxDone.${job.action}` : 'notify.outboxFailed'),
              job.state === 'done' ? (job.postLink ?? '') : (job.lastError ?? ''),
            );
          }
          known = jobStates(jobs);
        },
        // In recovery there is no outbox; nothing to announce.
        () => undefined,
      );
    void readOutbox();
    const offOutbox = api.on('outbox.changed', () => void readOutbox());
    const offExport = api.on('print.export.progress', (progress) => {
      if (progress.stage === 'done') notifyInBackground(t('notify.exportDone'), progress.message);
      else if (progress.stage === 'failed') notifyInBackground(t('notify.exportFailed'), progress.message);
    });
    return () => {
      live = false;
      offOutbox();
      offExport();
    };
  }, [api, t]);
}
