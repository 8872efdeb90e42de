import { Diagnostic } from '../diagnostics';
import { LineCache, nonEmpty } from '../lineCache';
import type { LineAnnouncement } from './announcements';
import { parseChineseNumeral } from '../numerals';
import { runSteps, Steps, STEP } from '../steps';
import { charSet, CodeTest, firstIndex, isHanAt, LineIndex } from '../text';
import { edgeKey, FormulaDictionary, FormulaEntry, ItemIndex } from './dictionary';
import { matchItems } from './items';

export interface ItemSpan {
  text: string;
  start: number;
  end: number;
}

/** How the text spells a formula out: in brackets, after 即/：, or as a 、-list next to it. */
export interface Expansion {
  items: ItemSpan[];
  how: 'brackets' | 'namely' | 'following' | 'preceding' | 'list';
  /** Whether the item boundaries can be trusted for counting (plain ，-parts cannot). */
  certain: boolean;
}

export interface FormulaOccurrence {
  /** The name as written, without quotes; for an unnamed list, the name of the formula it is. */
  name: string;
  /** The name's span, or the list's when the formula is not named. */
  start: number;
  end: number;
  named: boolean;
  quoted: boolean;
  /** The number the name states (4 in 四个意识), if it states one. */
  number?: number;
  entry?: FormulaEntry;
  expansion?: Expansion;
}

const NUMERAL = '(?:[一二三四五六七八九十两双]{1,3}|\\d{1,3})';
/** Words before the number that make it an ordinal or an amount, not a summary: 第三个, 这两个, 前三个. */
const NOT_BEFORE = '第这那每前后近约头余几多\\d一二三四五六七八九十两百千万';
/** N个H where H is an ordinary noun is a quantity (三个月, 五个乡镇), not a summary. */
const ORDINARY_HEAD = /^(大$|届|次|项|原因|月|小时|钟头|星期|礼拜|年|季度|工作日|晚上|白天|人|县|区|市|省|乡|镇|村|街道|社区|单位|部门|地方|地区|国家|城市|学校|班|企业|公司|项目|家庭|孩子|学生|百分点|层次|阶段|环节|方面|问题|重点$|点|字|样|小组|组|批次|轮次|案例|文件|会议|同志|领导|干部|群众|老师|小区|站|口|楼|房间|窗口|岗位)/;
/** …and, unquoted, N个H ending in a place or a unit is a count of those (35个主产县, 28个抽查点). */
const ORDINARY_END = /(市|县|区|乡|镇|村|片|点|所|校|园|户|人|家|处|次|批|期|天|年|月|日|元|亩|吨|名|间|座|栋|份|册|本|场)$/;
/** A quoted name is 1 to 12 characters between “ and ”, none of them a quote or a line break. */
const QUOTED_LENGTH = 12;
const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;
const LINE_FEED = 10;
/** N个H, N项H, N大H: 四个意识, 三项服务, 三大攻坚战 (tried at one place: see `nextCounted`). */
const COUNTED = new RegExp(`(?<![${NOT_BEFORE}])(${NUMERAL})([个项大])(\\p{Script=Han}{2,8})`, 'uy');
/** A numeral's last character and a counter: what every match of COUNTED holds. */
const NUMERAL_THEN_COUNTER = /[一二三四五六七八九十两双\d][个项大]/g;

/**
 * The first match of COUNTED from `from` on, as a global search would find it, tried only at the few
 * places where a numeral meets a counter: a search of the whole line ran its look-behind at every
 * character, and cost more than the rest of the line's reading. A match holds its first such pair
 * at most two characters after its start (the numeral has at most three).
 */
function nextCounted(text: string, from: number): RegExpExecArray | null {
  for (let searched = from; ;) {
    NUMERAL_THEN_COUNTER.lastIndex = searched;
    // test, not exec: no match is made for each pair; the pair ends at lastIndex.
    if (!NUMERAL_THEN_COUNTER.test(text)) return null;
    const pair = NUMERAL_THEN_COUNTER.lastIndex - 2;
    for (let start = Math.max(searched, pair - 2); start <= pair; start++) {
      // A match opens with a numeral: elsewhere the regex is not run.
      if (OPENS_NUMERAL[text.charCodeAt(start)] !== 1) continue;
      COUNTED.lastIndex = start;
      const match = COUNTED.exec(text);
      if (match) return match;
    }
    searched = pair + 1;
  }
}
/** 十九大, 二十大: party congresses, not three big things. */
const CONGRESS = /^(十[一二三四五六七八九]|二十[一二三四五六七八九]?)大$/;
/** Words that end a summary's head: 四个意识的, 两个维护和. */
const HEAD_STOP = /[的和与及等是要在把对为]/;
const NUMERAL_PREFIX = new RegExp(`^${NUMERAL}`);

const NUMERAL_CHAR = /[一二三四五六七八九十百千万两双\d]/;
/** The characters a NUMERAL starts with. */
const OPENS_NUMERAL = charSet('一二三四五六七八九十两双0123456789');

