import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalysisCache, analysisSteps, curatedFormulas, FormulaDictionary, FormulaEntry, Locale, localize, toLocale, userFormulas } from '../../core/src';
import { idleCollector } from './idleCollector';
import { Settings, SettingsStore } from './settings';

/** Longer documents are not analysed (a warning says so): 5 million characters is some 400 speeches. */
export const MAX_DOCUMENT_LENGTH = 5_000_000;

/** Documents longer than this are analysed in slices, between which the server reads the next keystroke. */
const SLICED_LENGTH = 200_000;
/** How long one slice of such an analysis may run. */
const SLICE_MS = 10;

/** Formulas mined from the corpora, and a number that changes when they do. */
export interface MinedFormulas {
  readonly generation: number;
  minedFormulas(): FormulaEntry[];
}

/** What an analysis was made for: a version of a document, its settings and the corpus. */
interface AnalysisKey {
  version: number;
  settings: Settings;
  generation: number;
}

interface Run extends AnalysisKey {
  result: Promise<AnalysisEntry | undefined>;
}

/** The open documents, by URI. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
}

export interface AnalysisEntry extends AnalysisKey {
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
  /** Analyses under way, so that every request for a version waits on the same one. */
  private readonly running = new Map<string, Run>();
  clientLocale: string | undefined;
  private collector?: { busy(): void };

  constructor(private readonly settings: SettingsStore, private readonly corpus: MinedFormulas, private readonly documents: OpenDocuments) {}

  /**
   * Undefined when the features are off for this document's language. A long document is analysed
   * in slices; when it changes meanwhile, that analysis is dropped and its newest version analysed.
   */
  async get(document: TextDocument): Promise<AnalysisEntry | undefined> {
    // A long document's analysis and the heading objects a request makes of it leave much garbage:
    // it is collected once the requests pause.
    if (document.getText().length > SLICED_LENGTH) (this.collector ??= idleCollector()).busy();
    const settings = await this.settings.get(document.uri);
    if (document.languageId !== 'speech' && !settings.alsoEnableFor.includes(document.languageId)) return undefined;
    if (document.getText().length > MAX_DOCUMENT_LENGTH) return undefined;
    const generation = this.corpus.generation;
    const matches = (known: AnalysisKey | undefined) =>
      known && known.version === document.version && known.settings === settings && known.generation === generation;
    const cached = this.cache.get(document.uri);
    if (matches(cached)) return cached;
    const running = this.running.get(document.uri);
    if (running && matches(running)) return running.result;
    const run: Run = { version: document.version, settings, generation, result: Promise.resolve(undefined) };
    this.running.set(document.uri, run);
    run.result = this.run(document, run);
    return run.result;
  }

  private async run(document: TextDocument, run: Run): Promise<AnalysisEntry | undefined> {
    const { settings, generation } = run;
    const text = document.getText();
    const { dictionary, errors } = this.dictionary(settings);
    const steps = analysisSteps(text, {
      locale: this.locale(settings),
      markdown: document.languageId === 'markdown',
      placeholderIgnore: settings.placeholderIgnore,
      charactersPerMinute: settings.charactersPerMinute,
      formulas: dictionary,
      supersededFormulas: settings.supersededFormulas,
      cache: this.lineCache(document.uri),
    });
    const sliced = text.length > SLICED_LENGTH;
    let sliceEnd = Date.now() + SLICE_MS;
    let step = steps.next();
    while (!step.done) {
      if (sliced && Date.now() >= sliceEnd) {
        await new Promise(resolve => setImmediate(resolve));
        const latest = this.documents.get(document.uri);
        if (latest?.version !== document.version) {
          if (this.running.get(document.uri) === run) this.running.delete(document.uri);
          return latest && this.get(latest);
        }
        sliceEnd = Date.now() + SLICE_MS;
      }
      step = steps.next();
    }
    const analysis = step.value;
    analysis.optionErrors.push(...errors);
    const entry = { version: document.version, settings, generation, analysis, dictionary };
    this.cache.set(document.uri, entry);
    if (this.running.get(document.uri) === run) this.running.delete(document.uri);
    return entry;
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
    this.running.delete(uri);
    this.lineCaches.delete(uri);
  }
}
