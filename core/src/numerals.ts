const DIGIT_CHARS = '〇一二三四五六七八九';

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三); undefined if it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  // [一-九]?十?[一-九]? read by code (markers parse a numeral each: no regex match, nor a string per character, made for it).
  let at = 0;
  const tensOrUnit = NONZERO_DIGIT[text.charCodeAt(at)];
  if (tensOrUnit) at++;
  const ten = text.charCodeAt(at) === TEN;
  if (ten) at++;
  const unit = NONZERO_DIGIT[text.charCodeAt(at)];
  if (unit) at++;
  if (at !== text.length || text === '') return undefined;
  if (!ten) return unit ? undefined : tensOrUnit;
  return (tensOrUnit || 1) * 10 + (unit || 0);
}

const TEN = '十'.charCodeAt(0);
/** Per code, the value of 一 to 九 (0 for any other character; past the text's end, undefined). */
const NONZERO_DIGIT = new Uint8Array(0x10000);
for (let value = 1; value <= 9; value++) NONZERO_DIGIT[DIGIT_CHARS.charCodeAt(value)] = value;

export function formatChineseNumeral(value: number): string {
  if (value < 1 || value > 99 || !Number.isInteger(value)) return String(value);
  if (value < 10) return DIGIT_CHARS[value];
  const tens = Math.floor(value / 10);
  const unit = value % 10;
  return (tens > 1 ? DIGIT_CHARS[tens] : '') + '十' + (unit ? DIGIT_CHARS[unit] : '');
}

/** The character class of Chinese numerals used in markers (no 零/两: markers do not use them). */
export const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
