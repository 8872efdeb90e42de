import { CorpusDocument, PhraseEntry } from '../minedIndex';
import { isHan } from '../../text';
import { CLAUSE_BREAK, forEachBodyLine, MAX_SOURCES, sourceOf, Tally } from './tally';

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

const SEPARATOR = /^[\s\u3000、…—·-]+$/;

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
  /** The one file seen so far, until a second one makes `severalFiles` true. */
  file?: string;
  severalFiles: boolean;
}

/** A clause as it recurs: template corpora repeat whole clauses, which are counted once, times their number. */
interface UniqueClause {
  tokens: string[];
  /** Where it occurs, in corpus order (`rank` orders them across clauses). */
  occurrences: { document: CorpusDocument; lineIndex: number; rank: number }[];
  files: Set<string>;
}

function uniqueClauses(documents: CorpusDocument[]): UniqueClause[] {
  // Lines first: a template corpus repeats whole lines, whose clauses need splitting only once.
  const lines = new Map<string, { tokens: string[]; occurrences: { document: CorpusDocument; lineIndex: number; rank: number }[] }>();
  let rank = 0;
  forEachBodyLine(documents, (document, line, lineIndex) => {
    let entry = lines.get(line);
    if (!entry) lines.set(line, entry = { tokens: document.tokens[lineIndex], occurrences: [] });
    entry.occurrences.push({ document, lineIndex, rank: rank++ });
  });
  const unique = new Map<string, UniqueClause>();
  for (const { tokens, occurrences } of lines.values()) {
    clauses(tokens).forEach((clause, index) => {
      const key = clause.join(KEY_JOIN);
      let entry = unique.get(key);
      if (!entry) unique.set(key, entry = { tokens: clause, occurrences: [], files: new Set() });
      for (const occurrence of occurrences) {
        // Clauses of one line keep their order: a line holds far fewer than 10,000 of them.
        entry.occurrences.push({ ...occurrence, rank: occurrence.rank * 10000 + index });
        entry.files.add(occurrence.document.file);
      }
    });
  }
  for (const entry of unique.values()) entry.occurrences.sort((a, b) => a.rank - b.rank);
  return [...unique.values()];
}

/** Every token run of a clause within the length limits, with its key (tokens joined). */
function forEachGram(tokens: string[], visit: (key: string, from: number, to: number) => void): void {
  for (let from = 0; from < tokens.length; from++) {
    let chars = 0;
    let key = '';
    for (let to = from + 1; to <= Math.min(tokens.length, from + MAX_TOKENS); to++) {
      chars += tokens[to - 1].length;
      if (chars > MAX_CHARS) break;
      key = to === from + 1 ? tokens[from] : key + KEY_JOIN + tokens[to - 1];
      visit(key, from, to);
    }
  }
}

/**
 * Frequent multi-word phrases: token runs (2 to 16 jieba tokens, within a clause) that occur in
 * two or more speeches, hold together (every split has positive mutual information) and do not
 * always run on into the same longer phrase.
 */
export function minePhrases(documents: CorpusDocument[]): PhraseEntry[] {
  const clauseList = uniqueClauses(documents);
  const counts = new Map<string, GramCount>();
  let totalTokens = 0;
  for (const clause of clauseList) {
    const times = clause.occurrences.length;
    const [onlyFile] = clause.files.size === 1 ? clause.files : [undefined];
    forEachGram(clause.tokens, (key, from, to) => {
      if (to - from === 1) totalTokens += times;
      let entry = counts.get(key);
      if (!entry) counts.set(key, entry = { count: 0, severalFiles: false });
      entry.count += times;
      if (!onlyFile) entry.severalFiles = true;
      else if (entry.file === undefined) entry.file = onlyFile;
      else if (entry.file !== onlyFile) entry.severalFiles = true;
    });
  }

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

  const candidates = new Map<string, { tokens: string[]; count: number; cohesion: number }>();
  for (const [key, { count, severalFiles }] of counts) {
    if (!severalFiles) continue;
    const tokens = key.split(KEY_JOIN);
    const text = tokens.join('');
    if (tokens.length < 2 || text.length < MIN_CHARS) continue;
    if (!edgeAllowed(tokens[0]) || !edgeAllowed(tokens[tokens.length - 1])) continue;
    if ([...text].filter(isHan).length < 2) continue;
    const cohesion = cohesionOf(tokens, count);
    if (cohesion < MIN_COHESION) continue;
    candidates.set(key, { tokens, count, cohesion });
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

  // The clauses each phrase occurs in (once per position), for its sources, files and first context.
  const clausesOf = new Map<string, UniqueClause[]>();
  for (const clause of clauseList) {
    forEachGram(clause.tokens, key => {
      if (!candidates.has(key)) return;
      const list = clausesOf.get(key);
      if (list) list.push(clause); else clausesOf.set(key, [clause]);
    });
  }
  const tally = new Tally<{ files: number; cohesion: number }>();
  for (const [key, clauses] of clausesOf) {
    const candidate = candidates.get(key)!;
    const text = candidate.tokens.join('');
    const files = new Set(clauses.flatMap(clause => [...clause.files])).size;
    // Each clause's occurrences are in corpus order: the first MAX_SOURCES of each are enough.
    const first = clauses.flatMap(clause => clause.occurrences.slice(0, MAX_SOURCES)).sort((a, b) => a.rank - b.rank).slice(0, MAX_SOURCES);
    const value = { files, cohesion: candidate.cohesion };
    for (const { document, lineIndex } of first) {
      const line = document.lines[lineIndex];
      tally.add(text, value, sourceOf(document.file, lineIndex), line, Math.max(0, line.indexOf(text)), text.length);
    }
    const counted = clauses.reduce((sum, clause) => sum + clause.occurrences.length, 0);
    tally.addCount(text, counted - first.length);
  }
  return tally.sorted().map(({ key, value, count, sources, context }) => ({
    text: key, count, speeches: value.files, cohesion: Math.round(value.cohesion * 100) / 100, sources, context,
  }));
}