// Tests of each candidate, made once: a regex literal in a function is a new object each time it runs.
const DIGITS = /^\d+$/;
const DIGIT = /\d/;
const COUNTER_PREFIX = /^[个项大]/;
const OPENS_WITH_NUMBER = /^[一二三四五六七八九十两]/;
const PART_SEPARATOR = /[，,；;]/;
// Sticky, as FILLER: tried where a name ends, with no rest of the line cut out for them.
const BRACKETED = /[（(]([^（）()\n]+)[）)]/y;
const NAMELY = /(?:[，,]?(?:即|就是|也就是|具体是|具体包括)[：:，,]?|[：:])/y;
const OPTIONAL_COMMA = /[，,]?/y;
/** What may stand between a list and the name after it: 道路自信、制度自信…等四个自信. */
const BEFORE_NAME = charSet('的等');

/** 四 → 4, 两/双 → 2, 13 → 13. */
export function numeralValue(numeral: string): number | undefined {
  if (DIGITS.test(numeral)) return Number(numeral);
  if (numeral === '两' || numeral === '双') return 2;
  return parseChineseNumeral(numeral);
}

/**
 * 四个意识 → 4, 两个维护/双下降 → 2, 13个显著优势 → 13: the number of items a summary states.
 * None for plan names (十四五) and compound names (三严三实, 四不两直, 4方案1标准1指南), whose
 * count is not what the first numeral says.
 */
export function summaryNumber(name: string): number | undefined {
  const numeral = NUMERAL_PREFIX.exec(name)?.[0] ?? '';
  for (let length = numeral.length; length > 0; length--) {
    const value = numeralValue(numeral.slice(0, length));
    if (value === undefined) continue;
    const rest = name.slice(length);
    // 五个一律, 两个一百年: after 个 the head may hold numerals; without 个 it is a compound.
    if (rest.startsWith('个')) return rest.length > 1 ? value : undefined;
    return rest && !NUMERAL_CHAR.test(rest) ? value : undefined;
  }
  return undefined;
}

/** 三严三实, 四不两直, 两学一做, 三管三必须: two numbers, each with its head. */
const COMPOUND = new RegExp(`^${NUMERAL}(?!个)\\p{Script=Han}{1,2}${NUMERAL}\\p{Script=Han}{1,3}$`, 'u');
/** 十三五, 十四五: five-year plans. */
const PLAN = /^十[一二三四五六七八九]五$/;

/** What a summary counts: 意识 in 四个意识, 工程 in 四项工程, 攻坚战 in 三大攻坚战. */
export function summaryHead(name: string): string {
  return name.replace(NUMERAL_PREFIX, '').replace(COUNTER_PREFIX, '');
}

/** Whether a name with an unknown head reads as a summary, not a quantity or an ordinal (三个月, 十九大). */
function isSummaryName(name: string, quoted: boolean): boolean {
  // Every summary opens with its number (四个意识, 三严三实, 十四五): most quotes are read no further.
  if (OPENS_NUMERAL[name.charCodeAt(0)] !== 1) return false;
  if (COMPOUND.test(name) || PLAN.test(name)) return true;
  const number = summaryNumber(name);
  const head = summaryHead(name);
  // 两个一百年, 五个一律: a head that is itself a number or a rule is no quantity of things.
  const ordinary = !OPENS_WITH_NUMBER.test(head) && (ORDINARY_HEAD.test(head) || (!quoted && ORDINARY_END.test(head)));
  return number !== undefined && number >= 2 && !!head && !ordinary;
}

/** Where the name quoted by the “ at `open` ends (its ”), or -1 if that is no quoted name. */
function quotedEnd(text: string, open: number): number {
  const limit = Math.min(text.length, open + QUOTED_LENGTH + 2);
  for (let i = open + 1; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_QUOTE) return i > open + 1 ? i : -1;
    if (code === OPEN_QUOTE || code === LINE_FEED) return -1;
  }
  return -1;
}

interface Candidate { start: number; end: number; quoted: boolean; known: boolean }

