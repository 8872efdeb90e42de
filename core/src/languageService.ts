// The analysis as a language service: a document's text and settings in, results out (offsets in
// UTF-16 code units). What it needs from outside — the corpora, the editor's language — it asks its
// host; it reads no files. An editor integration (the language server) or a tool (the CLI) creates
// one service and calls it per request.
import { Analysis, AnalysisCache, analysisSteps } from './analyze';
import { convertChinese } from './chinese';
import { CleanCounts, cleanPastedText, hasPastedTextSigns } from './corpus/cleaning';
import { CandidateIndex, formulaCandidates } from './completion/candidates';
import { completionsAt, DraftCompletion } from './completion/draft';
import { CorpusKnowledge } from './corpusKnowledge';
import { Diagnostic } from './diagnostics';
import { sectionFolds, SectionFold } from './features/folding';
import { outline, OutlineSymbol } from './features/outline';
import { fillPlaceholder, PlaceholderFill } from './features/placeholderFill';
import { listedDiagnostics } from './features/listedDiagnostics';
import { QuickFix, quickFixes } from './features/quickFixes';
import { SemanticToken, semanticTokens } from './features/semanticTokens';
import { SpeechStatistics, speechStatistics } from './features/statistics';
import { formatEdits } from './format';
import { curatedFormulas, FormulaDictionary, userFormulas } from './formulas/dictionary';
import { formulaAt, formulaHover } from './formulas/hover';
import { Locale, localize } from './messages';
import { localeOf, Settings } from './settings';
import { runSteps, Steps } from './steps';
import { TextEdit, TextRange, UnchangedEnds } from './text';

/** A version of a document, as an editor holds it. */
export interface SpeechDocument {
  readonly uri: string;
  readonly version: number;
  /** `speech`, `markdown`, `plaintext`… */
  readonly languageId: string;
  getText(): string;
}

/** Asked between steps of a long analysis; a cancelled one returns nothing. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** What the service needs from the program that runs it. */
export interface LanguageServiceHost {
  /** What the corpora know now: a new object whenever the user's corpus changes. */
  corpus(): CorpusKnowledge;
  /** The editor's language (`zh-cn`, `en`…), for messages when the setting says auto. */
  readonly clientLocale?: string;
}

export interface Hover {
  /** Markdown. */
  contents: string;
  range: TextRange;
}

/** Clean Up Pasted Text on a document or a range: edits to apply as one, and what they did by kind. */
export interface CleanUp {
  edits: TextEdit[];
  counts: CleanCounts;
}

export interface LanguageService {
  /**
   * The analysis of a document in steps, for a caller that spreads it over turns of its event loop;
   * `unchanged`: what the edits since the text last analysed left alone, if the caller counted it.
   */
  analysisSteps(document: SpeechDocument, settings: Settings, unchanged?: UnchangedEnds): Steps<Analysis>;
  /** The analysis of a document at once. */
  analyze(document: SpeechDocument, settings: Settings): Analysis;
  /** The same, or undefined when the token is cancelled before it ends. */
  analyzeUnlessCancelled(document: SpeechDocument, settings: Settings, token: CancellationToken): Analysis | undefined;
  /** Forgets what was kept to make the next analysis of a closed document faster. */
  forget(uri: string): void;
  locale(settings: Settings): Locale;
  /** The diagnostics to list: those the settings want, at most their number (then a note); not to be changed. */
  diagnostics(analysis: Analysis, settings: Settings): readonly Diagnostic[];
  quickFixes(analysis: Analysis, settings: Settings, range: TextRange): QuickFix[];
  outline(analysis: Analysis, limit?: number): OutlineSymbol[];
  sectionFolds(analysis: Analysis, limit?: number): SectionFold[];
  completions(analysis: Analysis, settings: Settings, offset: number): DraftCompletion[];
  hover(analysis: Analysis, settings: Settings, offset: number): Hover | undefined;
  semanticTokens(analysis: Analysis, settings: Settings): SemanticToken[];
  statistics(analysis: Analysis): SpeechStatistics;
  fillPlaceholder(analysis: Analysis, offset: number, value: string): PlaceholderFill;
  format(analysis: Analysis, settings: Settings, languageId: string, range?: TextRange): TextEdit[];
  convertChinese(analysis: Analysis, range: TextRange | undefined, to: 'simplified' | 'traditional'): TextEdit[];
  /** Whether the text shows signs of pasted material (pinyin readings, web markup, furniture…), for the quick fix. */
  showsPastedTextSigns(analysis: Analysis): boolean;
  cleanUpPastedText(analysis: Analysis, languageId: string, range?: TextRange): CleanUp;
}

/** Edits that touch (an inserted break right before a converted bracket) as one, so that no client sees them overlap. */
function joinTouching(edits: TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const last = joined.at(-1);
    if (last && last.end === edit.start) joined[joined.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    else joined.push({ start: edit.start, end: edit.end, newText: edit.newText });
  }
  return joined;
}

