import { useEffect, useRef } from 'react';
import { APP_COMMANDS, type AppCommand } from '../../shared/app-commands.js';
import type { DeskApi } from '../../shared/contract.js';

export type AppCommandHandlers = Record<AppCommand, () => void>;

/**
 * Runs the application menu's commands (pushed as `app.command` events) with the handlers of the
 * screen that is showing. The latest handlers are used, so they may close over fresh state.
 */
export function useAppCommands(api: DeskApi, handlers: AppCommandHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(
    () =>
      api.on('app.command', ({ command }) => {
        if ((APP_COMMANDS as readonly string[]).includes(command)) latest.current[command]();
      }),
    [api],
  );
}