/** Spans of formula names: known names, quoted numeric summaries, and N个H standing on its own. */
function nameCandidates(text: string, dictionary: FormulaDictionary): Candidate[] {
  const found: Candidate[] = [];
  const names = dictionary.nameFinder();
  for (let start = names.find(text, 0); start >= 0; start = names.find(text, Math.max(names.end, start + 1))) {
    const { name, end } = names;
    const quoted = text[start - 1] === '“' && text[end] === '”';
    // A name only a corpus knows (两新) may be part of a longer word (两新组织) unless quoted.
    if (!quoted && dictionary.get(name)?.origin === 'corpus') continue;
    found.push({ start, end, quoted, known: true });
  }
  // From “ to “ by indexOf, which runs at memory speed: most lines quote nothing.
  for (let open = text.indexOf('“'); open >= 0; open = text.indexOf('“', open + 1)) {
    const end = quotedEnd(text, open);
    if (end < 0) continue;
    const start = open + 1;
    // The next quote is looked for after this one's ”.
    open = end;
    // Cut out only if it opens with a numeral.
    if (OPENS_NUMERAL[text.charCodeAt(start)] !== 1 || !isSummaryName(text.slice(start, end), true)) continue;
    found.push({ start, end, quoted: true, known: false });
  }
  for (let match = nextCounted(text, 0); match; match = nextCounted(text, match.index + match[0].length)) {
    const [, numeral, counter, run] = match;
    const stop = run.search(HEAD_STOP);
    const head = stop < 0 ? run : run.slice(0, stop);
    const end = match.index! + numeral.length + 1 + head.length;
    // It must stand on its own: a head running on into more Han text is a phrase, not a name.
    const standsAlone = head.length >= 2 && head.length <= 5 && (stop >= 0 || !isHanAt(text, end));
    if (!standsAlone || CONGRESS.test(numeral + counter) || !isSummaryName(`${numeral}${counter}${head}`, false)) continue;
    // 三大攻坚战 but not 7大领域基础上; 15项工作制度（…） but not 30项指标: with 大 or an Arabic
    // number the head is short, or the items follow.
    if (counter === '大' && head.length > 3) continue;
    if (counter !== '个' && DIGIT.test(numeral) && !'（(：:'.includes(text[end] ?? '')) continue;
    found.push({ start: match.index!, end, quoted: false, known: false });
  }
  if (found.length < 2) return found;
  // Known names first, then longer spans; drop what overlaps a span already taken.
  found.sort((a, b) => Number(b.known) - Number(a.known) || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  for (const candidate of found) {
    // Taken spans never overlap, so sorted by start they are sorted by end too.
    const next = firstIndex(taken.length, k => taken[k].end > candidate.start);
    if (next < taken.length && taken[next].start < candidate.end) continue;
    taken.splice(next, 0, candidate);
  }
  return taken;
}

/** Spans (which may overlap) merged, for quick overlap queries on a long line. */
class CoveredSpans {
  private readonly merged: { start: number; end: number }[] = [];

  constructor(spans: { start: number; end: number }[]) {
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      const last = this.merged[this.merged.length - 1];
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else this.merged.push({ start: span.start, end: span.end });
    }
  }

  overlaps(start: number, end: number): boolean {
    const next = firstIndex(this.merged.length, k => this.merged[k].end > start);
    return next < this.merged.length && this.merged[next].start < end;
  }
}

const OPENERS = '“‘《（(';
const CLOSERS = '”’》）)';

/** What splitting reads each character as, by code (see `splitTable`): one look-up a character. */
const OPENS = 1;
const CLOSES = 2;
const SEPARATES = 3;
const ENDS = 4;

/** The characters that open and close quotes and brackets, the separators items are split at, and those the text to split ends at. */
function splitTable(separators: string, ends = ''): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of OPENERS) table[ch.charCodeAt(0)] = OPENS;
  for (const ch of CLOSERS) table[ch.charCodeAt(0)] = CLOSES;
  for (const ch of separators) table[ch.charCodeAt(0)] = SEPARATES;
  for (const ch of ends) table[ch.charCodeAt(0)] = ENDS;
  return table;
}

/** The separators items are split at (see `splitItems`). */
const DUN = splitTable('、');
const DUN_OR_COMMA = splitTable('、，,');
const SEMICOLON = splitTable('；;');
const COMMA = splitTable('，,');

/** What is trimmed off an item's start, and off its end. */
const ITEM_LEAD = new CodeTest(/[\s\u3000“”‘’]/);
const ITEM_TAIL = new CodeTest(/[\s\u3000“”‘’。]/);

/**
 * The parts of text[start, end) split at a separator (of a `splitTable`) outside quotes and brackets,
 * trimmed, and only those left with text: their starts and ends, one after the other (no strings cut
 * yet), written over the start of `bounds` (an array used again and again); returns how many it wrote.
 * The text to split ends sooner at a character the table says it ends at.
 */
function partBounds(text: string, start: number, end: number, splitting: Uint8Array, bounds: number[]): number {
  let count = 0;
  let from = start;
  // A separator inside quotes or brackets (“不忘初心、牢记使命”) belongs to a quoted phrase.
  let depth = 0;
  for (let i = start; i <= end; i++) {
    if (i < end) {
      const kind = splitting[text.charCodeAt(i)];
      if (kind === ENDS) {
        end = i;
      } else {
        if (kind === OPENS) depth++;
        else if (kind === CLOSES) depth = Math.max(0, depth - 1);
        if (depth > 0 || kind !== SEPARATES) continue;
      }
    }
    let a = from;
    let b = i;
    while (a < b && ITEM_LEAD.at(text, a)) a++;
    while (b > a && ITEM_TAIL.at(text, b - 1)) b--;
    if (b > a) {
      bounds[count++] = a;
      bounds[count++] = b;
    }
    from = i + 1;
  }
  return count;
}

function itemSpans(text: string, bounds: number[], count: number): ItemSpan[] {
  const items: ItemSpan[] = [];
  for (let k = 0; k < count; k += 2) items.push({ text: text.slice(bounds[k], bounds[k + 1]), start: bounds[k], end: bounds[k + 1] });
  return items;
}

/** Parts of text[start, end) split at a separator (of a `splitTable`) outside quotes and brackets, trimmed, with their offsets. */
function splitItems(text: string, start: number, end: number, splitting: Uint8Array): ItemSpan[] {
  const bounds: number[] = [];
  return itemSpans(text, bounds, partBounds(text, start, end, splitting, bounds));
}

/** Longer parts are the sentences after a colon, not the items of a summary. */
export const MAX_LIST_ITEM = 20;

