import { CorpusSentence, MinedIndex, sourcePlace, TOKEN_BREAK } from '../corpus/minedIndex';
import { firstIndex, isHan, LineIndex } from '../text';

/**
 * Ends an item: a sentence end, a quotation or a bracket. An item runs on over ， and 、 (a list
 * comes back whole) as long as the corpora agree on what follows.
 */
const ITEM_END = '。；：！？“”‘’（）《》【】\n';
/** Marks a sentence start in the index text, and a line start in the context of a query. */
const SENTENCE_START = '\n';
const SENTENCE_END = '。！？；：';
/** Where what the drafter types starts afresh: after any clause punctuation or 、. */
const TYPED_START = `${ITEM_END}，、 \u3000`;

/** The longest item, in characters after what was typed. */
const MAX_CONTINUATION = 32;
/** How much of the typed clause is looked up at most. */
const MAX_QUERY = 24;
/** Each further character of left context that matches multiplies an occurrence's weight. */
const CONTEXT_FACTOR = 4;
const MAX_CONTEXT = 16;
/** The user's own sentences outweigh the shipped corpus's by this much. */
const USER_FACTOR = 64;
/**
 * Weight that stands for text the corpus does not hold, in units of one shipped occurrence with no
 * context matched, divided by CONTEXT_FACTOR for each typed character past two (they match as
 * context does): a shipped sentence seen once, of two typed characters whose context matches at most
 * one more, is not enough to fill in a long run after it (text unlike the corpus); one whose context
 * matches on, a sentence the corpora repeat, or the user's own sentence is.
 */
const UNSEEN = CONTEXT_FACTOR;
/** Further items are offered when their first characters carry at least this share of the weight the corpora hold. */
const ALTERNATIVE_SHARE = 0.1;
/** The first item is offered when its first characters carry at least this share of the weight. */
const FIRST_SHARE = 0.3;
const MAX_ITEMS = 5;

/** Where an item's sentence comes from. */
export interface CandidateSource {
  title: string;
  file: string;
  line: number;
  /** The whole sentence. */
  context: string;
}

export interface SentenceCorpus {
  sentences: CorpusSentence[];
  speeches: MinedIndex['speeches'];
  fromUser: boolean;
}

export interface SentenceCompletion {
  /** The typed text from `start` to the cursor, then its continuation. */
  text: string;
  start: number;
  end: number;
  count: number;
  fromUser: boolean;
  source: CandidateSource;
}

/** What an item inserts after the typed text, and the heaviest sentence it comes from. */
interface Continuation {
  continuation: string;
  count: number;
  sentence: number;
}

interface Branch {
  weight: number;
  /** A word ends after this character in some occurrence through it: an item may stop here. */
  wordEnd: boolean;
  /** Some occurrence's continuation ends here (its sentence ends, or a quotation or bracket opens). */
  clauseEnd: boolean;
  /** The heaviest occurrence through it, for its source. */
  sentence: number;
  sentenceWeight: number;
  count: number;
  children: Map<string, Branch>;
}

const newBranch = (): Branch => ({ weight: 0, wordEnd: false, clauseEnd: false, sentence: -1, sentenceWeight: 0, count: 0, children: new Map() });

/**
 * Every sentence of the corpora in one text, each after a SENTENCE_START, with where its words end,
 * and the positions of every two-character key (a sentence start counts as a character) for lookup.
 */
export class SentenceIndex {
  private readonly text: string;
  private readonly wordEnds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly weights: Float64Array;
  private readonly counts: Int32Array;
  private readonly origins: { fromUser: boolean; titles: Map<string, string> }[] = [];
  private readonly originOf: Uint8Array;
  private readonly sources: string[] = [];
  private readonly befores: string[][] = [];
  /**
   * Each code unit of the text → a small number, so that a pair's key stays a small integer (a
   * code unit times 0x10000 is a heap number, slow to hash and allocated anew for each position).
   */
  private readonly unitIds = new Int32Array(0x10000);
  private distinctUnits = 0;
  /** Two characters' ids as one number → their slot in keyStarts. */
  private readonly keys = new Map<number, number>();
  private readonly keyStarts: Int32Array;
  private readonly positions: Int32Array;

