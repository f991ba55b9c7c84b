import { useTranslation } from 'react-i18next';
import type { SaveState } from './draft-saver.js';

/** Tells the person, without interrupting, whether their text is safe. */
export function SaveIndicator({ state, error }: { state: SaveState; error: string | null }) {
  const { t } = useTranslation();
  const label = state === 'saved' ? t('save.saved') : state === 'saving' ? t('save.saving') : t('save.failed');
  return (
    <span className={`save-state save-${state}`} role="status" title={error ? t('save.failedDetail', { message: error }) : undefined}>
      <span className="save-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
