import data from '../../../data/formulas.json';
import { NameFinder } from './nameFinder';

export type FormulaOrigin = 'dictionary' | 'user' | 'corpus';

export interface FormulaEntry {
  name: string;
  aliases?: string[];
  /** Canonical items in canonical order; none for a superseded name that is reported by itself (动态清零). */
  items: string[];
  /** Accepted wordings of an item (支委会 → 支部委员会), each read as the canonical item it names. */
  variants?: Record<string, string>;
  category?: string;
  /** dated: a formula of its time (两学一做, 六保), fine in a retrospective but not for new work. */
  status: 'current' | 'dated' | 'superseded';
  supersededOn?: string;
  replacedBy?: string;
  /** Earlier wordings of the items, e.g. 四个全面 before October 2020. */
  previousItems?: { items: string[]; until: string; note: string }[];
  source: string;
  /** When the source was issued (2022-10-16, 2014-03). */
  date?: string;
  url?: string;
  /** The curated dictionary and the user's own entries are authoritative; corpus entries only explain. */
  origin: FormulaOrigin;
}

export interface ItemIndex {
  byItem: Map<string, FormulaEntry[]>;
  /** The lengths items come in. */
  lengths: number[];
  /** Per code unit, the lengths (in the order of `lengths`) of the items that end with it, and of those that start with it. */
  lengthsEndingWith: Map<number, number[]>;
  lengthsStartingWith: Map<number, number[]>;
  /** Per `edgeKey` of an item, 1: text whose key has no 1 is no item, and is not cut out to be looked up. */
  edges: Uint8Array;
}

/** A 16-bit digest of text[start, end)'s first and last code units and its length (see `ItemIndex.edges`). */
export function edgeKey(text: string, start: number, end: number): number {
  return ((text.charCodeAt(start) * 0x9e37) ^ (text.charCodeAt(end - 1) * 0x85eb) ^ ((end - start) * 0xc2b3)) & 0xffff;
}

/** Formulas by name and alias; when two share a name, the earlier list wins. */
export class FormulaDictionary {
  private readonly byName = new Map<string, FormulaEntry>();
  readonly entries: FormulaEntry[] = [];

  constructor(...lists: FormulaEntry[][]) {
    for (const entry of lists.flat()) {
      const names = [entry.name, ...(entry.aliases ?? [])];
      if (names.some(name => this.byName.has(name))) continue;
      this.entries.push(entry);
      for (const name of names) this.byName.set(name, entry);
    }
  }

  get(name: string): FormulaEntry | undefined { return this.byName.get(name); }

  private items?: ItemIndex;

  /** The authoritative formulas (not those only a corpus knows) by each of their items, in any version. */
  itemIndex(): ItemIndex {
    if (!this.items) {
      const byItem = new Map<string, FormulaEntry[]>();
      for (const entry of this.entries.filter(e => e.origin !== 'corpus' && e.items.length >= 2)) {
        for (const item of new Set([entry.items, ...(entry.previousItems ?? []).map(p => p.items), Object.keys(entry.variants ?? {})].flat())) {
          byItem.set(item, [...(byItem.get(item) ?? []), entry]);
        }
      }
      const items = [...byItem.keys()];
      const edges = new Uint8Array(0x10000);
      for (const item of items) edges[edgeKey(item, 0, item.length)] = 1;
      const lengths = [...new Set(items.map(item => item.length))];
      const lengthsBy = (edge: (item: string) => number) => {
        const sets = new Map<number, Set<number>>();
        for (const item of items) {
          const code = edge(item);
          if (!sets.has(code)) sets.set(code, new Set());
          sets.get(code)!.add(item.length);
        }
        return new Map([...sets].map(([code, set]) => [code, lengths.filter(length => set.has(length))]));
      };
      this.items = {
        byItem, lengths, edges,
        lengthsEndingWith: lengthsBy(item => item.charCodeAt(item.length - 1)), lengthsStartingWith: lengthsBy(item => item.charCodeAt(0)),
      };
    }
    return this.items;
  }

  private finder?: NameFinder;

  /** Every name and alias, to find in a text: where two overlap, the one that starts first, then the longer. */
  nameFinder(): NameFinder {
    this.finder ??= new NameFinder(this.byName.keys());
    return this.finder;
  }
}

/** The curated dictionary shipped in data/formulas.json. */
export function curatedFormulas(): FormulaEntry[] {
  return (data.formulas as Omit<FormulaEntry, 'origin'>[]).map(entry => ({ ...entry, origin: 'dictionary' }));
}

/** The user's own entries from settings; a malformed entry is reported, not fatal. */
export function userFormulas(raw: unknown): { entries: FormulaEntry[]; errors: string[] } {
  const entries: FormulaEntry[] = [];
  const errors: string[] = [];
  for (const [i, value] of (Array.isArray(raw) ? raw : []).entries()) {
    const entry = value as Partial<FormulaEntry> | null;
    const validItems = Array.isArray(entry?.items) && entry!.items.length >= 1 && entry!.items.every(item => typeof item === 'string' && item);
    if (!entry || typeof entry.name !== 'string' || !entry.name || !validItems) {
      errors.push(`#${i + 1}: ${JSON.stringify(value)}`);
      continue;
    }
    entries.push({
      name: entry.name, items: entry.items!, status: 'current', source: typeof entry.source === 'string' ? entry.source : '用户设置',
      category: entry.category, date: typeof entry.date === 'string' ? entry.date : undefined, variants: acceptedVariants(entry.variants, entry.items!), origin: 'user',
    });
  }
  return { entries, errors };
}

/** A user's variants ({"一本帐": "一本账"}), keeping only those that name one of the entry's items. */
function acceptedVariants(raw: unknown, items: string[]): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const kept = Object.entries(raw as Record<string, unknown>).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && items.includes(pair[1]));
  return kept.length ? Object.fromEntries(kept) : undefined;
}
