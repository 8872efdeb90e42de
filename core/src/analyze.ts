import type * as RE2Module from 're2js';
import { Diagnostic, diagnostic, Fix } from './diagnostics';
import { Locale, localize } from './messages';
import { checkNumbering } from './numbering';
import { formulaCheckSteps } from './formulas/checks';
import { curatedFormulas, FormulaDictionary } from './formulas/dictionary';
import { FormulaCache, FormulaOccurrence, formulaSteps, LineFormulas, placedFormulas } from './formulas/recognize';
import { LineCache, nonEmpty, placedAt } from './lineCache';
import { findPlaceholders, Placeholder, PlaceholderOptions, WholeMatcher } from './placeholders';
import { CharacterCounter, CountCache, DEFAULT_CHARACTERS_PER_MINUTE, speakingMinutes } from './stats';
import { Heading, LineMarkers, structureSteps } from './structure';
import { runSteps, Steps } from './steps';
import { LineIndex, UnchangedEnds } from './text';
import { endWithoutBlanks } from './whiteSpace';
import { CompactOutline } from './compactOutline';

export interface AnalysisOptions {
  locale?: Locale;
  markdown?: boolean;
  /** Regular expression sources; placeholders matching one are not reported. */
  placeholderIgnore?: readonly string[];
  charactersPerMinute?: number;
  /** Known formulas; the curated dictionary when not given. */
  formulas?: FormulaDictionary;
  /** Report superseded formulas and wordings (Information); on by default. */
  supersededFormulas?: boolean;
  /**
   * Per-line results of the document's last analysis, so that only changed lines are read again.
   * Without one, the analysis keeps its own for its run, so that equal lines are read once; `false`
   * reads every line, and the text whole where it can (the reference the tests compare with).
   */
  cache?: AnalysisCache | false;
  /** What the edits since the text the cache last read left alone, as an editor counted them: spares comparing the two texts. */
  unchanged?: UnchangedEnds;
}

/** What one document's analyses keep from one version to the next. */
export class AnalysisCache {
  readonly markers: LineCache<LineMarkers>;
  readonly characterCounts: CountCache;
  formulas?: FormulaCache;
  /** Placeholders per line, for the ignore patterns, Markdown setting and locale in `key`. */
  placeholders?: { key: string; lines: LineCache<Placeholder[]>; placed: object };
  /** The lines of the last version analysed: the next version's index takes over those an edit left alone. */
  lines?: LineIndex;

  /** `runOnly`: the cache serves one analysis and is then dropped (see `LineCache`). */
  constructor(readonly runOnly = false) {
    this.markers = new LineCache<LineMarkers>(runOnly);
    this.characterCounts = new CountCache(runOnly);
  }
}

let curated: FormulaDictionary | undefined;

export function curatedDictionary(): FormulaDictionary {
  curated ??= new FormulaDictionary(curatedFormulas());
  return curated;
}

export interface Analysis {
  text: string;
  lines: LineIndex;
  headings: Heading[];
  allHeadings: Heading[];
  /** The same headings kept compactly, for features that read them in order without the tree. */
  outline: CompactOutline;
  placeholders: Placeholder[];
  formulas: FormulaOccurrence[];
  diagnostics: Diagnostic[];
  /** Problems with the options themselves (an invalid ignore pattern), for the user to see once. */
  optionErrors: string[];
  counter: CharacterCounter;
  stats: { characters: number; minutes: number };
  charactersPerMinute: number;
}

/**
 * The user's ignore patterns, compiled by RE2, which matches in linear time: a pattern from a
 * workspace's settings such as `(_+)+!` cannot make the server hang, as a backtracking RegExp would.
 */
function compileIgnorePatterns(sources: readonly string[], locale: Locale, errors: string[]): WholeMatcher[] {
  const patterns: WholeMatcher[] = [];
  if (!sources.length) return patterns;
  // Loaded when a user has patterns, not with the server.
  const { RE2JS } = require('re2js') as typeof RE2Module;
  for (const source of sources) {
    try {
      patterns.push(RE2JS.compile(source));
    } catch {
      errors.push(localize(locale, 'bad-ignore-pattern', source));
    }
  }
  return patterns;
}

