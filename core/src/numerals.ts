const DIGITS: Record<string, number> = {
  '零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5,
  '六': 6, '七': 7, '八': 8, '九': 9,
};
const DIGIT_CHARS = '〇一二三四五六七八九';

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三); undefined if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, tensOrUnit, ten, unit] = match;
  if (!ten) return unit ? undefined : DIGITS[tensOrUnit!];
  return (tensOrUnit ? DIGITS[tensOrUnit] : 1) * 10 + (unit ? DIGITS[unit] : 0);
}

export function formatChineseNumeral(value: number): string {
  if (value < 1 || value > 99 || !Number.isInteger(value)) return String(value);
  if (value < 10) return DIGIT_CHARS[value];
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  return (tens > 1 ? DIGIT_CHARS[tens] : '') + '十' + (unit ? DIGIT_CHARS[unit] : '');
}

/** The character class of Chinese numerals used in markers (no 零/两: markers do not use them). */
export const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