  /** The user's corpus first: its sentences outweigh the shipped ones. */
  constructor(corpora: SentenceCorpus[]) {
    const total = corpora.reduce((sum, c) => sum + c.sentences.length, 0);
    this.starts = new Int32Array(total);
    this.weights = new Float64Array(total);
    this.counts = new Int32Array(total);
    this.originOf = new Uint8Array(total);
    const parts: string[] = [];
    const ends: number[] = [];
    let length = 0;
    let id = 0;
    const tokenBreak = TOKEN_BREAK.charCodeAt(0);
    corpora.forEach((corpus, origin) => {
      this.origins.push({ fromUser: corpus.fromUser, titles: new Map(corpus.speeches.map(s => [s.file, s.title])) });
      for (const sentence of corpus.sentences) {
        parts.push(SENTENCE_START);
        length++;
        this.starts[id] = length;
        const { tokens } = sentence;
        let plain = 0;
        // By code unit: indexing a string by character allocates a string for each Han character.
        for (let i = 0; i < tokens.length; i++) {
          if (tokens.charCodeAt(i) === tokenBreak) ends.push(length + plain); else plain++;
        }
        length += plain;
        ends.push(length);
        parts.push(tokens.replaceAll(TOKEN_BREAK, ''));
        this.counts[id] = sentence.count;
        this.weights[id] = sentence.count * (corpus.fromUser ? USER_FACTOR : 1);
        this.originOf[id] = origin;
        this.sources.push(sentence.source);
        this.befores.push(sentence.before);
        id++;
      }
    });
    parts.push(SENTENCE_START);
    this.text = parts.join('');
    this.wordEnds = new Uint8Array(this.text.length + 1);
    for (const end of ends) this.wordEnds[end] = 1;
    for (let at = 0; at < this.text.length; at++) {
      const unit = this.text.charCodeAt(at);
      if (!this.unitIds[unit]) this.unitIds[unit] = ++this.distinctUnits;
    }
    // Two passes over the keys: count, then place, so that the positions are one typed array.
    const sizes: number[] = [];
    this.forEachKey((key) => {
      let k = this.keys.get(key);
      if (k === undefined) { this.keys.set(key, k = sizes.length); sizes.push(0); }
      sizes[k]++;
    });
    this.keyStarts = new Int32Array(sizes.length + 1);
    for (let k = 0; k < sizes.length; k++) this.keyStarts[k + 1] = this.keyStarts[k] + sizes[k];
    this.positions = new Int32Array(this.keyStarts[sizes.length]);
    const filled = this.keyStarts.slice(0, sizes.length);
    this.forEachKey((key, at) => { this.positions[filled[this.keys.get(key)!]++] = at; });
  }

  private forEachKey(visit: (key: number, at: number) => void): void {
    const { text } = this;
    const sentenceStart = SENTENCE_START.charCodeAt(0);
    for (let at = 0; at + 1 < text.length; at++) {
      if (text.charCodeAt(at + 1) === sentenceStart) continue;
      visit(this.keyOf(text, at)!, at);
    }
  }

  /** The key of the two code units at `at`; undefined when the index does not hold one of them. */
  private keyOf(text: string, at: number): number | undefined {
    const first = this.unitIds[text.charCodeAt(at)];
    const second = this.unitIds[text.charCodeAt(at + 1)];
    return first && second ? first * (this.distinctUnits + 1) + second : undefined;
  }

  /** Where `query` (two characters or more) occurs in the index text. */
  private occurrences(query: string): number[] {
    const key = this.keyOf(query, 0);
    const k = key === undefined ? undefined : this.keys.get(key);
    if (k === undefined) return [];
    const found: number[] = [];
    for (let i = this.keyStarts[k]; i < this.keyStarts[k + 1]; i++) {
      const at = this.positions[i];
      if (query.length <= 2 || this.text.startsWith(query, at)) found.push(at);
    }
    return found;
  }

  private sentenceAt(position: number): number {
    return firstIndex(this.starts.length, i => this.starts[i] > position) - 1;
  }

