import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n.js';

/** Names the other language in that language, so a person who reads only it can find the switch. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const toEnglish = i18n.language !== 'en';
  return (
    <button
      type="button"
      className="button button-quiet lang-switch"
      lang={toEnglish ? 'en' : 'vi'}
      title={t('language.switchHint')}
      onClick={() => setLanguage(toEnglish ? 'en' : 'vi')}
    >
      {t('language.switch')}
    </button>
  );
}
