/**
 * How a character stands in vertical writing (after Unicode UAX #50 and Japanese typesetting practice, for fonts
 * without `vert` alternates): upright (kana, ideographs, Hangul), turned 90° clockwise (brackets, dashes, the
 * long-vowel mark, Latin letters and digits), or upright in the top-right corner of its cell (the comma and full
 * stop, which sit bottom-left in horizontal type).
 */
export type VerticalOrientation = 'upright' | 'rotate' | 'corner' | 'small';

const ROTATED = new Set([...'ー〜～…‥—―–-_~=＝（）「」『』【】〈〉《》［］｛｝〔〕〘〙〖〗()[]{}<>＜＞:;：；|｜→←']);
const CORNER = new Set([...'、。，．']);
const SMALL = new Set([...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ']);
const UPRIGHT = /[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3130-\u318f\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]/;

export function verticalOrientation(ch: string): VerticalOrientation {
  if (CORNER.has(ch)) return 'corner';
  if (SMALL.has(ch)) return 'small';
  if (ROTATED.has(ch)) return 'rotate';
  return UPRIGHT.test(ch) ? 'upright' : 'rotate';
}
