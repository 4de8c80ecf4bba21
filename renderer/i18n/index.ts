import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';
import ko from './ko.json';
import { isLanguage, pickLanguage, type Language } from './languages';

export { LANGUAGES, LANGUAGE_NAMES, type Language } from './languages';

const KEY = 'your-cartoon-language';

/** The language chosen in the app (remembered), else the system's: Electron's app.getLocale(), the browser's list. */
export function startLanguage(): Language {
  const chosen = safeStorage()?.getItem(KEY);
  if (isLanguage(chosen)) return chosen;
  return pickLanguage([window.comicDesktop?.locale, ...(navigator.languages ?? []), navigator.language]);
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the choice lasts this session
  }
}

/** One i18next for the page. Keys are flat ("toolbar.open"): the files stay sorted lists that merge cleanly. */
export function initI18n(language = startLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switches the UI's language and remembers the choice. */
export function chooseLanguage(language: Language): void {
  safeStorage()?.setItem(KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}