interface FormulaSet {
  dictionary: FormulaDictionary;
  /** Problems with the user's own formulas, to show with the analysis. */
  errors: string[];
  candidates?: CandidateIndex;
}

export function createLanguageService(host: LanguageServiceHost): LanguageService {
  /** Per document: the lines of its last analysis, so that an edit reads again only the lines it changed. */
  const lineCaches = new Map<string, AnalysisCache>();
  /** Per corpus, then per locale and user formulas: documents with the same settings share one dictionary. */
  const formulaSets = new WeakMap<CorpusKnowledge, Map<string, FormulaSet>>();
  /** Per analysis (a document version): the check runs once, not on each code action request. */
  const pastedTextSigns = new WeakMap<Analysis, boolean>();

  const locale = (settings: Settings) => localeOf(settings, host.clientLocale);

  /** Curated formulas first, then the user's own, then what the corpora spell out. */
  function formulaSet(settings: Settings): FormulaSet {
    const corpus = host.corpus();
    let sets = formulaSets.get(corpus);
    if (!sets) formulaSets.set(corpus, sets = new Map());
    const key = `${locale(settings)}\0${JSON.stringify(settings.customFormulas)}`;
    let set = sets.get(key);
    if (!set) {
      const custom = userFormulas(settings.customFormulas);
      set = {
        dictionary: new FormulaDictionary(curatedFormulas(), custom.entries, corpus.minedFormulas()),
        errors: custom.errors.map(error => localize(locale(settings), 'bad-custom-formula', error)),
      };
      sets.set(key, set);
    }
    return set;
  }

  function* steps(document: SpeechDocument, settings: Settings, unchanged?: UnchangedEnds): Steps<Analysis> {
    const { dictionary, errors } = formulaSet(settings);
    let cache = lineCaches.get(document.uri);
    if (!cache) lineCaches.set(document.uri, cache = new AnalysisCache());
    const analysis = yield* analysisSteps(document.getText(), {
      locale: locale(settings),
      markdown: document.languageId === 'markdown',
      placeholderIgnore: settings.placeholderIgnore,
      charactersPerMinute: settings.charactersPerMinute,
      formulas: dictionary,
      supersededFormulas: settings.supersededFormulas,
      cache,
      unchanged,
    });
    analysis.optionErrors.push(...errors);
    return analysis;
  }

  return {
    analysisSteps: steps,
    analyze: (document, settings) => runSteps(steps(document, settings)),
    analyzeUnlessCancelled(document, settings, token) {
      const run = steps(document, settings);
      for (;;) {
        if (token.isCancellationRequested) return undefined;
        const next = run.next();
        if (next.done) return next.value;
      }
    },
    forget(uri) {
      lineCaches.delete(uri);
    },
    locale,
    diagnostics: (analysis, settings) => listedDiagnostics(analysis, settings, locale(settings)),
    quickFixes: (analysis, settings, range) => quickFixes(analysis, settings, range.start, range.end),
    outline,
    sectionFolds,
    completions(analysis, settings, offset) {
      const corpus = host.corpus();
      let formulas: CandidateIndex | undefined;
      if (settings.formulasEnabled) {
        const set = formulaSet(settings);
        formulas = set.candidates ??= new CandidateIndex(formulaCandidates(set.dictionary));
      }
      return completionsAt(analysis.lines, offset, analysis.headings, { sentences: corpus.sentences(), formulas, childKinds: corpus.childKinds() });
    },
    hover(analysis, settings, offset) {
      if (!settings.formulasEnabled) return undefined;
      const formula = formulaAt(analysis.formulas, offset);
      if (!formula) return undefined;
      const usage = host.corpus().usage(formula.entry?.name ?? formula.name);
      return { contents: formulaHover(formula, locale(settings), usage), range: { start: formula.start, end: formula.end } };
    },
    semanticTokens,
    statistics: speechStatistics,
    fillPlaceholder,
    format: (analysis, settings, languageId, range) => formatEdits(analysis.text, { markdown: languageId === 'markdown', arabicDunToDot: settings.arabicDunToDot, range }),
    convertChinese: (analysis, range, to) => convertChinese(analysis.text, range?.start ?? 0, range?.end ?? analysis.text.length, to),
    showsPastedTextSigns(analysis) {
      let signs = pastedTextSigns.get(analysis);
      if (signs === undefined) pastedTextSigns.set(analysis, signs = hasPastedTextSigns(analysis.text));
      return signs;
    },
    cleanUpPastedText(analysis, languageId, range) {
      const start = range?.start ?? 0;
      const cleaned = cleanPastedText(analysis.text.slice(start, range?.end ?? analysis.text.length), { markdown: languageId === 'markdown' });
      return { edits: joinTouching(cleaned.edits.map(edit => ({ start: start + edit.start, end: start + edit.end, newText: edit.newText }))), counts: cleaned.counts };
    },
  };
}