  /**
   * Items that continue `typed` (the end of the current clause, at least one character) given the
   * context before it, the sentence start written as SENTENCE_START. Most likely first; none when
   * nothing is likely enough.
   */
  continuations(context: string, typed: string): { typedLength: number; items: Continuation[] } {
    for (let length = Math.min(typed.length, MAX_QUERY); length >= 1; length--) {
      const query = typed.slice(typed.length - length);
      const lead = query.charCodeAt(0);
      if (lead >= 0xdc00 && lead <= 0xdfff) continue;
      const before = context + typed.slice(0, typed.length - length);
      // One character is looked up only where the clause starts, with what precedes it.
      if (length === 1 && (length !== typed.length || !before)) break;
      const previous = before[before.length - 1];
      const key = SENTENCE_END.includes(previous) || previous === '\n' ? SENTENCE_START : previous;
      const found = length === 1 ? this.occurrences(key + query).map(at => at + 1) : this.occurrences(query);
      if (!found.length) continue;
      const items = this.rank(found, length, before);
      return { typedLength: length, items };
    }
    return { typedLength: 0, items: [] };
  }

  private rank(found: number[], length: number, before: string) {
    const root = newBranch();
    for (const at of found) {
      const sentence = this.sentenceAt(at);
      const matched = this.contextMatch(at, sentence, before);
      const weight = this.weights[sentence] * CONTEXT_FACTOR ** matched;
      let branch = root;
      branch.weight += weight;
      for (let i = at + length; i < at + length + MAX_CONTINUATION; i++) {
        const ch = this.text[i];
        if (ITEM_END.includes(ch)) {
          // The sentence's end punctuation (or a closing mark) is kept with the item: it ends cleanly.
          if (branch !== root && ch !== SENTENCE_START && !'“‘（《【'.includes(ch)) {
            branch = this.step(branch, ch, weight, sentence);
            branch.wordEnd = true;
          }
          branch.clauseEnd = true;
          break;
        }
        branch = this.step(branch, ch, weight, sentence);
        if (this.wordEnds[i + 1]) branch.wordEnd = true;
      }
    }
    return this.pick(root, 1 / CONTEXT_FACTOR ** Math.max(0, length - 2));
  }

  /** How many characters before an occurrence match `before`, through to what preceded its sentence. */
  private contextMatch(at: number, sentence: number, before: string): number {
    let matched = 0;
    while (matched < MAX_CONTEXT && matched < before.length) {
      const ch = this.text[at - 1 - matched];
      if (ch === SENTENCE_START) {
        // A paragraph start in the draft is a sentence start like any other (下面，我讲… mostly follows a 。).
        if (before[before.length - 1 - matched] === SENTENCE_START) return matched + 1;
        let longest = 0;
        for (const preceding of this.befores[sentence]) {
          let m = 0;
          while (matched + m < MAX_CONTEXT && m < preceding.length && m + matched < before.length
            && preceding[preceding.length - 1 - m] === before[before.length - 1 - matched - m]) m++;
          longest = Math.max(longest, m);
        }
        return matched + longest;
      }
      if (ch !== before[before.length - 1 - matched]) break;
      matched++;
    }
    return matched;
  }

  private step(branch: Branch, ch: string, weight: number, sentence: number): Branch {
    let next = branch.children.get(ch);
    if (!next) branch.children.set(ch, next = newBranch());
    next.weight += weight;
    next.count += this.counts[sentence];
    if (weight > next.sentenceWeight) { next.sentenceWeight = weight; next.sentence = sentence; }
    return next;
  }

