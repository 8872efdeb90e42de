// What the corpora know, for every feature that uses them: the index mined from the user's own
// speeches and the shipped one, in rank order (the user's first), merged in one place.
import { CHILD_KINDS } from './completion/continuation';
import { SentenceIndex } from './completion/sentenceIndex';
import { MinedIndex, SourcePlace, sourcePlace, SummaryEntry } from './corpus/minedIndex';
import { FormulaEntry } from './formulas/dictionary';
import { FormulaUsage } from './formulas/hover';
import { MarkerKind } from './markers';

export interface CorpusPart {
  index: MinedIndex;
  fromUser: boolean;
}

/** The user's mined index (if any) and the shipped one, each read once and merged on first use. */
export class CorpusKnowledge {
  private sentenceIndex?: SentenceIndex;
  private formulas?: FormulaEntry[];
  private habits?: typeof CHILD_KINDS;
  private readonly titles: Map<string, string>[];

  /** In rank order: the user's index first. */
  constructor(private readonly parts: readonly CorpusPart[]) {
    this.titles = parts.map(({ index }) => new Map(index.speeches.map(s => [s.file, s.title])));
  }

  static of(user: MinedIndex | undefined, shipped: MinedIndex | undefined): CorpusKnowledge {
    return new CorpusKnowledge([
      ...(user ? [{ index: user, fromUser: true }] : []),
      ...(shipped ? [{ index: shipped, fromUser: false }] : []),
    ]);
  }

  /** Every sentence of the corpora, for completion. */
  sentences(): SentenceIndex {
    // Only the lists it reads: a shipped index read list by list then leaves its phrases unparsed.
    this.sentenceIndex ??= new SentenceIndex(this.parts.map(({ index, fromUser }) => ({ sentences: index.sentences, speeches: index.speeches, fromUser })));
    return this.sentenceIndex;
  }

  /** Numeric summaries the corpora spell out (四个带头 → 带头…), the user's first. */
  minedFormulas(): FormulaEntry[] {
    this.formulas ??= this.parts.flatMap(({ index }, part) => index.summaries.filter(s => s.expansions.length).map(summary => this.summaryFormula(summary, part)));
    return this.formulas;
  }

  private summaryFormula(summary: SummaryEntry, part: number): FormulaEntry {
    const { items, sources } = summary.expansions[0];
    const { title, line } = this.place(sources[0], part);
    return { name: summary.text, items, status: 'current', source: `语料《${title}》第 ${line} 行`, origin: 'corpus' };
  }

  /** A source as a reader is shown it: the speech's title and the line. */
  private place(source: string, part: number): SourcePlace & { title: string } {
    const place = sourcePlace(source);
    return { ...place, title: this.titles[part].get(place.file) ?? place.file };
  }

  /** Where the corpora use a formula (by name, or by its items for a slogan such as 外防输入、内防反弹). */
  usage(name: string): FormulaUsage | undefined {
    const places: FormulaUsage['places'] = [];
    let count = 0;
    this.parts.forEach(({ index }, part) => {
      const entry = index.summaries.find(s => s.text === name) ?? index.slogans.find(s => s.items.join('、') === name);
      if (!entry) return;
      count += entry.count;
      for (const source of entry.sources) {
        const { title, line } = this.place(source, part);
        places.push({ title, line });
      }
    });
    return count ? { count, places } : undefined;
  }

  /** What opens the level under each kind of heading: the corpora's habit first (一要 under 第一，). */
  childKinds(): typeof CHILD_KINDS {
    if (!this.habits) {
      const patterns = this.parts.flatMap(({ index }) => index.headingPatterns);
      const habits: typeof CHILD_KINDS = { ...CHILD_KINDS };
      const decided = new Set<string>();
      for (const { kind, childKind } of [...patterns].sort((a, b) => b.count - a.count)) {
        if (!childKind || decided.has(kind)) continue;
        decided.add(kind);
        const child = childKind as MarkerKind;
        habits[kind as MarkerKind] = [child, ...(CHILD_KINDS[kind as MarkerKind] ?? []).filter(k => k !== child)];
      }
      this.habits = habits;
    }
    return this.habits;
  }
}