const FILLER = /(?:的)?(?:要求|工作|原则|方针|措施|理念|目标|任务|精神|机制|制度)?/y;
const SENTENCE_END = charSet('。；！？\n');
/** What ends the clause a list after 即/： fills. */
const CLAUSE_SEPARATOR = charSet('，,；;');
/** The end of a whole statement, over ；. */
const STATEMENT_END = charSet('。！？\n');
const CLAUSE_END = charSet('，。；：！？\n“”（）');
/** Quotes do not end a list's clause: an item may quote (坚持“一国两制”和推进祖国统一). */
const LIST_CLAUSE_ENDS = '，。；：！？\n（）';
const LIST_CLAUSE_END = charSet(LIST_CLAUSE_ENDS);
/** A list's clause split at 、: its parts, up to where the clause ends. */
const LIST_CLAUSE = splitTable('、', LIST_CLAUSE_ENDS);

/** Where the list's clause around text[from] ends: at the next clause end, or the text's. */
function listClauseEnd(text: string, from: number): number {
  while (from < text.length && LIST_CLAUSE_END[text.charCodeAt(from)] !== 1) from++;
  return from;
}

/** The bounds of a clause's parts, filled again for each clause (`unnamedLists` is never re-entered): no list made per clause. */
const listBounds: number[] = [];

function sentenceEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && SENTENCE_END[text.charCodeAt(i)] !== 1) i++;
  return i;
}

/** Parts that open with a parallel marker: 一是…，二是… */
const MARKED_PART = /^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|其[一二三四五六七八九十])/;
const LAST_ITEM_JOINER = /以及|和|及|与/;

/** 核心意识和看齐意识 is two items when the list needs one more. */
function splitJoinedLast(items: ItemSpan[], wanted: number | undefined): ItemSpan[] {
  const last = items[items.length - 1];
  const joiner = last && LAST_ITEM_JOINER.exec(last.text);
  if (!joiner || wanted !== items.length + 1) return items;
  const cut = last.start + joiner.index;
  return [...items.slice(0, -1), { text: last.text.slice(0, joiner.index), start: last.start, end: cut },
    { text: last.text.slice(joiner.index + joiner[0].length), start: cut + joiner[0].length, end: last.end }];
}

/** The candidate with the highest score (the first of equals), each scored once. */
function bestBy<T>(candidates: T[], score: (candidate: T) => number): T {
  let best = candidates[0];
  let bestScore = score(best);
  for (const candidate of candidates.slice(1)) {
    const value = score(candidate);
    if (value > bestScore) [best, bestScore] = [candidate, value];
  }
  return best;
}

/** Whether a split names every item of a formula exactly, and nothing else: no other reading can do better. */
function isWhole(items: ItemSpan[], entry: FormulaEntry): boolean {
  return items.length === entry.items.length && matchItems(items.map(i => i.text), entry.items, entry.variants).exact === entry.items.length;
}

/** How many of a known formula's items a split names, less how far its count is off. */
function entryScore(items: ItemSpan[], entry: FormulaEntry): number {
  const { exact, near } = matchItems(items.map(i => i.text), entry.items, entry.variants);
  return exact * 100 + near * 90 - Math.abs(items.length - entry.items.length);
}

/**
 * The split of a known formula's segment that matches its items best: at 、 (two items of
 * 两个维护 hold a 、 themselves, so also at ，), at ；, or at both 、 and ， for a list written in
 * groups (严以修身、严以用权、严以律己，谋事要实…). Parts left over after the last item the
 * formula knows are the sentence going on, not items.
 */
function knownItems(text: string, start: number, end: number, entry: FormulaEntry, wanted: number | undefined): ItemSpan[] {
  const listed = splitItems(text, start, end, DUN);
  const grouped = splitItems(text, start, end, DUN_OR_COMMA);
  const splits = [listed, splitJoinedLast(listed, wanted), splitItems(text, start, end, SEMICOLON), splitItems(text, start, end, COMMA),
    grouped, splitJoinedLast(grouped, wanted)];
  const best = bestBy(splits, split => entryScore(split, entry));
  const { kind } = matchItems(best.map(i => i.text), entry.items, entry.variants);
  const lastKnown = kind.map(Boolean).lastIndexOf(true);
  let count = best.length;
  while (count - 1 > lastKnown && lastKnown >= 0 && PART_SEPARATOR.test(text.slice(best[count - 2].end, best[count - 1].start))) count--;
  return best.slice(0, count);
}

/**
 * The items of a spelled-out segment (in brackets, or after 即/：). A known formula takes the
 * split that matches its items best; otherwise a 、-list, a ；-list, parts repeating the key
 * (…一律…) or opening with 一是/二是 are trusted, and plain ，-parts (the sentence may simply go
 * on) are not.
 */
function namelyItems(text: string, start: number, end: number, occurrence: FormulaOccurrence, key: string | undefined): { items: ItemSpan[]; certain: boolean } {
  const entry = occurrence.entry && occurrence.entry.origin !== 'corpus' ? occurrence.entry : undefined;
  const wanted = occurrence.number ?? entry?.items.length;
  if (entry) return { items: knownItems(text, start, end, entry, wanted), certain: true };
  const listed = splitJoinedLast(splitItems(text, start, end, DUN), wanted);
  const semicolons = splitItems(text, start, end, SEMICOLON);
  const commas = splitItems(text, start, end, COMMA);
  const keyed = key ? commas.filter(item => item.text.includes(key)) : [];
  const marked = commas.filter(item => MARKED_PART.test(item.text));
  const trusted = [listed, semicolons, keyed, marked].filter(items => items.length >= 2);
  const counted = trusted.find(items => items.length === wanted) ?? (commas.length === wanted ? commas : undefined);
  if (counted) return { items: counted, certain: true };
  if (trusted.length) return { items: trusted[0], certain: true };
  return { items: commas, certain: false };
}

