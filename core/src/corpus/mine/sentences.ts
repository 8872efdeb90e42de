import { afterMangled, CorpusSentence, CorpusDocument, MANGLED_SPOT, TOKEN_BREAK } from '../minedIndex';
import { forEachBodyLine, sourceOf } from './tally';

/** Punctuation that ends a sentence for completion: what follows starts afresh (下面，我讲三点意见：). */
export const SENTENCE_END = /^[。！？；：]+$/;

/** How much of the text before a sentence is kept, to tell which passage it continues. */
export const BEFORE_LENGTH = 16;
const MAX_BEFORE = 20;

interface LineSentence {
  /** The sentence's tokens joined by TOKEN_BREAK. */
  key: string;
  /** What came before it on the line, a line start written as \n. */
  before: string;
}

/** The sentences of one line, from its tokens. */
function sentencesOf(line: string, tokens: string[]): LineSentence[] {
  const found: LineSentence[] = [];
  let sentence: string[] = [];
  let at = 0;
  let lineAt = 0;
  const flush = () => {
    const length = sentence.reduce((sum, token) => sum + token.length, 0);
    // The separator cannot be part of a token: a tab in the text becomes a space.
    const key = sentence.map(token => token.replaceAll(TOKEN_BREAK, ' ')).join(TOKEN_BREAK);
    sentence = [];
    if (!key) return;
    // A sentence a mis-decoded page mangled (??) is not offered; what precedes one stops short of it.
    if (!key.includes(MANGLED_SPOT)) {
      const before = line.slice(Math.max(0, at - BEFORE_LENGTH), at);
      const clean = afterMangled(before);
      found.push({ key, before: (at < BEFORE_LENGTH && clean === before ? '\n' : '') + clean.trimStart() });
    }
    at += length;
  };
  for (const token of tokens) {
    lineAt += token.length;
    // Indentation is not part of what a drafter types.
    if (!sentence.length && !token.trim()) { at = lineAt; continue; }
    sentence.push(token);
    if (SENTENCE_END.test(token)) flush();
  }
  flush();
  return found;
}

/**
 * Every distinct sentence of the corpus with its jieba tokens, so that completion can reach any of
 * them (not only phrases shared by two speeches) and cut its items where a word ends.
 */
export function mineSentences(documents: CorpusDocument[]): CorpusSentence[] {
  const found = new Map<string, CorpusSentence>();
  // Sentences per distinct line: template corpora repeat lines.
  const lines = new Map<string, LineSentence[]>();
  forEachBodyLine(documents, (document, line, lineIndex) => {
    let sentences = lines.get(line);
    if (!sentences) lines.set(line, sentences = sentencesOf(line, document.tokens[lineIndex] ?? []));
    for (const { key, before } of sentences) {
      const known = found.get(key);
      if (!known) found.set(key, { tokens: key, count: 1, source: sourceOf(document.file, lineIndex), before: [before] });
      else {
        known.count++;
        if (known.before.length < MAX_BEFORE && !known.before.includes(before)) known.before.push(before);
      }
    }
  });
  return [...found.values()].sort((a, b) => b.count - a.count || (a.tokens < b.tokens ? -1 : a.tokens > b.tokens ? 1 : 0));
}
