import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, LanguageService, Settings } from '../../core/src';
import { EditTracker } from './editTracker';
import { SettingsStore } from './settings';

/** Longer documents are not analysed (a warning says so): 5 million characters is some 400 speeches. */
export const MAX_DOCUMENT_LENGTH = 5_000_000;

/** Documents longer than this are analysed in slices, between which the server reads the next keystroke. */
const SLICED_LENGTH = 200_000;
/** How long one slice of such an analysis may run. */
const SLICE_MS = 10;

/** A number that changes whenever the corpora do. */
export interface CorpusGeneration {
  readonly generation: number;
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
}

/** The analysis of each open document, computed once per version, settings and corpus. */
export class Analyses {
  private readonly cache = new Map<string, AnalysisEntry>();
  /** Analyses under way, so that every request for a version waits on the same one. */
  private readonly running = new Map<string, Run>();

  /** `collector`: the server's one idle collector, told of requests on long documents too; `edits`: what each edit left alone. */
  constructor(
    private readonly service: LanguageService, private readonly settings: SettingsStore, private readonly corpus: CorpusGeneration,
    private readonly documents: OpenDocuments, private readonly collector: { busy(): void }, private readonly edits: EditTracker,
  ) {}

  /**
   * Undefined when the features are off for this document's language. A long document is analysed
   * in slices; when it changes meanwhile, that analysis is dropped and its newest version analysed.
   */
  async get(document: TextDocument): Promise<AnalysisEntry | undefined> {
    // A long document's analysis and the heading objects a request makes of it leave much garbage:
    // it is collected once the requests pause.
    if (document.getText().length > SLICED_LENGTH) this.collector.busy();
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
    const steps = this.service.analysisSteps(document, settings, this.edits.analysing(document));
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
    const entry = { version: document.version, settings, generation, analysis: step.value };
    this.cache.set(document.uri, entry);
    if (this.running.get(document.uri) === run) this.running.delete(document.uri);
    return entry;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.running.delete(uri);
    this.service.forget(uri);
    this.edits.forget(uri);
  }
}
