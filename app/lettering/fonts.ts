/**
 * The lettering fonts the product ships (open licences, from npm packages; docs/lettering.md lists them). A balloon
 * names one by id, or none: then the font follows the script of its words.
 */
export type LetteringFontId = 'comic-neue' | 'pretendard' | 'pretendard-jp';

export interface LetteringFont {
  id: LetteringFontId;
  /** What the user sees in the font menu. */
  name: string;
  /** The font file's name as the app serves it (GET /fonts/FILE in the browser host, comic-font://fonts/FILE in Electron). */
  file: string;
  /** The scripts it is the default for. */
  scripts: Script[];
}

export type Script = 'latin' | 'korean' | 'japanese';

export const LETTERING_FONTS: readonly LetteringFont[] = [
  { id: 'comic-neue', name: 'Comic Neue Bold', file: 'ComicNeue-Bold.woff', scripts: ['latin'] },
  { id: 'pretendard', name: 'Pretendard Bold (한국어)', file: 'Pretendard-Bold.ttf', scripts: ['korean'] },
  { id: 'pretendard-jp', name: 'Pretendard JP Bold (日本語)', file: 'PretendardJP-Bold.ttf', scripts: ['japanese'] },
];

/** The font of the credits line under the last page (Latin and Korean, regular weight). */
export const CREDITS_FONT = { id: 'pretendard-regular', file: 'Pretendard-Regular.ttf' } as const;

export const FONT_FILES = [...LETTERING_FONTS.map((f) => f.file), CREDITS_FONT.file];

export function isLetteringFontId(value: unknown): value is LetteringFontId {
  return LETTERING_FONTS.some((f) => f.id === value);
}

export function letteringFont(id: LetteringFontId): LetteringFont {
  return LETTERING_FONTS.find((f) => f.id === id)!;
}

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * The script a text is written in, for its default font: any kana makes it Japanese, else any Hangul Korean, else
 * ideographs alone Japanese (the Japanese font has the kanji; the Korean one has few), else Latin.
 */
export function scriptOf(text: string): Script {
  if (KANA.test(text)) return 'japanese';
  if (HANGUL.test(text)) return 'korean';
  if (HAN.test(text)) return 'japanese';
  return 'latin';
}

/** The font a balloon's words are set in: the one it names, else the default of their script. */
export function fontFor(text: string, chosen?: LetteringFontId): LetteringFontId {
  if (chosen && isLetteringFontId(chosen)) return chosen;
  const script = scriptOf(text);
  return LETTERING_FONTS.find((f) => f.scripts.includes(script))!.id;
}