  /**
   * Items, heaviest first: each a way on that the corpora make likely enough, taken down its heaviest
   * path and cut where the expected gain is largest (each character gains one if right and costs one
   * to delete if wrong). Ways on are the first characters, the places where the top item forks and
   * the ways on from where it stops.
   */
  private pick(root: Branch, unit: number) {
    const items: Continuation[] = [];
    const total = root.weight + UNSEEN * unit;
    const heaviestChild = (branch: Branch) => [...branch.children].reduce<[string, Branch] | undefined>((a, b) => (!a || b[1].weight > a[1].weight || (b[1].weight === a[1].weight && b[0] < a[0]) ? b : a), undefined);
    /** Down the heaviest path from a branch reached by `prefix`: the best cut and the branches passed. */
    const walk = (from: Branch, prefix: string, scale = from.weight + UNSEEN * unit) => {
      const path: { branch: Branch; text: string }[] = [];
      let [text, branch, gain, bestGain] = [prefix, from, 0, 0];
      let best = from.wordEnd || from.clauseEnd ? { text, branch } : undefined;
      for (let next = heaviestChild(branch); next; next = heaviestChild(branch)) {
        path.push({ branch, text });
        [text, branch] = [text + next[0], next[1]];
        gain += (2 * branch.weight) / scale - 1;
        if ((branch.wordEnd || branch.clauseEnd) && (gain > bestGain || !best)) { bestGain = gain; best = { text, branch }; }
      }
      return { best, path };
    };
    const add = (text: string, branch: Branch) => {
      if (items.length < MAX_ITEMS && text && !items.some(item => item.continuation === text)) {
        items.push({ continuation: text, count: branch.count, sentence: branch.sentence });
      }
    };
    const top = heaviestChild(root);
    if (!top || top[1].weight < FIRST_SHARE * total) return items;
    // The first item, which Enter takes, is cut by its chance among all the occurrences; the others
    // by their chance once their first characters are right.
    const first = walk(top[1], top[0], total);
    if (!first.best) return items;
    add(first.best.text, first.best.branch);
    const forks: { text: string; branch: Branch }[] = [];
    for (const [ch, child] of root.children) if (child !== top[1]) forks.push({ text: ch, branch: child });
    for (const { branch, text } of first.path) {
      if (text.length >= first.best.text.length) break;
      const taken = first.best.text[text.length];
      for (const [ch, child] of branch.children) if (ch !== taken) forks.push({ text: text + ch, branch: child });
    }
    // Where the top item stops because the corpora disagree, the ways they go on (下面，我 → 讲三点意见：).
    for (const [ch, child] of first.best.branch.children) forks.push({ text: first.best.text + ch, branch: child });
    forks.sort((a, b) => b.branch.weight - a.branch.weight || (a.text < b.text ? -1 : 1));
    for (const fork of forks) {
      if (fork.branch.weight < ALTERNATIVE_SHARE * root.weight) break;
      // A way on must run past the character where it forks (not …松劲心态，从).
      const end = walk(fork.branch, fork.text).best;
      if (end && end.text.length > fork.text.length) add(end.text, end.branch);
    }
    return items;
  }

  sourceOf(sentence: number, context: string): CandidateSource & { fromUser: boolean } {
    const origin = this.origins[this.originOf[sentence]];
    const { file, line } = sourcePlace(this.sources[sentence]);
    return { title: origin.titles.get(file) ?? file, file, line, context, fromUser: origin.fromUser };
  }

  /** The sentence's text, for an item's documentation. */
  sentenceText(sentence: number): string {
    const start = this.starts[sentence];
    return this.text.slice(start, this.text.indexOf(SENTENCE_START, start));
  }
}

/**
 * Corpus sentences that continue the clause being typed before the cursor. What was typed since the
 * last punctuation (or its longest end that the corpora hold) is replaced by each item, which runs on
 * to a word end or the sentence's end; the characters before it rank the occurrences.
 */
export function sentenceCompletionsAt(lines: LineIndex, offset: number, index: SentenceIndex): SentenceCompletion[] {
  const { text } = lines;
  const lineStart = lines.lineStarts[lines.positionAt(offset).line];
  const before = text.slice(lineStart, offset);
  let typedStart = before.length;
  while (typedStart > 0 && !TYPED_START.includes(before[typedStart - 1])) typedStart--;
  const typed = before.slice(typedStart);
  if (!typed || !isHan(typed[0]) && !isHan(typed[typed.length - 1])) return [];
  const contextStart = Math.max(0, typedStart - MAX_CONTEXT);
  const lead = before.slice(0, contextStart);
  let context = before.slice(contextStart, typedStart).trimStart();
  // A line start is written as in the index; indentation is not matched.
  if (!lead.trim()) context = SENTENCE_START + context;
  const { typedLength, items } = index.continuations(context, typed);
  return items.map(item => {
    const typedText = typed.slice(typed.length - typedLength);
    const source = index.sourceOf(item.sentence, index.sentenceText(item.sentence));
    return {
      text: typedText + item.continuation,
      start: offset - typedLength,
      end: offset,
      count: item.count,
      fromUser: source.fromUser,
      source,
    };
  });
}
