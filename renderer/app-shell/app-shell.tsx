import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../shared/app-update.js';
import { useApi } from '../api/api-context.js';
import { AboutDialog } from './about-dialog.js';
import { useCompletionNotifications } from './completion-notifications.js';
import { ImportDialog } from './import-dialog.js';
import { UpdateDialog } from './update-dialog.js';
import { useAppCommands, type AppCommandHandlers } from './use-app-commands.js';

/** Commands the app shell carries out itself; the screen gives the rest. */
type ShellCommand = 'article.importWord' | 'publish.sync' | 'app.checkUpdates' | 'app.openLogs' | 'help.about';
export type ScreenCommands = Omit<AppCommandHandlers, ShellCommand>;

type Dialog = { kind: 'update'; check: boolean } | { kind: 'about' } | { kind: 'import' };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface AppShellProps {
  commands: ScreenCommands;
  onImported(articleId: number): void;
}

/**
 * What makes the workstation feel like a desktop app, in the same way in Electron and in a
 * browser: the menu's commands, the update offer, notifications when long work ends, the About
 * box. It also tells the main process the UI's language, so the menu speaks it.
 */
export function AppShell({ commands, onImported }: AppShellProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [update, setUpdate] = useState<UpdateState | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const offered = useRef<string | null>(null);

  useEffect(() => {
    // Only the desktop app has a menu to translate; elsewhere the call does nothing, and a failure changes nothing on screen.
    api.call('app.language.set', { language: i18n.language === 'en' ? 'en' : 'vi' }).catch(() => undefined);
  }, [api, i18n.language]);

  useEffect(
    () =>
      api.on('app.update', (state) => {
        setUpdate(state);
        // A new version found (or finished downloading) is offered once; the person decides.
        const offer = `${state.phase}:${state.version ?? ''}`;
        if ((state.phase === 'available' || state.phase === 'downloaded') && offered.current !== offer) {
          offered.current = offer;
          setDialog((current) => current ?? { kind: 'update', check: false });
        }
      }),
    [api],
  );

  useCompletionNotifications(api, t);

  const sync = async () => {
    setStatus({ kind: 'info', text: t('appShell.syncing') });
    try {
      const sites = await api.call('sites.list', {});
      if (sites.length === 0) {
        setStatus({ kind: 'error', text: t('appShell.noSite') });
        return;
      }
      const lines: string[] = [];
      for (const site of sites) {
        const report = await api.call('sync.run', { siteId: site.id });
        lines.push(
          report.offline || report.error
            ? t('appShell.syncOffline', { site: site.url, message: report.error ?? '' })
            : t('appShell.synced', { site: site.url, sent: report.sent.length, received: report.received.length }),
        );
      }
      setStatus({ kind: 'info', text: lines.join(' ') });
    } catch (e) {
      setStatus({ kind: 'error', text: message(e) });
    }
  };

  const openLogs = async () => {
    try {
      const result = await api.call('app.folder.open', { folder: 'logs' });
      setStatus({ kind: 'info', text: result.opened ? t('appShell.logsOpened') : t('about.where.logs', { path: result.path }) });
    } catch (e) {
      setStatus({ kind: 'error', text: message(e) });
    }
  };

  useAppCommands(api, {
    ...commands,
    'article.importWord': () => setDialog({ kind: 'import' }),
    'publish.sync': () => void sync(),
    'app.checkUpdates': () => setDialog({ kind: 'update', check: true }),
    'app.openLogs': () => void openLogs(),
    'help.about': () => setDialog({ kind: 'about' }),
  });

  const close = () => setDialog(null);
  return (
    <>
      {status && (
        <div className={status.kind === 'error' ? 'app-shell-status error-banner' : 'app-shell-status'} role={status.kind === 'error' ? 'alert' : 'status'}>
          <span>{status.text}</span>
          <button type="button" className="button button-quiet" onClick={() => setStatus(null)}>
            ×<span className="visually-hidden">OK</span>
          </button>
        </div>
      )}
      {dialog?.kind === 'update' && <UpdateDialog state={update} check={dialog.check} onClose={close} />}
      {dialog?.kind === 'about' && <AboutDialog onClose={close} />}
      {dialog?.kind === 'import' && (
        <ImportDialog
          onClose={close}
          onImported={(id, warnings) => {
            close();
            setStatus(warnings.length > 0 ? { kind: 'info', text: warnings.join(' ') } : null);
            onImported(id);
          }}
        />
      )}
    </>
  );
}
