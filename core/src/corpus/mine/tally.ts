import { byCountThenText, CorpusDocument, excerpt, Occurrences, Source } from '../minedIndex';

interface Tallied<T> extends Occurrences {
  value: T;
}

/** An entry keeps this many sources, the first in corpus order; its count holds them all. */
export const MAX_SOURCES = 20;

/** Counts occurrences of values under a key, keeping the first sources and the first context. */
export class Tally<T> {
  private readonly entries = new Map<string, Tallied<T>>();

  add(key: string, value: T, source: Source, line: string, at: number, length: number): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.count++;
      if (entry.sources.length < MAX_SOURCES) entry.sources.push(source);
    } else {
      this.entries.set(key, { value, count: 1, sources: [source], context: excerpt(line, at, length) });
    }
  }

  /** Occurrences counted without their sources (beyond the MAX_SOURCES kept). */
  addCount(key: string, count: number): void {
    const entry = this.entries.get(key);
    if (entry) entry.count += count;
  }

  /** Entries seen at least `minimum` times, most frequent first. */
  sorted(minimum = 1): (Tallied<T> & { key: string })[] {
    return [...this.entries]
      .map(([key, entry]) => ({ key, ...entry }))
      .filter(entry => entry.count >= minimum)
      .sort(byCountThenText(entry => entry.key));
  }
}

export function sourceOf(file: string, lineIndex: number): Source {
  return `${file}:${lineIndex + 1}`;
}

/** Clause punctuation: phrases and list items never cross it. */
export const CLAUSE_BREAK = /[，。；：！？“”‘’（）《》【】〔〕,;:!?()"]/;
export const CLAUSE_SPLIT = new RegExp(CLAUSE_BREAK.source, 'g');

/** Every line after the title, with its index in the file. */
export function forEachBodyLine(documents: CorpusDocument[], visit: (document: CorpusDocument, line: string, lineIndex: number) => void): void {
  for (const document of documents) {
    for (let i = document.bodyStart; i < document.lines.length; i++) visit(document, document.lines[i], i);
  }
}
