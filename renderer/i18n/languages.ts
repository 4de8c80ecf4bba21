/** The languages of the UI, by their BCP 47 code; each has its renderer/i18n/CODE.json. */
export const LANGUAGES = ['en', 'ko', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어', ja: '日本語' };

export const isLanguage = (s: unknown): s is Language => (LANGUAGES as readonly unknown[]).includes(s);

/** The first of the user's languages (most preferred first: "ko-KR", "ja", "en-GB") the UI has; English otherwise. */
export function pickLanguage(preferred: ReadonlyArray<string | undefined>): Language {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
