import { firstIndex } from '../text';
import { FormulaDictionary } from '../formulas/dictionary';

export type CandidateKind = 'formula' | 'formula-expansion';

export interface CompletionCandidate {
  text: string;
  kind: CandidateKind;
  count: number;
  /** From the user's own speeches: ranked before the shipped corpus. */
  fromUser: boolean;
  /** For a formula: its items, status and source. */
  formula?: { name: string; items: string[]; source: string; superseded?: string };
}

/** Each formula's name (四个意识) and its name with the items spelled out (四个意识（政治意识、…）). */
export function formulaCandidates(dictionary: FormulaDictionary): CompletionCandidate[] {
  return dictionary.entries.flatMap(entry => {
    const formula = {
      name: entry.name, items: entry.items, source: entry.source,
      superseded: entry.status === 'superseded' ? `${entry.supersededOn ?? ''} ${entry.replacedBy ?? ''}`.trim() : undefined,
    };
    const base = { fromUser: entry.origin === 'user', formula };
    const spelledOut = `${entry.name}（${entry.items.join('、')}）`;
    // The name ranks before the name spelled out (counts only order the two).
    return [
      { ...base, text: entry.name, kind: 'formula' as const, count: 1 },
      // A slogan's name is its items already: 外防输入、内防反弹.
      ...(entry.name === entry.items.join('、') ? [] : [{ ...base, text: spelledOut, kind: 'formula-expansion' as const, count: 0 }]),
    ];
  });
}

/** Candidates sorted by text, for prefix lookup by binary search. */
export class CandidateIndex {
  private readonly sorted: CompletionCandidate[];
  readonly longest: number;

  /** Earlier lists win when two hold the same text: pass the user's candidates first. */
  constructor(...lists: CompletionCandidate[][]) {
    const byText = new Map<string, CompletionCandidate>();
    for (const candidate of lists.flat()) {
      const known = byText.get(candidate.text);
      if (!known) byText.set(candidate.text, candidate);
      else if (known.fromUser === candidate.fromUser && known.kind === candidate.kind) known.count += candidate.count;
    }
    this.sorted = [...byText.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    this.longest = this.sorted.reduce((max, c) => Math.max(max, c.text.length), 0);
  }

  get size(): number { return this.sorted.length; }

  *withPrefix(prefix: string): Iterable<CompletionCandidate> {
    for (let i = firstIndex(this.sorted.length, k => this.sorted[k].text >= prefix); i < this.sorted.length && this.sorted[i].text.startsWith(prefix); i++) yield this.sorted[i];
  }
}
