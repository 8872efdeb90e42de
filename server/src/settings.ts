import { Connection } from 'vscode-languageserver';
import { DEFAULT_CHARACTERS_PER_MINUTE, Diagnostic, isStringArray, Locale } from '../../core/src';
import { isSegmenterChoice, SegmenterChoice } from '../../host/src/corpus/segmenter';

export interface Settings {
  /** Languages besides `speech` the features are on for. */
  alsoEnableFor: string[];
  placeholdersEnabled: boolean;
  placeholderIgnore: string[];
  numberingEnabled: boolean;
  charactersPerMinute: number;
  messageLanguage: 'auto' | Locale;
  formulasEnabled: boolean;
  supersededFormulas: boolean;
  /** The user's own formulas, as written in settings; checked when the dictionary is built. */
  customFormulas: unknown[];
  /** Overrides of the Word export's house style, checked when the style is built. */
  exportStyle: unknown;
  arabicDunToDot: boolean;
  /** What mines the user's corpus: nodejieba where it loads (`auto`), or the portable segmenter everywhere. */
  corpusSegmenter: SegmenterChoice;
}

export const DEFAULT_SETTINGS: Settings = {
  alsoEnableFor: [],
  placeholdersEnabled: true,
  placeholderIgnore: [],
  numberingEnabled: true,
  charactersPerMinute: DEFAULT_CHARACTERS_PER_MINUTE,
  messageLanguage: 'auto',
  formulasEnabled: true,
  supersededFormulas: true,
  customFormulas: [],
  exportStyle: {},
  arabicDunToDot: false,
  corpusSegmenter: 'auto',
};

/** Whether the settings want this kind of diagnostic (and its quick fixes). */
export function isReported(diagnostic: Diagnostic, settings: Settings): boolean {
  if (diagnostic.code === 'placeholder') return settings.placeholdersEnabled;
  if (diagnostic.code.startsWith('formula-') || diagnostic.code === 'announced-count') return settings.formulasEnabled;
  return settings.numberingEnabled;
}


/** Settings as the client sent them, each wrong-typed value replaced by its default. */
export function parseSettings(raw: unknown): Settings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const placeholders = section.placeholders ?? {};
  const numbering = section.numbering ?? {};
  const formulas = section.formulas ?? {};
  const pick = <T>(value: unknown, valid: (v: unknown) => boolean, fallback: T): T => (valid(value) ? (value as T) : fallback);
  return {
    alsoEnableFor: pick(section.alsoEnableFor, isStringArray, DEFAULT_SETTINGS.alsoEnableFor),
    placeholdersEnabled: pick(placeholders.enabled, v => typeof v === 'boolean', DEFAULT_SETTINGS.placeholdersEnabled),
    placeholderIgnore: pick(placeholders.ignore, isStringArray, DEFAULT_SETTINGS.placeholderIgnore),
    numberingEnabled: pick(numbering.enabled, v => typeof v === 'boolean', DEFAULT_SETTINGS.numberingEnabled),
    charactersPerMinute: pick(section.speakingRate, v => typeof v === 'number' && v > 0 && Number.isFinite(v), DEFAULT_SETTINGS.charactersPerMinute),
    messageLanguage: pick(section.messageLanguage, v => v === 'auto' || v === 'zh-cn' || v === 'en', DEFAULT_SETTINGS.messageLanguage),
    formulasEnabled: pick(formulas.enabled, v => typeof v === 'boolean', DEFAULT_SETTINGS.formulasEnabled),
    supersededFormulas: pick(formulas.superseded, v => typeof v === 'boolean', DEFAULT_SETTINGS.supersededFormulas),
    customFormulas: pick(formulas.custom, Array.isArray, DEFAULT_SETTINGS.customFormulas),
    exportStyle: section.export ?? DEFAULT_SETTINGS.exportStyle,
    arabicDunToDot: pick(section.format?.arabicDunToDot, v => typeof v === 'boolean', DEFAULT_SETTINGS.arabicDunToDot),
    corpusSegmenter: pick(section.corpus?.segmenter, isSegmenterChoice, DEFAULT_SETTINGS.corpusSegmenter),
  };
}

/** Per-document settings, asked of the client once per document and forgotten when they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  supportsConfiguration = false;

  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {
    // LSP allows one handler per notification: features subscribe here instead.
    connection.onDidChangeConfiguration(() => {
      this.forget();
      for (const listener of this.listeners) listener();
    });
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'speechDraft' })
        .then(parseSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri); else this.cache.clear();
  }
}
