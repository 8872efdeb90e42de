// The user's settings (`speechDraft.*`) as the analysis reads them: checked, with defaults.
import { Diagnostic } from './diagnostics';
import { Locale, toLocale } from './messages';
import { DEFAULT_CHARACTERS_PER_MINUTE } from './stats';
import { isStringArray } from './text';

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
  /** The most diagnostics listed for a document (0: all). */
  maxNumberOfProblems: number;
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
  maxNumberOfProblems: 1000,
};

/** Whether the settings want this kind of diagnostic (and its quick fixes). */
export function isReported(diagnostic: Diagnostic, settings: Settings): boolean {
  if (diagnostic.code === 'placeholder') return settings.placeholdersEnabled;
  if (diagnostic.code.startsWith('formula-') || diagnostic.code === 'announced-count') return settings.formulasEnabled;
  return settings.numberingEnabled;
}


/** Settings as the client sent them, each wrong-typed value replaced by its default. */
export function parseSettings(raw: unknown): Settings {
  const field = (object: unknown, key: string): unknown => (object && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined);
  const section = (key: string) => field(raw, key);
  const placeholders = section('placeholders');
  const numbering = section('numbering');
  const formulas = section('formulas');
  const pick = <T>(value: unknown, valid: (v: unknown) => boolean, fallback: T): T => (valid(value) ? (value as T) : fallback);
  return {
    alsoEnableFor: pick(section('alsoEnableFor'), isStringArray, DEFAULT_SETTINGS.alsoEnableFor),
    placeholdersEnabled: pick(field(placeholders, 'enabled'), v => typeof v === 'boolean', DEFAULT_SETTINGS.placeholdersEnabled),
    placeholderIgnore: pick(field(placeholders, 'ignore'), isStringArray, DEFAULT_SETTINGS.placeholderIgnore),
    numberingEnabled: pick(field(numbering, 'enabled'), v => typeof v === 'boolean', DEFAULT_SETTINGS.numberingEnabled),
    charactersPerMinute: pick(section('speakingRate'), v => typeof v === 'number' && v > 0 && Number.isFinite(v), DEFAULT_SETTINGS.charactersPerMinute),
    messageLanguage: pick(section('messageLanguage'), v => v === 'auto' || v === 'zh-cn' || v === 'en', DEFAULT_SETTINGS.messageLanguage),
    formulasEnabled: pick(field(formulas, 'enabled'), v => typeof v === 'boolean', DEFAULT_SETTINGS.formulasEnabled),
    supersededFormulas: pick(field(formulas, 'superseded'), v => typeof v === 'boolean', DEFAULT_SETTINGS.supersededFormulas),
    customFormulas: pick(field(formulas, 'custom'), Array.isArray, DEFAULT_SETTINGS.customFormulas),
    exportStyle: section('export') ?? DEFAULT_SETTINGS.exportStyle,
    arabicDunToDot: pick(field(section('format'), 'arabicDunToDot'), v => typeof v === 'boolean', DEFAULT_SETTINGS.arabicDunToDot),
    maxNumberOfProblems: pick(section('maxNumberOfProblems'), v => Number.isInteger(v) && (v as number) >= 0, DEFAULT_SETTINGS.maxNumberOfProblems),
  };
}

/** The language messages are written in: the setting, or the editor's language when it says auto. */
export function localeOf(settings: Settings, clientLocale: string | undefined): Locale {
  return settings.messageLanguage === 'auto' ? toLocale(clientLocale) : settings.messageLanguage;
}
