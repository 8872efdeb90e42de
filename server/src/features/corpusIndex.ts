import { REBUILD_CORPUS } from '../../../protocol';
import { ServerContext } from '../context';
import { isStringArray, parseSettings } from '../settings';

/** Mines `speechDraft.corpus.paths` when the setting is first read or changes; rebuilds on request. */
export function registerCorpusIndex({ connection, settings, analyses, corpus }: ServerContext): void {
  /** The window-wide settings (no document scope): the corpus serves every document. */
  const configuredPaths = async (): Promise<string[]> => {
    if (!settings.supportsConfiguration) return [];
    const section = await connection.workspace.getConfiguration('speechDraft').then(value => value as { corpus?: { paths?: unknown } } | null, () => null);
    corpus.locale = analyses.locale(parseSettings(section));
    return isStringArray(section?.corpus?.paths) ? section.corpus.paths : [];
  };
  const update = async () => { void corpus.setPaths(await configuredPaths()); };
  connection.onInitialized(update);
  settings.onDidChange(update);
  // The setting is read again: the request may overtake the notification that it changed.
  connection.onRequest(REBUILD_CORPUS, async () => corpus.rebuild(await configuredPaths()));
}