/** The warnings about placeholders (at `at` on from where they were found); a draft repeats its few (xx, ***), so each message is made once. */
function placeholderWarnings(placeholders: readonly Placeholder[], locale: Locale, messages: Map<string, string>, at = 0): Diagnostic[] {
  return placeholders.map(p => {
    let message = messages.get(p.text);
    if (message === undefined) messages.set(p.text, message = localize(locale, 'placeholder', p.text));
    return diagnostic(p.start + at, p.end + at, 'warning', 'placeholder', message, NO_FIXES);
  });
}

/** A placeholder's warning has no fix (filling it is a command of its own): one shared list for the thousands of them. */
const NO_FIXES: Fix[] = Object.freeze([]) as unknown as Fix[];

/**
 * The warnings about a text's placeholders, line by line and (with a cache) only the changed lines
 * read again; a line's warnings are made again only when the line or its offset changed. A
 * placeholder never crosses a line, except 【 】 around a line break and a text whose lines end in a
 * lone \r (where a Markdown line runs on to the next \n): those texts are read whole.
 */
function placeholdersOf(text: string, lines: LineIndex, options: PlaceholderOptions, ignoreSources: readonly string[], locale: Locale, cache?: AnalysisCache): Diagnostic[] {
  const messages = new Map<string, string>();
  if (!cache || bracketOpenAtLineEnd(lines) || lines.hasLoneCarriageReturn()) return placeholderWarnings(findPlaceholders(text, options), locale, messages);
  const key = JSON.stringify([ignoreSources, !!options.markdown, locale]);
  if (cache.placeholders?.key !== key) {
    if (cache.placeholders) {
      lines.forgetSlots(cache.placeholders.lines);
      lines.forgetSlots(cache.placeholders.placed);
    }
    cache.placeholders = { key, lines: new LineCache<Placeholder[]>(cache.runOnly), placed: {} };
  }
  const warnings: Diagnostic[] = [];
  const { lines: lineCache, placed } = cache.placeholders;
  const placedSlots = lines.slots<{ at: number; from: Placeholder[]; placed: Diagnostic[] }>(placed);
  // Lines without placeholders (most) share one empty result.
  const find = (own: string) => {
    const inLine = findPlaceholders(own, options);
    return inLine.length ? inLine : NO_PLACEHOLDERS;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const inLine = lineCache.getLine(lines, line, find, nonEmpty);
    if (!inLine.length) continue;
    const at = lines.lineStarts[line];
    // Shared with later analyses while the line stays where it is: never to be changed.
    for (const warning of placedAt(placedSlots, line, at, inLine, () => placeholderWarnings(inLine, locale, messages, at))) warnings.push(warning);
  }
  lineCache.endRun();
  return warnings;
}

const NO_PLACEHOLDERS: Placeholder[] = Object.freeze([]) as unknown as Placeholder[];

/** Whether a line but the last ends in 【 and blanks: a placeholder 【…】 may run on over its line break. Read from the line ends. */
function bracketOpenAtLineEnd(lines: LineIndex): boolean {
  const { text, lineStarts } = lines;
  for (let line = 0; line + 1 < lines.lineCount; line++) {
    const end = endWithoutBlanks(text, lineStarts[line], lines.lineContentEnd(line));
    if (end > lineStarts[line] && text.charCodeAt(end - 1) === 0x3010) return true;
  }
  return false;
}

/**
 * The lists' diagnostics by where they start, as a stable sort of the lists joined would give them:
 * each list sorted if it is not (placeholders, the thousands, come sorted), then merged.
 */
function inTextOrder(lists: Diagnostic[][]): Diagnostic[] {
  const sorted = lists.map(list => (isInTextOrder(list) ? list : [...list].sort(byStart)));
  const merged: Diagnostic[] = [];
  const next = new Int32Array(sorted.length);
  for (;;) {
    let from = -1;
    let start = Infinity;
    // At one start, the earlier list's diagnostic first.
    for (let k = 0; k < sorted.length; k++) {
      if (next[k] < sorted[k].length && sorted[k][next[k]].range.start < start) {
        from = k;
        start = sorted[k][next[k]].range.start;
      }
    }
    if (from < 0) return merged;
    merged.push(sorted[from][next[from]++]);
  }
}

