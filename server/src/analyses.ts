import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, Locale, toLocale } from '../../core/src';
import { Settings, SettingsStore } from './settings';

/** The analysis of each open document, computed once per version and settings. */
export class Analyses {
  private readonly cache = new Map<string, { version: number; settings: Settings; analysis: Analysis }>();
  clientLocale: string | undefined;

  constructor(private readonly settings: SettingsStore) {}

  /** Undefined when the features are off for this document's language. */
  async get(document: TextDocument): Promise<{ analysis: Analysis; settings: Settings } | undefined> {
    const settings = await this.settings.get(document.uri);
    if (document.languageId !== 'speech' && !settings.alsoEnableFor.includes(document.languageId)) return undefined;
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const analysis = analyze(document.getText(), {
      locale: this.locale(settings),
      markdown: document.languageId === 'markdown',
      placeholderIgnore: settings.placeholderIgnore,
      charactersPerMinute: settings.charactersPerMinute,
    });
    const entry = { version: document.version, settings, analysis };
    this.cache.set(document.uri, entry);
    return entry;
  }

  locale(settings: Settings): Locale {
    return settings.messageLanguage === 'auto' ? toLocale(this.clientLocale) : settings.messageLanguage;
  }

  forget(uri: string): void { this.cache.delete(uri); }
}
