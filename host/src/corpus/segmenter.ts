/** Segments Chinese text into words; named so that an index records what segmented it. */
export interface Segmenter {
  name: string;
  cut(text: string): string[];
}

/**
 * nodejieba is a native addon that takes ~0.8 s and ~300 MB to load its dictionaries, and never
 * frees them. Its dictionaries are loaded on the first `cut`, so a run whose files all come from
 * the cache never loads them; only the CLI and the mining process segment with it; the server reads its name only.
 */
export function jiebaSegmenter(): Segmenter {
  let jieba: typeof import('nodejieba') | undefined;
  return {
    name: jiebaSegmenterName(),
    cut: text => {
      if (!jieba) {
        jieba = require('nodejieba') as typeof import('nodejieba');
        jieba.load();
      }
      return jieba.cut(text);
    },
  };
}

/** The name jiebaSegmenter() records, read from nodejieba's package.json without loading nodejieba. */
export function jiebaSegmenterName(): string {
  const { version } = require('nodejieba/package.json') as { version: string };
  return `nodejieba ${version}`;
}