/**
 * Where a list after 即/： ends: a 、-list that fills the first clause is the whole expansion (the
 * sentence goes on after it), unless the formula is known and reads better to the sentence's end
 * (its items hold a 、, or it is written in groups).
 */
function namelyEnd(text: string, from: number, occurrence: FormulaOccurrence): number {
  const end = sentenceEnd(text, from);
  let clause = from;
  while (clause < end && CLAUSE_SEPARATOR[text.charCodeAt(clause)] !== 1) clause++;
  const entry = occurrence.entry && occurrence.entry.origin !== 'corpus' ? occurrence.entry : undefined;
  if (!entry) return splitItems(text, from, clause, DUN).length > 1 ? clause : end;
  const wanted = occurrence.number ?? entry.items.length;
  const ends = [clause, end];
  // A known formula whose items hold a ， is listed with ； between them (四种形态): read to the full stop too.
  if (entry.items.some(item => item.includes('，'))) {
    let statement = end;
    while (statement < text.length && STATEMENT_END[text.charCodeAt(statement)] !== 1) statement++;
    ends.push(statement);
  }
  // Reading on past the clause only helps if the rest begins an item somewhere (a misworded one too).
  const rest = text.slice(clause, ends[ends.length - 1]);
  if (isWhole(splitItems(text, from, clause, DUN), entry) || !entry.items.some(item => rest.includes(item.slice(0, 2)))) return clause;
  return bestBy(ends, to => entryScore(knownItems(text, from, to, entry, wanted), entry));
}

/** How long a match of a sticky regex at `at` is (0 when none): no string is cut out, no match made. */
function matchedLength(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex - at : 0;
}

function expansionAfter(text: string, end: number, occurrence: FormulaOccurrence, key: string | undefined): Expansion | undefined {
  let at = end + (occurrence.quoted ? 1 : 0);
  at += matchedLength(FILLER, text, at);
  BRACKETED.lastIndex = at;
  const bracket = BRACKETED.exec(text);
  if (bracket) return { ...namelyItems(text, at + 1, at + 1 + bracket[1].length, occurrence, key), how: 'brackets' };
  const namely = matchedLength(NAMELY, text, at);
  if (namely) {
    const from = at + namely;
    return { ...namelyItems(text, from, namelyEnd(text, from, occurrence), occurrence, key), how: 'namely' };
  }
  if (!occurrence.entry || occurrence.entry.origin === 'corpus') return undefined;
  // Next to a known formula, a 、-list in the same clause or the next one spells it out.
  const following = at + matchedLength(OPTIONAL_COMMA, text, at);
  let clauseEnd = following;
  while (clauseEnd < text.length && CLAUSE_END[text.charCodeAt(clauseEnd)] !== 1) clauseEnd++;
  const items = trimEnds(splitItems(text, following, clauseEnd, DUN), occurrence.entry);
  if (items.length >= 2 && matchItems(items.map(i => i.text), occurrence.entry.items, occurrence.entry.variants).exact >= namedListMinimum(occurrence.entry)) return { items, how: 'following', certain: true };
  return undefined;
}

/** Items a list next to a formula's name must match exactly to spell it out: two, or one of a pair. */
function namedListMinimum(entry: FormulaEntry): number {
  return Math.min(2, entry.items.length - 1);
}

function expansionBefore(text: string, start: number, occurrence: FormulaOccurrence): Expansion | undefined {
  const entry = occurrence.entry;
  if (!entry || entry.origin === 'corpus') return undefined;
  let end = start - (occurrence.quoted ? 1 : 0);
  while (end > 0 && BEFORE_NAME[text.charCodeAt(end - 1)] === 1) end--;
  let clauseStart = end;
  while (clauseStart > 0 && CLAUSE_END[text.charCodeAt(clauseStart - 1)] !== 1) clauseStart--;
  const inClause = trimEnds(splitItems(text, clauseStart, end, DUN), entry);
  let items = inClause;
  if (!isWhole(inClause, entry)) {
    // Items that hold a 、 (两个维护) or a list in groups run back over ， (and over ； when the items
    // hold a ，): the parts before the first item the formula knows are the sentence's opening.
    // Reading back only helps where enough items are named to be the list.
    let sentenceStart = clauseStart;
    while (sentenceStart > 0 && SENTENCE_END[text.charCodeAt(sentenceStart - 1)] !== 1) sentenceStart--;
    const starts = [sentenceStart];
    if (entry.items.some(item => item.includes('，'))) {
      let statementStart = sentenceStart;
      while (statementStart > 0 && STATEMENT_END[text.charCodeAt(statementStart - 1)] !== 1) statementStart--;
      starts.push(statementStart);
    }
    const candidates = [inClause, ...starts.filter(from => mentions(text.slice(from, end), entry) >= namedListMinimum(entry))
      .map(from => trimEnds(leadingKnown(text, knownItems(text, from, end, entry, entry.items.length), entry), entry))];
    items = bestBy(candidates, candidate => entryScore(candidate, entry));
  }
  if (items.length >= 2 && matchItems(items.map(i => i.text), entry.items, entry.variants).exact >= namedListMinimum(entry)) return { items, how: 'preceding', certain: true };
  return undefined;
}

