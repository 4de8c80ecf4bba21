/**
 * Where a line may break. Latin and Korean break only at spaces (Korean keeps its words whole: CSS
 * `word-break: keep-all`); Japanese and Chinese between any two characters, except that kinsoku shori keeps
 * closing punctuation, small kana and the long-vowel mark off a line's start and opening brackets off its end.
 */

/** Never at the start of a line (JIS X 4051 gyoto kinsoku, the strict set). */
export const NO_LINE_START = new Set([
  ...'、。，．,.:;!?！？：；・…‥ー〜～゠–—',
  ...'」』）］｝〕〉》】〙〗〟’”»)]}',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ',
]);

/** Never at the end of a line (gyomatsu kinsoku). */
export const NO_LINE_END = new Set([...'「『（［｛〔〈《【〘〖〝‘“«([{']);

/** Characters between which a line may break without a space: kana, ideographs, CJK punctuation, fullwidth forms. */
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u3000';

/** One piece a line is made of: a word (or a CJK character with what kinsoku ties to it), or a space. */
export interface TextUnit {
  text: string;
  space: boolean;
}

/** Whether a line may break between `a` and `b` (neither a space). */
export function canBreakBetween(a: string, b: string): boolean {
  if (NO_LINE_START.has(b) || NO_LINE_END.has(a)) return false;
  return CJK.test(a) || CJK.test(b);
}

/** A paragraph (no newline in it) cut into the units a line is filled with. */
export function textUnits(paragraph: string): TextUnit[] {
  const units: TextUnit[] = [];
  const chars = [...paragraph];
  let word = '';
  let prev = '';
  const flush = () => {
    if (word) units.push({ text: word, space: false });
    word = '';
  };
  for (const ch of chars) {
    if (isSpace(ch)) {
      flush();
      const last = units[units.length - 1];
      if (last?.space) last.text += ch;
      else units.push({ text: ch, space: true });
      prev = '';
      continue;
    }
    if (word && prev && canBreakBetween(prev, ch)) flush();
    word += ch;
    prev = ch;
  }
  flush();
  return units;
}

/** The characters of a unit that is too long for any line, split so that each piece keeps kinsoku where it can. */
export function splitUnit(text: string): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  for (const ch of chars) {
    const last = pieces.length - 1;
    if (last >= 0 && (NO_LINE_START.has(ch) || NO_LINE_END.has(pieces[last].slice(-1)))) pieces[last] += ch;
    else pieces.push(ch);
  }
  return pieces;
}
