/** A small deterministic generator (mulberry32), so that a failing case can be run again. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces speech drafts are made of: markers, placeholders, formulas, CRLF, a surrogate pair. */
export const SPEECH_PIECES = [
  '一、', '二、', '三、', '（一）', '（二）', '(三)', '1.', '2.', '3、', '（1）', '一是', '二是', '一要', '第一，', '第二，', '首先，', '其次，', '最后，',
  '提高站位', '压实责任', '安全生产', '疫情防控', '同志们：', '同志们，', '下面，我讲三点意见。', '“四个意识”（政治意识、全局意识、核心意识）',
  '坚持“外防输入、内防反弹”', '道路自信、制度自信、理论自信、文化自信', '“四早”（早发现、早报告）', 'xx', '20xx年', '***', '某某', '𠮷',
  '。', '，', '、', '；', '：', '！', '？', '"', '“', '”', '(', ')', ' ', '\u3000', '\n', '\n', '\n', '\r\n', 'Word', '3,000', '10:00',
];

export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

export function speechLike(next: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += pick(next, SPEECH_PIECES);
  return text;
}

/** A random edit: an insertion, a deletion (across lines too) or a replacement, never splitting 𠮷. */
export function randomEdit(next: () => number, text: string): { start: number; end: number; newText: string } {
  // Editors never put a position inside a surrogate pair or between the \r and \n of a line break.
  const clamp = (offset: number) =>
    (offset > 0 && offset < text.length && (/[\udc00-\udfff]/.test(text[offset]) || (text[offset] === '\n' && text[offset - 1] === '\r')) ? offset - 1 : offset);
  const start = clamp(Math.floor(next() * (text.length + 1)));
  const kind = next();
  const end = kind < 0.4 ? start : clamp(Math.min(text.length, start + Math.floor(next() * 12)));
  const newText = kind < 0.7 ? speechLike(next, 1 + Math.floor(next() * 3)) : '';
  return { start, end: Math.max(start, end), newText };
}
