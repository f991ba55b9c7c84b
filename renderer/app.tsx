import { useTranslation } from 'react-i18next';
import type { DeskApi } from '../shared/contract.js';
import { ApiContext } from './api/api-context.js';
import { LanguageSwitch } from './i18n/language-switch.js';
import { AppGate } from './recovery/app-gate.js';

export function App({ api }: { api: DeskApi | null }) {
  const { t } = useTranslation();
  if (!api) {
    return (
      <main className="no-session">
        <h1>{t('app.name')}</h1>
        <p role="alert">{t('app.noToken')}</p>
        <LanguageSwitch />
      </main>
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <AppGate />
    </ApiContext.Provider>
  );
}
