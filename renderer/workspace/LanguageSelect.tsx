import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n';

/** The UI's language: the system's at first, the user's choice from then on (remembered). */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <select className="language" data-testid="language" aria-label={t('toolbar.language')} title={t('toolbar.language')} value={i18n.language} onChange={(e) => chooseLanguage(e.target.value as Language)}>
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
