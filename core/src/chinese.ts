import type * as OpenCCModule from 'opencc-js';

import { TextEdit } from './text';

/**
 * OpenCC's tables (2 MB of the bundle) are loaded on the first conversion, not with the server:
 * a draft written in simplified Chinese, as most are, never needs them.
 */
function openCC(): typeof OpenCCModule {
  return require('opencc-js') as typeof OpenCCModule;
}

let toSimplifiedConverter: ((text: string) => string) | undefined;
let toTraditionalConverter: ((text: string) => string) | undefined;

/**
 * 著 is both 著 (显著, 著名) and the particle 着 in traditional text; OpenCC's t → cn keeps 著,
 * its tw → cn turns 显著 into 显着. These common 着 words are mapped on top of t → cn.
 */
const ZHE_WORDS = ['著力', '著眼', '著手', '著重', '著实', '随著', '意味著', '接著', '看著', '沿著', '围绕著', '存在著', '朝著', '本著', '紧接著']
  .map(word => [word, word.replace('著', '着')]);

/** Traditional to simplified Chinese, with mainland usage; simplified text passes through unchanged. */
export function toSimplified(text: string): string {
  if (!toSimplifiedConverter) {
    const OpenCC = openCC();
    const standard = OpenCC.Converter({ from: 't', to: 'cn' });
    const zhe = OpenCC.CustomConverter(ZHE_WORDS as [string, string][]);
    toSimplifiedConverter = input => zhe(standard(input));
  }
  return toSimplifiedConverter(text);
}

let traditionalCharacters: Set<string> | undefined;

/**
 * Whether a text holds any character that simplification changes (or one of the 着 words): a file
 * written in simplified Chinese, as most are, need not go through OpenCC line by line.
 */
export function hasTraditional(text: string): boolean {
  if (ZHE_WORDS.some(([word]) => text.includes(word))) return true;
  if (!traditionalCharacters) {
    traditionalCharacters = new Set();
    for (let code = 0x3400; code <= 0x9fff; code++) {
      const ch = String.fromCharCode(code);
      if (toSimplified(ch) !== ch) traditionalCharacters.add(ch);
    }
  }
  for (const ch of text) if (traditionalCharacters.has(ch)) return true;
  return false;
}

/** Simplified to traditional Chinese, with Taiwan's standard characters. */
export function toTraditional(text: string): string {
  toTraditionalConverter ??= openCC().Converter({ from: 'cn', to: 'tw' });
  return toTraditionalConverter(text);
}

/**
 * Edits that convert text[start, end) between traditional and simplified Chinese, line by line,
 * touching only the characters that change (a line whose length changes is replaced whole).
 */
export function convertChinese(text: string, start: number, end: number, to: 'simplified' | 'traditional'): TextEdit[] {
  const convert = to === 'simplified' ? toSimplified : toTraditional;
  const edits: TextEdit[] = [];
  let lineStart = start;
  for (const line of text.slice(start, end).split('\n')) {
    const converted = convert(line);
    if (converted.length !== line.length) {
      edits.push({ start: lineStart, end: lineStart + line.length, newText: converted });
    } else {
      for (let i = 0; i < line.length; i++) {
        if (converted[i] === line[i]) continue;
        let j = i;
        while (j < line.length && converted[j] !== line[j]) j++;
        edits.push({ start: lineStart + i, end: lineStart + j, newText: converted.slice(i, j) });
        i = j;
      }
    }
    lineStart += line.length + 1;
  }
  return edits;
}

export const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/**
 * A pinyin reading in brackets, with at least one tone mark: 區(qū), 務(wù), 龃龉(jǔ yǔ), 龃龉（jǔyǔ）.
 * A reading of several syllables separates them by spaces or not at all.
 */
export const PINYIN_READING = new RegExp(
  `[(（](?=[a-zü ]*[${TONED}])[a-zü${TONED}]{1,7}(?: [a-zü${TONED}]{1,7}){0,5}[)）]`, 'g');

const HAN = /\p{Script=Han}/u;
const OPENING = '“‘（《【〔';
const CLOSING = '”’）》】〕';
export const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

function chineseBefore(ch: string | undefined): boolean {
  return !!ch && (HAN.test(ch) || CLOSING.includes(ch) || '，。、；：？！'.includes(ch));
}

function chineseAfter(ch: string | undefined): boolean {
  return !!ch && (HAN.test(ch) || OPENING.includes(ch));
}

/**
 * Half-width , : ; ? ! next to Chinese become full-width, and ( ) around Chinese become （ ）.
 * `10:00`, `3,000`, Latin text and `??` runs (mangled characters, reported elsewhere) stay as they are.
 * Brackets first, and each mark sees the marks before it as made: the result is final (cleaning it
 * again changes nothing), as `（幼儿园）,3271` → `（幼儿园），3271` in one go.
 */
export function fullWidthPunctuation(text: string): string {
  // Most lines have no half-width punctuation at all.
  if (!/[,:;?!()]/.test(text)) return text;
  const bracketed = text.replace(/\(([^()\n]{0,40})\)/g, (whole, inner: string, offset: number) =>
    HAN.test(inner) || HAN.test(text[offset - 1] ?? '') ? `（${inner}）` : whole);
  let result = '';
  for (let i = 0; i < bracketed.length; i++) {
    const ch = bracketed[i];
    const full = FULL_WIDTH[ch];
    const partOfRun = bracketed[i - 1] === ch || bracketed[i + 1] === ch;
    if (full && !partOfRun && (chineseBefore(result[result.length - 1]) || chineseAfter(bracketed[i + 1]))) {
      result += full;
    } else {
      result += ch;
    }
  }
  return result;
}
