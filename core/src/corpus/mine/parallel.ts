import { CorpusDocument, ExpansionEntry, SloganEntry, SummaryEntry } from '../minedIndex';
import { parseChineseNumeral } from '../../numerals';
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
    for (const { items, at, length } of enumerationsIn(line)) {
      const shape = shapeOf(items);
      if (shape) tally.add(items.join('、'), { items, shape }, sourceOf(document.file, lineIndex), line, at, length);
    }
  });
  return tally.sorted().map(({ value, count, sources, context }) => ({ items: value.items, shape: value.shape, count, sources, context }));
}

const SUMMARY = /“([一二两三四五六七八九十]{1,2})(个)?(\p{Script=Han}{1,4})”/gu;
const NUMERAL_CHAR = /[一二两三四五六七八九十百千万]/;
/** What follows a summary to spell it out: “四早”（早发现、…） or “五个一律”，即：…。 */
const SPELLED_OUT = /^(?:要求|工作|措施)?(?:[（(]([^）)]+)[）)]|[，,]?即[：:，,]?([^。；]+))/;

function summaryNumber(numeral: string): number | undefined {
  return numeral === '两' ? 2 : parseChineseNumeral(numeral);
}

/** The first `number` parts of a text split at 、 or at ，；, if each contains the key. */
function expansionItems(text: string, number: number, key: string): string[] | undefined {
  for (const separator of [/、/, /[，,；;]/]) {
    const parts = text.split(separator).map(part => part.trim());
    if (parts.length < number) continue;
    const items = parts.slice(0, number);
    // The last item ends at the clause: 带头做好群众工作，在危急时刻… → 带头做好群众工作.
    items[number - 1] = items[number - 1].split(/[，,；;：:]/)[0];
    if (items.every(item => item.includes(key) && item.length <= 24)) return items;
  }
  return undefined;
}

/**
 * Numeric summaries in quotes (“四早”, “两个维护”) with the expansions the corpus gives: spelled
 * out right after the summary, or else any 、-list of as many items each starting with its key
 * (早发现…) or, for a key of two or more characters, ending with it (政治意识…).
 */
export function mineSummaries(documents: CorpusDocument[]): SummaryEntry[] {
  const summaries = new Tally<{ number: number; key: string }>();
  const expansions = new Map<string, Tally<string[]>>();
  const lists = new Tally<string[]>();
  forEachBodyLine(documents, (document, line, lineIndex) => {
    const source = sourceOf(document.file, lineIndex);
    for (const { items, at, length } of enumerationsIn(line)) lists.add(items.join('、'), items, source, line, at, length);
    for (const match of line.matchAll(SUMMARY)) {
      const [whole, numeral, , key] = match;
      const number = summaryNumber(numeral);
      if (number === undefined || number < 2 || number > 12 || NUMERAL_CHAR.test(key)) continue;
      const text = whole.slice(1, -1);
      summaries.add(text, { number, key }, source, line, match.index!, whole.length);
      const after = SPELLED_OUT.exec(line.slice(match.index! + whole.length));
      const items = after && expansionItems(after[1] ?? after[2], number, key);
      if (items) {
        if (!expansions.has(text)) expansions.set(text, new Tally());
        expansions.get(text)!.add(items.join('、'), items, source, line, match.index!, whole.length);
      }
    }
  });
  const allLists = lists.sorted();
  return summaries.sorted().map(({ key: text, value: { number, key }, count, sources, context }) => {
    let found: ExpansionEntry[] = (expansions.get(text)?.sorted() ?? []).map(e => ({ items: e.value, count: e.count, sources: e.sources }));
    if (!found.length) {
      found = allLists
        .filter(list => list.value.length === number && list.value.every(item => item.startsWith(key) || (key.length > 1 && item.endsWith(key))))
        .map(list => ({ items: list.value, count: list.count, sources: list.sources }));
    }
    return { text, number, key, count, sources, context, expansions: found };
  });
}