/** The parts from the first one that ends with an item the formula knows (exactly or nearly), back to a ，. */
function leadingKnown(text: string, parts: ItemSpan[], entry: FormulaEntry): ItemSpan[] {
  const knows = (part: ItemSpan) => knownWordings(entry).some(c => part.text.endsWith(c) || (part.text.length >= c.length && oneCharacterApart(part.text.slice(-c.length), c)));
  let from = 0;
  while (from < parts.length - 1 && !knows(parts[from]) && PART_SEPARATOR.test(text.slice(parts[from].end, parts[from + 1].start))) from++;
  return parts.slice(from);
}

/**
 * 坚持早发现 → 早发现, 看齐意识缺一不可 → 看齐意识: the ends of a list lose the words glued to
 * them, where a canonical item tells (or, at the start, the other items' common length).
 */
function trimEnds(items: ItemSpan[], entry: FormulaEntry): ItemSpan[] {
  if (items.length < 2) return items;
  const last = items[items.length - 1];
  const tail = knownWordings(entry).find(c => last.text.startsWith(c) && last.text !== c)
    ?? knownWordings(entry).find(c => last.text.length > c.length && oneCharacterApart(last.text.slice(0, c.length), c));
  const trimmed = tail ? [...items.slice(0, -1), { text: last.text.slice(0, tail.length), start: last.start, end: last.start + tail.length }] : items;
  return trimLead(trimmed, entry);
}

const wordings = new WeakMap<FormulaEntry, string[]>();

/** Every wording of an entry's items (canonical, earlier, accepted variants), longest first. */
function knownWordings(entry: FormulaEntry): string[] {
  let known = wordings.get(entry);
  if (!known) {
    const all = [entry.items, ...(entry.previousItems ?? []).map(p => p.items), Object.keys(entry.variants ?? {})].flat();
    known = [...new Set(all)].sort((a, b) => b.length - a.length);
    wordings.set(entry, known);
  }
  return known;
}

/** How many of a formula's items (in any known wording) a stretch of text contains. */
function mentions(stretch: string, entry: FormulaEntry): number {
  return entry.items.filter((item, k) => stretch.includes(item)
    || Object.entries(entry.variants ?? {}).some(([variant, of]) => of === item && stretch.includes(variant))
    || (entry.previousItems ?? []).some(p => stretch.includes(p.items[k]))).length;
}

/** Whether two strings of the same length differ in exactly one character (a slip: 建设 → 建没). */
function oneCharacterApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length && differences < 2; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

function trimLead(items: ItemSpan[], entry: FormulaEntry): ItemSpan[] {
  const [first, ...rest] = items;
  // A known wording the first part ends with, exactly or but for one character (坚持经济建没).
  const head = knownWordings(entry).find(c => first.text.endsWith(c) && first.text !== c)
    ?? knownWordings(entry).find(c => first.text.length > c.length && oneCharacterApart(first.text.slice(-c.length), c));
  if (head) return [{ text: first.text.slice(-head.length), start: first.end - head.length, end: first.end }, ...rest];
  const lengths = new Set(rest.map(item => item.text.length));
  if (lengths.size === 1 && first.text.length > rest[0].text.length) {
    const length = rest[0].text.length;
    return [{ text: first.text.slice(-length), start: first.end - length, end: first.end }, ...rest];
  }
  return items;
}

/**
 * The run of a list's parts that is the formula whole (in any version), exact but for near misses:
 * 四、坚定道路自信、制度自信… starts with the heading's 四, which is no item.
 */
function strongWindow(parts: ItemSpan[], entry: FormulaEntry): ItemSpan[] | undefined {
  for (const canonical of [entry.items, ...(entry.previousItems ?? []).map(p => p.items)]) {
    for (let from = 0; from + canonical.length <= parts.length; from++) {
      const items = trimEnds(parts.slice(from, from + canonical.length), entry);
      const { exact, near } = matchItems(items.map(item => item.text), canonical, entry.variants);
      if (exact >= 2 && exact + near === canonical.length) return items;
    }
  }
  return undefined;
}

/**
 * The formulas a list could be: those two of its parts name exactly (the first part may carry
 * words before an item, the last words after one). A cheap filter before the near-miss matching.
 * `parts`: the list's parts as `partBounds` gives them, `count` of them written.
 */
function candidateEntries(text: string, parts: number[], count: number, dictionary: FormulaDictionary): readonly FormulaEntry[] {
  const index = dictionary.itemIndex();
  // Made at the first hit: most lists have none.
  let hits: Map<FormulaEntry, number> | undefined;
  const last = count - 2;
  for (let k = 0; k <= last; k += 2) {
    const start = parts[k];
    const end = parts[k + 1];
    const whole = lookUpItem(index, text, start, end);
    if (whole) {
      hits = countHits(hits, whole);
      continue;
    }
    if (k !== 0 && k !== last) continue;
    // The first part may end with an item, the last start with one: of the lengths items with its last (first) character come in.
    const lengths = k === 0 ? index.lengthsEndingWith.get(text.charCodeAt(end - 1)) : index.lengthsStartingWith.get(text.charCodeAt(start));
    for (const length of lengths ?? []) {
      if (end - start <= length) continue;
      hits = countHits(hits, k === 0 ? lookUpItem(index, text, end - length, end) : lookUpItem(index, text, start, start + length));
    }
  }
  if (!hits) return NO_ENTRIES;
  const candidates: FormulaEntry[] = [];
  for (const [entry, hitCount] of hits) if (hitCount >= 2) candidates.push(entry);
  return candidates;
}

