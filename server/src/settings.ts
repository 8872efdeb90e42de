import { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseSettings, Settings } from '../../core/src';

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
