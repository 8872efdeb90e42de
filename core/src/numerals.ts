const DIGIT_CHARS = '〇一二三四五六七八九';

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三); undefined if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  // [一-九]?十?[一-九]? read by hand (markers parse a numeral each: no regex match made for it).
  let at = 0;
  const tensOrUnit = NONZERO_DIGIT[text[at]];
  if (tensOrUnit !== undefined) at++;
  const ten = text[at] === '十';
  if (ten) at++;
  const unit = NONZERO_DIGIT[text[at]];
  if (unit !== undefined) at++;
  if (at !== text.length || text === '') return undefined;
  if (!ten) return unit !== undefined ? undefined : tensOrUnit;
  return (tensOrUnit ?? 1) * 10 + (unit ?? 0);
}

const NONZERO_DIGIT: Record<string, number | undefined> = Object.assign(Object.create(null), {
  '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
});

export function formatChineseNumeral(value: number): string {
  if (value < 1 || value > 99 || !Number.isInteger(value)) return String(value);
  if (value < 10) return DIGIT_CHARS[value];
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  return (tens > 1 ? DIGIT_CHARS[tens] : '') + '十' + (unit ? DIGIT_CHARS[unit] : '');
}

/** The character class of Chinese numerals used in markers (no 零/两: markers do not use them). */
export const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