const NO_ENTRIES: readonly FormulaEntry[] = [];

/** The formulas an item text[start, end) belongs to, cut out and looked up only where its first and last characters and its length may be an item's. */
function lookUpItem(index: ItemIndex, text: string, start: number, end: number): FormulaEntry[] | undefined {
  return index.edges[edgeKey(text, start, end)] === 1 ? index.byItem.get(text.slice(start, end)) : undefined;
}

/** `hits` (made if need be) with one more for each of `entries`. */
function countHits(hits: Map<FormulaEntry, number> | undefined, entries: FormulaEntry[] | undefined): Map<FormulaEntry, number> | undefined {
  if (!entries) return hits;
  hits ??= new Map();
  for (const entry of entries) hits.set(entry, (hits.get(entry) ?? 0) + 1);
  return hits;
}

/**
 * Whether an item may end just before a 、 of the text (but for what a part's end is trimmed of) or
 * start just after one, by its edges and length (see `ItemIndex.edges`), as a list part naming an
 * item does: most lines with a 、 list no item, and their clauses are then not split.
 */
function mayListItems(text: string, index: ItemIndex): boolean {
  for (let dun = text.indexOf('、'); dun >= 0; dun = text.indexOf('、', dun + 1)) {
    let end = dun;
    while (end > 0 && ITEM_TAIL.at(text, end - 1)) end--;
    for (const length of index.lengthsEndingWith.get(text.charCodeAt(end - 1)) ?? NO_LENGTHS) {
      if (length <= end && index.edges[edgeKey(text, end - length, end)] === 1) return true;
    }
    let start = dun + 1;
    while (ITEM_LEAD.at(text, start)) start++;
    for (const length of index.lengthsStartingWith.get(text.charCodeAt(start)) ?? NO_LENGTHS) {
      if (start + length <= text.length && index.edges[edgeKey(text, start, start + length)] === 1) return true;
    }
  }
  return false;
}

const NO_LENGTHS: readonly number[] = [];

/** 、-lists that are a known formula without its name: 道路自信、制度自信、理论自信、文化自信. */
function unnamedLists(text: string, dictionary: FormulaDictionary, taken: FormulaOccurrence[]): FormulaOccurrence[] {
  // Nothing made for a line without a list that may name an item (the result is only read).
  if (!mayListItems(text, dictionary.itemIndex())) return NO_FORMULAS;
  // Made at the first list found: most lines have none.
  let found: FormulaOccurrence[] | undefined;
  // A name inside an item (坚持新发展理念, 坚持“一国两制”和推进祖国统一) does not hide the list;
  // a name that is spelled out does, with its items.
  let covered: CoveredSpans | undefined;
  // The clauses with a 、 in them, the only places a list can be: found from each 、 (by indexOf, which
  // passes over the text at memory speed) back to the clause's start, then split on to its end.
  // No clause found starts before the end of the one found before it.
  for (let dun = text.indexOf('、'), clausesFrom = 0; dun >= 0; dun = text.indexOf('、', clausesFrom)) {
    let start = dun;
    while (start > clausesFrom && LIST_CLAUSE_END[text.charCodeAt(start - 1)] !== 1) start--;
    const count = partBounds(text, start, text.length, LIST_CLAUSE, listBounds);
    // Past its last part (trimmed), only the part's trimmings and empty parts are left of the clause.
    clausesFrom = listClauseEnd(text, count ? listBounds[count - 1] : start) + 1;
    if (count < 4) continue;
    const entries = candidateEntries(text, listBounds, count, dictionary);
    if (!entries.length) continue;
    const parts = itemSpans(text, listBounds, count);
    covered ??= new CoveredSpans(taken.filter(o => o.expansion).flatMap(o => [o, ...o.expansion!.items]));
    const overlaps = (start: number, end: number) => covered!.overlaps(start, end);
    for (const entry of entries) {
      const items = strongWindow(parts, entry);
      if (!items) continue;
      const start = items[0].start;
      const end = items[items.length - 1].end;
      if (overlaps(start, end)) continue;
      found ??= [];
      found.push({ name: entry.name, start, end, named: false, quoted: false, number: entry.items.length, entry, expansion: { items, how: 'list', certain: true } });
      break;
    }
  }
  return found ?? NO_FORMULAS;
}

export function shiftedOccurrence(occurrence: FormulaOccurrence, by: number): FormulaOccurrence {
  const shift = (item: ItemSpan) => ({ ...item, start: item.start + by, end: item.end + by });
  return {
    ...occurrence, start: occurrence.start + by, end: occurrence.end + by,
    expansion: occurrence.expansion && { ...occurrence.expansion, items: occurrence.expansion.items.map(shift) },
  };
}

