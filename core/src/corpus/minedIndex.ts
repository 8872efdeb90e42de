/** The mined index: what the corpus says, each entry with how often and where (`file:line`). */
export const MINED_INDEX_VERSION = 2;

/** `speech-01.txt:12`: a file of the corpus and a 1-based line in it, as the index stores it. */
export type Source = string;

/** Where a source points: a file of the corpus and a 1-based line. */
export interface SourcePlace {
  file: string;
  line: number;
}

/** The file and line of a stored source; the one place that reads the `file:line` form. */
export function sourcePlace(source: Source): SourcePlace {
  const colon = source.lastIndexOf(':');
  return { file: source.slice(0, colon), line: Number(source.slice(colon + 1)) };
}

export interface Occurrences {
  count: number;
  /** Where it occurs, in corpus order: all of them, or the first 20 of a frequent entry. */
  sources: Source[];
  /** A short excerpt around the first occurrence. */
  context: string;
}

/** A multi-word phrase: a run of jieba tokens that recurs in two or more speeches. */
export interface PhraseEntry extends Occurrences {
  text: string;
  /** Distinct files it occurs in. */
  speeches: number;
  /** Smallest pointwise mutual information (bits) over the ways to split it in two. */
  cohesion: number;
}

/** Items in a row (早发现、早报告、早隔离、早治疗) sharing a shape such as 早□□ or 甲而又甲. */
export interface SloganEntry extends Occurrences {
  items: string[];
  shape: string;
}

export interface ExpansionEntry {
  items: string[];
  count: number;
  sources: Source[];
}

/** A numeric summary such as “四早”, with the expansions the corpus gives for it. */
export interface SummaryEntry extends Occurrences {
  text: string;
  /** The number it states; none for compound names (三严三实). */
  number?: number;
  /** What every item of an expansion contains: 早 for 四早, 意识 for 四个意识. */
  key: string;
  expansions: ExpansionEntry[];
}

export type SentenceRole = 'salutation' | 'opening' | 'announcement' | 'closing';

/** A sentence a speech typically opens or closes with (同志们：, 下面，我讲三点意见：). */
export interface SentenceEntry extends Occurrences {
  role: SentenceRole;
  text: string;
}

/** Separates the jieba tokens of a sentence in `CorpusSentence.tokens`. */
export const TOKEN_BREAK = '\t';

/** A sentence of the corpus (up to 。！？；： or the line end), its tokens separated by TOKEN_BREAK. */
export interface CorpusSentence {
  tokens: string;
  count: number;
  /** Its first occurrence. */
  source: Source;
  /**
   * The text before it on its lines (up to 16 characters; \n for a line start), distinct, the first
   * 20: which passages it continues.
   */
  before: string[];
}

export interface HeadingPattern {
  level: number;
  kind: string;
  count: number;
  medianLength: number;
  /** The kind most often found on the next level under it, if any. */
  childKind?: string;
  examples: { text: string; source: Source }[];
}

export interface MinedIndex {
  version: number;
  segmenter: string;
  speeches: { file: string; title: string }[];
  phrases: PhraseEntry[];
  slogans: SloganEntry[];
  summaries: SummaryEntry[];
  openings: SentenceEntry[];
  closings: SentenceEntry[];
  headingPatterns: HeadingPattern[];
  /** Every distinct sentence, for completion that continues any of them. */
  sentences: CorpusSentence[];
}

/** The index's lists: what a file or a cache of an index must hold, each an array. */
export const MINED_INDEX_LISTS: readonly (keyof MinedIndex)[] = ['speeches', 'phrases', 'slogans', 'summaries', 'openings', 'closings', 'headingPatterns', 'sentences'];

/** One speech as the miner sees it: its lines and the jieba tokens of each line. */
export interface CorpusDocument {
  file: string;
  title: string;
  /** Every line of the file; line numbers in sources are index + 1. */
  lines: string[];
  /** Index of the first line after the title. */
  bodyStart: number;
  tokens: string[][];
}

/**
 * A spot that a mis-decoded page mangled: `??` stands for a full stop, and the characters after it
 * up to the next punctuation are garbled (确??荚嚢踩？). The importer keeps such spots and reports
 * them; the miner keeps them out of every excerpt and sentence it offers the drafter.
 */
export const MANGLED_SPOT = '??';

const AFTER_MANGLED = /[，。；：！？、,;:!?]/g;

/** Where the text garbled by the mangled spot at `spot` ends: after the next punctuation. */
export function endOfMangled(text: string, spot: number): number {
  AFTER_MANGLED.lastIndex = spot + MANGLED_SPOT.length;
  const match = AFTER_MANGLED.exec(text);
  if (!match) return text.length;
  let end = match.index + 1;
  while (end < text.length && '，。；：！？、,;:!?'.includes(text[end])) end++;
  return end;
}

/** `text` without what comes before the end of its last mangled spot (the whole text when it has none). */
export function afterMangled(text: string): string {
  const spot = text.lastIndexOf(MANGLED_SPOT);
  return spot < 0 ? text : text.slice(endOfMangled(text, spot));
}

/** An occurrence in its line with some text around it; never reaching into a mangled spot (??). */
export function excerpt(line: string, at: number, length: number, around = 12): string {
  let start = Math.max(0, at - around);
  let end = Math.min(line.length, at + length + around);
  const before = line.lastIndexOf(MANGLED_SPOT, at - 1);
  if (before >= 0 && before + 1 >= start) start = Math.min(at, Math.max(start, endOfMangled(line, before)));
  const after = line.indexOf(MANGLED_SPOT, at + length);
  if (after >= 0 && after < end) end = after;
  return `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
}

/** Orders by count (descending), then by text in code-point order, so output is deterministic. */
export function byCountThenText<T extends { count: number }>(key: (entry: T) => string) {
  return (a: T, b: T) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** The index as JSON with one entry per line, so that a change to the corpus reads as a small diff. */
export function formatMinedIndex(index: MinedIndex): string {
  const parts = Object.entries(index).map(([key, value]) => {
    if (!Array.isArray(value)) return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    if (!value.length) return `  ${JSON.stringify(key)}: []`;
    return `  ${JSON.stringify(key)}: [\n${value.map(entry => `    ${JSON.stringify(entry)}`).join(',\n')}\n  ]`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
