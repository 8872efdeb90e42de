import { RE2JS } from 're2js';
import { Diagnostic } from './diagnostics';
import { Locale, localize } from './messages';
import { checkNumbering } from './numbering';
import { formulaCheckSteps } from './formulas/checks';
import { curatedFormulas, FormulaDictionary } from './formulas/dictionary';
import { FormulaCache, FormulaOccurrence, formulaSteps } from './formulas/recognize';
import { LineCache } from './lineCache';
import { findPlaceholders, Placeholder, WholeMatcher } from './placeholders';
import { CharacterCounter, DEFAULT_CHARACTERS_PER_MINUTE, speakingMinutes } from './stats';
import { Heading, LineMarkers, structureSteps } from './structure';
import { runSteps, Steps } from './steps';
import { LineIndex } from './text';

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
  /** Per-line results of the document's last analysis, so that only changed lines are read again. */
  cache?: AnalysisCache;
}

/** What one document's analyses keep from one version to the next. */
export class AnalysisCache {
  readonly markers = new LineCache<LineMarkers>();
  readonly characterCounts = new LineCache<number>();
  formulas?: FormulaCache;
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
  for (const source of sources) {
    try {
      patterns.push(RE2JS.compile(source));
    } catch {
      errors.push(localize(locale, 'bad-ignore-pattern', source));
    }
  }
  return patterns;
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return runSteps(analysisSteps(text, options));
}

/** The analysis in steps, for a caller that spreads a huge document's over time (see steps.ts). */
export function* analysisSteps(text: string, options: AnalysisOptions = {}): Steps<Analysis> {
  const locale = options.locale ?? 'zh-cn';
  const lines = new LineIndex(text);
  const cache = options.cache;
  const structure = yield* structureSteps(text, lines, cache?.markers);
  cache?.markers.endRun();
  yield;
  const optionErrors: string[] = [];
  const ignore = compileIgnorePatterns(options.placeholderIgnore ?? [], locale, optionErrors);
  const placeholders = findPlaceholders(text, { ignore, markdown: options.markdown });
  const placeholderDiagnostics: Diagnostic[] = placeholders.map(p => ({
    range: { start: p.start, end: p.end },
    severity: 'warning',
    code: 'placeholder',
    message: localize(locale, 'placeholder', p.text),
    fixes: [],
  }));
  yield;
  const dictionary = options.formulas ?? curatedDictionary();
  if (cache && cache.formulas?.dictionary !== dictionary) cache.formulas = new FormulaCache(dictionary);
  const formulas = yield* formulaSteps(dictionary, lines, cache?.formulas);
  cache?.formulas?.lines.endRun();
  const formulaDiagnostics = yield* formulaCheckSteps(text, formulas, structure.all, { locale, superseded: options.supersededFormulas ?? true });
  const numberingDiagnostics = checkNumbering(structure.headings, locale);
  yield;
  const diagnostics = [...numberingDiagnostics, ...placeholderDiagnostics, ...formulaDiagnostics]
    .sort((a, b) => a.range.start - b.range.start);
  yield;
  const counter = new CharacterCounter(text, structure.all.map(h => h.marker), lines, cache?.characterCounts);
  const charactersPerMinute = options.charactersPerMinute ?? DEFAULT_CHARACTERS_PER_MINUTE;
  const characters = counter.count();
  return {
    text, lines, headings: structure.headings, allHeadings: structure.all, placeholders, formulas, diagnostics,
    optionErrors, counter, charactersPerMinute,
    stats: { characters, minutes: speakingMinutes(characters, charactersPerMinute) },
  };
}
