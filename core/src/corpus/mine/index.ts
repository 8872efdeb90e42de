import { CorpusDocument, MinedIndex, MINED_INDEX_VERSION } from '../minedIndex';
import { mineSummaries, mineSlogans } from './slogans';
import { minePhrases } from './phrases';
import { mineSentences } from './sentences';
import { mineHeadingPatterns, mineSpeechParts } from './speechParts';

/**
 * Mines segmented speeches into the index; the same documents always give the same index.
 * Without `phrases` (the editor completes from sentences) the slowest and largest part is left out.
 */
export function mineCorpus(documents: CorpusDocument[], segmenter: string, { phrases = true } = {}): MinedIndex {
  const sorted = [...documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    version: MINED_INDEX_VERSION,
    segmenter,
    speeches: sorted.map(({ file, title }) => ({ file, title })),
    phrases: phrases ? minePhrases(sorted) : [],
    slogans: mineSlogans(sorted),
    summaries: mineSummaries(sorted),
    ...mineSpeechParts(sorted),
    headingPatterns: mineHeadingPatterns(sorted),
    sentences: mineSentences(sorted),
  };
}
