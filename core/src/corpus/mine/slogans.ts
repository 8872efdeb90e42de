import { CorpusDocument, ExpansionEntry, SloganEntry, SummaryEntry } from '../minedIndex';
import { FormulaDictionary } from '../../formulas/dictionary';
import { findFormulas, FormulaCache, MAX_LIST_ITEM, summaryHead } from '../../formulas/recognize';
import { isHan } from '../../text';
import { CLAUSE_SPLIT, forEachBodyLine, sourceOf, Tally } from './tally';

const VARIABLE_NAMES = '甲乙丙丁戊己庚辛';

/** A list written with 、 inside one clause, with the words glued before its first item and after its last. */
interface Enumeration {
  items: string[];
  /** Offset of the first item in the line. */
  at: number;
  length: number;
}

/**
 * The items of a 、-list, cut to a common length when the middle items agree on one:
 * 坚持早发现、早报告、早隔离、早治疗工作 → 早发现 … 早治疗.
 */
function alignedItems(parts: string[]): { items: string[]; leadLength: number } | undefined {
  if (parts.length < 2) return undefined;
  const inner = parts.slice(1, -1);
  const first = parts[0];
  const last = parts[parts.length - 1];
  // Two items: only the first can carry words before it (坚持外防输入、内防反弹); with more, the
  // middle items fix the length and the last may run on (细而又细的作风).
  const length = inner.length ? inner[0].length : last.length;
  if (length < 2 || length > 8 || inner.some(item => item.length !== length)) return undefined;
  if (first.length < length || last.length < length) return undefined;
  const items = [first.slice(first.length - length), ...inner, last.slice(0, length)];
  if (!items.every(item => [...item].every(isHan))) return undefined;
  return { items, leadLength: first.length - length };
}

/**
 * The shared shape of equally long items, or undefined if they share none: fixed characters stay,
 * free ones become □, and free characters repeated inside every item get a name (严而又严 → 甲而又甲).
 */
export function shapeOf(items: string[]): string | undefined {
  const length = items[0].length;
  const fixed = [...Array(length).keys()].map(p => items.every(item => item[p] === items[0][p]));
  if (fixed.every(Boolean)) return undefined;
  const names: string[] = Array(length).fill('□');
  let repeated = 0;
  for (let p = 0; p < length; p++) {
    if (fixed[p] || names[p] !== '□') continue;
    const partners = [...Array(length).keys()].filter(q => q > p && !fixed[q] && items.every(item => item[q] === item[p]));
    if (!partners.length) continue;
    const name = VARIABLE_NAMES[repeated++ % VARIABLE_NAMES.length];
    for (const q of [p, ...partners]) names[q] = name;
  }
  if (!fixed.some(Boolean) && repeated === 0) return undefined;
  return names.map((name, p) => (fixed[p] ? items[0][p] : name)).join('');
}

const enumerationMemo = new WeakMap<CorpusDocument[], Map<string, Enumeration[]>>();

/** The 、-lists of a line, worked out once per distinct line of a corpus (templates repeat lines). */
function enumerationsOf(documents: CorpusDocument[], line: string): Enumeration[] {
  let memo = enumerationMemo.get(documents);
  if (!memo) enumerationMemo.set(documents, memo = new Map());
  let found = memo.get(line);
  if (!found) memo.set(line, found = enumerationsIn(line));
  return found;
}

function enumerationsIn(line: string): Enumeration[] {
  const found: Enumeration[] = [];
  let clauseStart = 0;
  for (const clause of line.split(CLAUSE_SPLIT)) {
    const parts = clause.split('、');
    const aligned = alignedItems(parts);
    if (aligned) {
      const at = clauseStart + aligned.leadLength;
      const length = aligned.items.join('、').length;
      found.push({ items: aligned.items, at, length });
    }
    clauseStart += clause.length + 1;
  }
  return found;
}

/** Parallel slogans: 、-lists whose items share a shape (早发现、早报告…, 严而又严、实而又实…). */
export function mineSlogans(documents: CorpusDocument[]): SloganEntry[] {
  const tally = new Tally<{ items: string[]; shape: string }>();
  forEachBodyLine(documents, (document, line, lineIndex) => {
    for (const { items, at, length } of enumerationsOf(documents, line)) {
      const shape = shapeOf(items);
      if (shape) tally.add(items.join('、'), { items, shape }, sourceOf(document.file, lineIndex), line, at, length);
    }
  });
  return tally.sorted().map(({ value, count, sources, context }) => ({ items: value.items, shape: value.shape, count, sources, context }));
}

/**
 * Numeric summaries (“四早”, 两个维护, 三严三实), recognised as the editor recognises them, with the
 * expansions the corpus gives: spelled out right after the summary with as many items as it
 * states, or else any 、-list of as many items each starting with its head (早发现…) or, for a
 * head of two or more characters, ending with it (政治意识…).
 */
export function mineSummaries(documents: CorpusDocument[]): SummaryEntry[] {
  const summaries = new Tally<{ number?: number; key: string }>();
  const expansions = new Map<string, Tally<string[]>>();
  const lists = new Tally<string[]>();
  const none = new FormulaDictionary();
  // Formulas per distinct line: a template corpus repeats lines.
  const formulas = new FormulaCache(none);
  forEachBodyLine(documents, (document, line, lineIndex) => {
    const source = sourceOf(document.file, lineIndex);
    for (const { items, at, length } of enumerationsOf(documents, line)) lists.add(items.join('、'), items, source, line, at, length);
    for (const occurrence of findFormulas(line, none, undefined, formulas)) {
      const { name, number, expansion } = occurrence;
      summaries.add(name, { number, key: summaryHead(name) }, source, line, occurrence.start, name.length);
      const items = expansion?.items.map(item => item.text);
      if (items && items.length === number && items.every(item => item.length <= MAX_LIST_ITEM)) {
        if (!expansions.has(name)) expansions.set(name, new Tally());
        expansions.get(name)!.add(items.join('、'), items, source, line, occurrence.start, name.length);
      }
    }
  });
  const allLists = lists.sorted();
  return summaries.sorted().map(({ key: text, value: { number, key }, count, sources, context }) => {
    let found: ExpansionEntry[] = (expansions.get(text)?.sorted() ?? []).map(e => ({ items: e.value, count: e.count, sources: e.sources }));
    if (!found.length && number !== undefined) {
      found = allLists
        .filter(list => list.value.length === number && list.value.every(item => item.startsWith(key) || (key.length > 1 && item.endsWith(key))))
        .map(list => ({ items: list.value, count: list.count, sources: list.sources }));
    }
    return { text, ...(number !== undefined ? { number } : {}), key, count, sources, context, expansions: found };
  });
}