/** Formulas per line, cached by the line's text for one dictionary (the caller ends each run). */
export class FormulaCache {
  readonly lines: LineCache<FormulaOccurrence[]>;
  /** The checks of each line's formulas, for the check options in `key` (see checks.ts). */
  checks?: { key: string; lines: LineCache<Diagnostic[]>; placed: object };
  /** The counts each line announces (下面，我讲三点意见), which the checks compare with the headings after them. */
  readonly announcements: LineCache<LineAnnouncement[]>;
  /** `runOnly`: see `LineCache`. */
  constructor(readonly dictionary: FormulaDictionary, runOnly = false) {
    this.lines = new LineCache<FormulaOccurrence[]>(runOnly);
    this.announcements = new LineCache<LineAnnouncement[]>(runOnly);
  }
}

const NO_FORMULAS: FormulaOccurrence[] = Object.freeze([]) as unknown as FormulaOccurrence[];

/** Lines longer than this (flattened pasted text) are read, and cached, sentence by sentence. */
export const LONG_LINE = 2000;

/**
 * Formulas in a text: numeric summaries (known, quoted, or N个H on its own), with the expansion the
 * text gives for them, and known formulas written out as a list without their name. A formula
 * never crosses a line, so lines are read one by one (and, with a cache, only the changed ones).
 */
export function findFormulas(text: string, dictionary: FormulaDictionary, lines = new LineIndex(text), cache?: FormulaCache): FormulaOccurrence[] {
  return placedFormulas(lines, runSteps(formulaSteps(dictionary, lines, cache, false)));
}

/**
 * A document's formulas line by line: the lines of its index that have any, and their occurrences at
 * offsets within the line (a cached line's are its cache's own objects, never to be changed). A
 * keystroke then moves no formula after it: they are placed in the text when asked for.
 */
export interface LineFormulas {
  lines: number[];
  inLine: FormulaOccurrence[][];
}

/** The occurrences at their offsets in the text: copies, for the cached objects must never be handed out, lest a caller change them. */
export function placedFormulas(lines: LineIndex, found: LineFormulas): FormulaOccurrence[] {
  const placed: FormulaOccurrence[] = [];
  for (let k = 0; k < found.lines.length; k++) {
    for (const occurrence of found.inLine[k]) placed.push(shiftedOccurrence(occurrence, lines.lineStarts[found.lines[k]]));
  }
  return placed;
}

/**
 * `slots`: the cache keeps each line's results in the index's slots too (see `LineIndex.slots`), for
 * an analysis of a document from version to version; a caller that reads texts one by one (mining)
 * looks them up by text alone.
 */
export function* formulaSteps(dictionary: FormulaDictionary, lines: LineIndex, cache?: FormulaCache, slots = true): Steps<LineFormulas> {
  const found: LineFormulas = { lines: [], inLine: [] };
  const add = (line: number, inLine: FormulaOccurrence[]) => {
    found.lines.push(line);
    found.inLine.push(inLine);
  };
  const lineCache = cache?.dictionary === dictionary ? cache.lines : undefined;
  // One function for every line, not one made per line; lines without formulas (most) share one empty result.
  const recognize = (own: string) => {
    const inLine = formulasInLine(own, dictionary);
    return inLine.length ? inLine : NO_FORMULAS;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    if (line % STEP === STEP - 1) yield;
    const lineText = lines.lineText(line);
    if (!lineText) continue;
    if (slots && cache && lineCache && lineText.length <= LONG_LINE) {
      const inLine = lineCache.getLine(lines, line, recognize, nonEmpty);
      if (inLine.length) add(line, inLine);
      continue;
    }
    const inLine: FormulaOccurrence[] = [];
    forEachPiece(lineText, (piece, offset) => {
      const inPiece = lineCache ? lineCache.get(piece, own => formulasInLine(own, dictionary)) : formulasInLine(piece, dictionary);
      for (const occurrence of inPiece) inLine.push(offset ? shiftedOccurrence(occurrence, offset) : occurrence);
    });
    if (inLine.length) add(line, inLine);
  }
  return found;
}

/**
 * A line, or a long line's sentences (cut after 。！？ outside brackets and quotes, which no
 * formula crosses), with their offsets in the line: an edit then reads one sentence again.
 */
function forEachPiece(line: string, visit: (piece: string, offset: number) => void): void {
  if (line.length <= LONG_LINE) return visit(line, 0);
  let depth = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '。' || ch === '！' || ch === '？')) {
      visit(line.slice(from, i + 1), from);
      from = i + 1;
    }
  }
  if (from < line.length) visit(line.slice(from), from);
}

export function formulasInLine(text: string, dictionary: FormulaDictionary): FormulaOccurrence[] {
  const occurrences: FormulaOccurrence[] = nameCandidates(text, dictionary).map(candidate => {
    const name = text.slice(candidate.start, candidate.end);
    const entry = dictionary.get(name);
    const occurrence: FormulaOccurrence = {
      name, start: candidate.start, end: candidate.end, named: true, quoted: candidate.quoted,
      number: summaryNumber(name), entry,
    };
    occurrence.expansion = expansionAfter(text, candidate.end, occurrence, summaryHead(name) || undefined) ?? expansionBefore(text, candidate.start, occurrence);
    return occurrence;
  });
  const lists = unnamedLists(text, dictionary, occurrences);
  // The names come in order already (see nameCandidates): only lists need merging in.
  if (!lists.length) return occurrences;
  return [...occurrences, ...lists].sort((a, b) => a.start - b.start);
}