const byStart = (a: Diagnostic, b: Diagnostic) => a.range.start - b.range.start;

function isInTextOrder(list: Diagnostic[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].range.start < list[i - 1].range.start) return false;
  return true;
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return runSteps(analysisSteps(text, options));
}

/** The analysis in steps, for a caller that spreads a huge document's over time (see steps.ts). */
export function* analysisSteps(text: string, options: AnalysisOptions = {}): Steps<Analysis> {
  const locale = options.locale ?? 'zh-cn';
  // An analysis of its own reads each text once, and keeps nothing for a next version.
  const cache = options.cache === false ? undefined : options.cache ?? new AnalysisCache(true);
  const lines = new LineIndex(text, cache?.lines, options.unchanged);
  if (cache) cache.lines = lines;
  const structure = yield* structureSteps(text, lines, cache?.markers);
  cache?.markers.endRun();
  yield;
  const optionErrors: string[] = [];
  const ignore = compileIgnorePatterns(options.placeholderIgnore ?? [], locale, optionErrors);
  const warnings = placeholdersOf(text, lines, { ignore, markdown: options.markdown }, options.placeholderIgnore ?? [], locale, cache);
  yield;
  const dictionary = options.formulas ?? curatedDictionary();
  if (cache && cache.formulas?.dictionary !== dictionary) {
    const old = cache.formulas;
    if (old) for (const owner of [old.lines, old.announcements, old.checks?.lines, old.checks?.placed]) if (owner) lines.forgetSlots(owner);
    cache.formulas = new FormulaCache(dictionary, cache.runOnly);
  }
  const formulaLines = yield* formulaSteps(dictionary, lines, cache?.formulas);
  cache?.formulas?.lines.endRun();
  const formulaDiagnostics = yield* formulaCheckSteps(lines, formulaLines, structure.all, { locale, superseded: options.supersededFormulas ?? true }, cache?.formulas);
  const numberingDiagnostics = checkNumbering(structure.headings, locale);
  yield;
  const diagnostics = inTextOrder([numberingDiagnostics, warnings, formulaDiagnostics]);
  yield;
  // The headings are kept compactly; their objects are made again when asked for after being collected.
  const outline = new CompactOutline(text, structure);
  const counter = new CharacterCounter(text, outline.markerSpans(), lines, cache?.characterCounts);
  const charactersPerMinute = options.charactersPerMinute ?? DEFAULT_CHARACTERS_PER_MINUTE;
  return new LazyAnalysis(text, lines, outline, diagnostics, optionErrors, counter, charactersPerMinute, warnings, formulaLines);
}

/**
 * An analysis whose headings, placeholders and formulas are made when asked for (a keystroke needs
 * the warnings only, and moves no formula). A class, not an object literal with getters: V8 keeps a
 * literal's getters in a pair it allocates in old space, which held each keystroke's analysis and
 * text through the young-generation collections until the next full one, and so had them promoted.
 */
class LazyAnalysis implements Analysis {
  readonly stats: { characters: number; minutes: number };
  private placeholderList?: Placeholder[];
  private formulaList?: FormulaOccurrence[];

  constructor(
    readonly text: string, readonly lines: LineIndex, readonly outline: CompactOutline, readonly diagnostics: Diagnostic[],
    readonly optionErrors: string[], readonly counter: CharacterCounter, readonly charactersPerMinute: number,
    private readonly warnings: Diagnostic[], private readonly formulaLines: LineFormulas,
  ) {
    const characters = counter.count();
    this.stats = { characters, minutes: speakingMinutes(characters, charactersPerMinute) };
  }

  get headings(): Heading[] { return this.outline.structure().headings; }
  get allHeadings(): Heading[] { return this.outline.structure().all; }

  get placeholders(): Placeholder[] {
    return (this.placeholderList ??= this.warnings.map(({ range: { start, end } }) => ({ text: this.text.slice(start, end), start, end })));
  }

  get formulas(): FormulaOccurrence[] {
    return (this.formulaList ??= placedFormulas(this.lines, this.formulaLines));
  }
}
