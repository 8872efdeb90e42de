import { Heading } from '../structure';
import { LineIndex } from '../text';
import { CandidateIndex } from './candidates';
import { CorpusMatch, corpusMatchesAt } from './complete';
import { CHILD_KINDS, Continuation, continuationsAt } from './continuation';
import { SentenceCompletion, sentenceCompletionsAt, SentenceIndex } from './sentenceIndex';

export type DraftCompletion =
  | { kind: 'outline'; text: string; start: number; end: number; continuation: Continuation }
  | { kind: 'sentence'; text: string; start: number; end: number; sentence: SentenceCompletion }
  | { kind: 'formula'; text: string; start: number; end: number; formula: CorpusMatch };

export interface CompletionSources {
  sentences?: SentenceIndex;
  formulas?: CandidateIndex;
  childKinds?: typeof CHILD_KINDS;
}

/**
 * Everything completion offers at an offset, best first: the outline's next markers at a line
 * start, then the corpus sentences that continue the clause, then formulas not offered already.
 * Each item replaces exactly the typed text from its `start` to the cursor with `text`.
 */
export function completionsAt(lines: LineIndex, offset: number, headings: Heading[], sources: CompletionSources): DraftCompletion[] {
  const outline = continuationsAt(lines, offset, headings, sources.childKinds)
    .map(continuation => ({ kind: 'outline' as const, text: continuation.marker, start: continuation.start, end: continuation.end, continuation }));
  const sentences = sources.sentences ? sentenceCompletionsAt(lines, offset, sources.sentences) : [];
  const offered = new Set(sentences.map(s => s.text));
  const formulas = sources.formulas ? corpusMatchesAt(lines, offset, sources.formulas).filter(m => !offered.has(m.candidate.text)) : [];
  return [
    ...outline,
    ...sentences.map(sentence => ({ kind: 'sentence' as const, text: sentence.text, start: sentence.start, end: sentence.end, sentence })),
    ...formulas.map(formula => ({ kind: 'formula' as const, text: formula.candidate.text, start: formula.start, end: formula.end, formula })),
  ];
}
