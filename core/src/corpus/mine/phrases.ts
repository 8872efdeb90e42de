import { CorpusDocument, PhraseEntry } from '../minedIndex';
import { isHan } from '../../text';
import { CLAUSE_BREAK, forEachBodyLine, sourceOf, Tally } from './tally';

const MAX_TOKENS = 16;
const MIN_CHARS = 4;
const MAX_CHARS = 40;
/** Below this many bits of mutual information a token run is a chance meeting, not a phrase. */
const MIN_COHESION = 1;

/** Function words a phrase neither starts nor ends with. */
const EDGE_STOP = new Set([
  '的', '了', '和', '与', '及', '并', '而', '或', '是', '在', '对', '把', '被', '将', '为', '也', '都',
  '又', '就', '从', '以', '着', '之', '其', '该', '这', '那', '要', '让', '使', '给', '向', '于', '由',
  '但', '却', '还', '再', '更', '很', '最', '已', '不', '我', '我们', '各', '每', '即', '等', '地', '得',
]);

const SEPARATOR = /^[\s\u3000、…—·\-]+$/;

function isClauseBreak(token: string): boolean {
  return CLAUSE_BREAK.test(token) || /^[\s\u3000]+$/.test(token);
}

/** Runs of tokens between clause punctuation. */
function clauses(tokens: string[]): string[][] {
  const result: string[][] = [[]];
  for (const token of tokens) {
    if (isClauseBreak(token)) result.push([]);
    else result[result.length - 1].push(token);
  }
  return result.filter(clause => clause.length > 0);
}

function edgeAllowed(token: string): boolean {
  return !EDGE_STOP.has(token) && !SEPARATOR.test(token);
}

const KEY_JOIN = '\u0001';

interface GramCount {
  count: number;
  files: number;
  lastFile: string;
}

/**
 * Frequent multi-word phrases: token runs (2 to 16 jieba tokens, within a clause) that occur in
 * two or more speeches, hold together (every split has positive mutual information) and do not
 * always run on into the same longer phrase.
 */
export function minePhrases(documents: CorpusDocument[]): PhraseEntry[] {
  const counts = new Map<string, GramCount>();
  let totalTokens = 0;
  const each = (visit: (document: CorpusDocument, lineIndex: number, clause: string[], from: number, to: number) => void) => {
    forEachBodyLine(documents, (document, _line, lineIndex) => {
      for (const clause of clauses(document.tokens[lineIndex])) {
        for (let from = 0; from < clause.length; from++) {
          let chars = 0;
          for (let to = from + 1; to <= Math.min(clause.length, from + MAX_TOKENS); to++) {
            chars += clause[to - 1].length;
            if (chars > MAX_CHARS) break;
            visit(document, lineIndex, clause, from, to);
          }
        }
      }
    });
  };
  each((document, _line, clause, from, to) => {
    if (to - from === 1) totalTokens++;
    const key = clause.slice(from, to).join(KEY_JOIN);
    const entry = counts.get(key);
    if (!entry) counts.set(key, { count: 1, files: 1, lastFile: document.file });
    else {
      entry.count++;
      if (entry.lastFile !== document.file) {
        entry.files++;
        entry.lastFile = document.file;
      }
    }
  });

  const countOf = (tokens: string[]) => counts.get(tokens.join(KEY_JOIN))?.count ?? 0;
  const cohesionOf = (tokens: string[], count: number) => {
    let least = Infinity;
    for (let split = 1; split < tokens.length; split++) {
      const left = countOf(tokens.slice(0, split));
      const right = countOf(tokens.slice(split));
      if (left && right) least = Math.min(least, Math.log2((count * totalTokens) / (left * right)));
    }
    return least;
  };

  const candidates = new Map<string, { tokens: string[]; count: number; files: number; cohesion: number }>();
  for (const [key, { count, files }] of counts) {
    if (files < 2) continue;
    const tokens = key.split(KEY_JOIN);
    const text = tokens.join('');
    if (tokens.length < 2 || text.length < MIN_CHARS) continue;
    if (!edgeAllowed(tokens[0]) || !edgeAllowed(tokens[tokens.length - 1])) continue;
    if ([...text].filter(isHan).length < 2) continue;
    const cohesion = cohesionOf(tokens, count);
    if (cohesion < MIN_COHESION) continue;
    candidates.set(key, { tokens, count, files, cohesion });
  }
  // A run that only ever occurs at the start of a longer candidate adds nothing to completion,
  // which matches typed text against the start of a phrase. Later parts are kept: 坚决克服… must
  // not hide 克服麻痹思想….
  const absorbed = new Set<string>();
  for (const { tokens, count } of candidates.values()) {
    for (let to = 2; to < tokens.length; to++) {
      const key = tokens.slice(0, to).join(KEY_JOIN);
      if (candidates.get(key)?.count === count) absorbed.add(key);
    }
  }
  for (const key of absorbed) candidates.delete(key);

  const tally = new Tally<{ files: number; cohesion: number }>();
  each((document, lineIndex, clause, from, to) => {
    const key = clause.slice(from, to).join(KEY_JOIN);
    const candidate = candidates.get(key);
    if (!candidate) return;
    const text = candidate.tokens.join('');
    const line = document.lines[lineIndex];
    tally.add(text, candidate, sourceOf(document.file, lineIndex), line, Math.max(0, line.indexOf(text)), text.length);
  });
  return tally.sorted().map(({ key, value, count, sources, context }) => ({
    text: key, count, speeches: value.files, cohesion: Math.round(value.cohesion * 100) / 100, sources, context,
  }));
}
