/** Segments Chinese text into words; named so that an index records what segmented it. */
export interface Segmenter {
  name: string;
  cut(text: string): string[];
}

/**
 * nodejieba is a native addon that takes ~0.8 s and ~300 MB to load its dictionaries: it is
 * required here, on first use, and only by the CLI and the mining worker, never by the server.
 */
export function loadJieba(): Segmenter {
  const jieba = require('nodejieba') as typeof import('nodejieba');
  const { version } = require('nodejieba/package.json') as { version: string };
  jieba.load();
  return { name: `nodejieba ${version}`, cut: text => jieba.cut(text) };
}
