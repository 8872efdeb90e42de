import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, AnalysisCache, curatedFormulas, FormulaDictionary, FormulaEntry, LineIndex, Locale, localize, prepareAnalysis, toLocale, userFormulas } from '../../core/src';
import { Settings, SettingsStore } from './settings';

/** Longer documents are not analysed (a warning says so): 5 million characters is some 400 speeches. */
export const MAX_DOCUMENT_LENGTH = 5_000_000;

/** Documents longer than this are read in slices of lines before they are analysed. */
const SLICED_LENGTH = 200_000;
const SLICE_LINES = 2_000;

/** Formulas mined from the corpora, and a number that changes when they do. */
export interface MinedFormulas {
  readonly generation: number;
  minedFormulas(): FormulaEntry[];
}

export interface AnalysisEntry {
  version: number;
  settings: Settings;
  generation: number;
  analysis: Analysis;
  /** The formulas the analysis knew. */
  dictionary: FormulaDictionary;
}

/** The analysis of each open document, computed once per version, settings and corpus. */
export class Analyses {
  private readonly cache = new Map<string, AnalysisEntry>();
  /** Per document: the lines of its last analysis, so an edit re-reads only the lines it changed. */
  private readonly lineCaches = new Map<string, AnalysisCache>();
  /** Dictionaries by the user's formulas (as JSON): documents with the same settings share one. */
  private readonly dictionaries = new Map<string, { generation: number; dictionary: FormulaDictionary; errors: string[] }>();
  clientLocale: string | undefined;

  constructor(private readonly settings: SettingsStore, private readonly corpus: MinedFormulas) {}

  /** Undefined when the features are off for this document's language. */
  async get(document: TextDocument): Promise<AnalysisEntry | undefined> {
    const settings = await this.settings.get(document.uri);
    if (document.languageId !== 'speech' && !settings.alsoEnableFor.includes(document.languageId)) return undefined;
    if (document.getText().length > MAX_DOCUMENT_LENGTH) return undefined;
    const cached = this.cache.get(document.uri);
    const generation = this.corpus.generation;
    if (cached && cached.version === document.version && cached.settings === settings && cached.generation === generation) return cached;
    const { dictionary, errors } = this.dictionary(settings);
    const analysis = analyze(document.getText(), {
      locale: this.locale(settings),
      markdown: document.languageId === 'markdown',
      placeholderIgnore: settings.placeholderIgnore,
      charactersPerMinute: settings.charactersPerMinute,
      formulas: dictionary,
      supersededFormulas: settings.supersededFormulas,
      cache: this.lineCache(document.uri),
    });
    analysis.optionErrors.push(...errors);
    const entry = { version: document.version, settings, generation, analysis, dictionary };
    this.cache.set(document.uri, entry);
    return entry;
  }

  /**
   * Reads a long document's lines into its caches in slices, answering the editor between them,
   * so that a keystroke never waits for a whole huge document to be read. False when the document
   * changed meanwhile (`isCurrent`): its own change reads it again.
   */
  async prepare(document: TextDocument, isCurrent: () => boolean): Promise<boolean> {
    const text = document.getText();
    if (text.length <= SLICED_LENGTH || text.length > MAX_DOCUMENT_LENGTH) return true;
    const { dictionary } = this.dictionary(await this.settings.get(document.uri));
    const lines = new LineIndex(text);
    const cache = this.lineCache(document.uri);
    for (let from = 0; from < lines.lineCount; from += SLICE_LINES) {
      if (!isCurrent()) return false;
      prepareAnalysis(lines, from, from + SLICE_LINES, cache, dictionary);
      await new Promise(resolve => setImmediate(resolve));
    }
    return isCurrent();
  }

  /** Curated formulas first, then the user's own, then what the corpora spell out. */
  private dictionary(settings: Settings): { dictionary: FormulaDictionary; errors: string[] } {
    const generation = this.corpus.generation;
    const key = `${this.locale(settings)}\0${JSON.stringify(settings.customFormulas)}`;
    const known = this.dictionaries.get(key);
    if (known && known.generation === generation) return known;
    const custom = userFormulas(settings.customFormulas);
    const built = {
      generation,
      dictionary: new FormulaDictionary(curatedFormulas(), custom.entries, this.corpus.minedFormulas()),
      errors: custom.errors.map(error => localize(this.locale(settings), 'bad-custom-formula', error)),
    };
    this.dictionaries.set(key, built);
    return built;
  }

  private lineCache(uri: string): AnalysisCache {
    let cache = this.lineCaches.get(uri);
    if (!cache) this.lineCaches.set(uri, cache = new AnalysisCache());
    return cache;
  }

  locale(settings: Settings): Locale {
    return settings.messageLanguage === 'auto' ? toLocale(this.clientLocale) : settings.messageLanguage;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.lineCaches.delete(uri);
  }
}
