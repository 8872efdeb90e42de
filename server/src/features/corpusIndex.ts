import { REBUILD_CORPUS } from '../../../protocol';
import { ServerContext } from '../context';
import { CorpusService } from '../corpus/userCorpus';

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(v => typeof v === 'string');

/** Mines `speechDraft.corpus.paths` when the setting is first read or changes; rebuilds on request. */
export function registerCorpusIndex({ connection, settings }: ServerContext, corpus: CorpusService): void {
  const configuredPaths = async (): Promise<string[]> => {
    if (!settings.supportsConfiguration) return [];
    const section = await connection.workspace.getConfiguration('speechDraft.corpus').then(value => value as { paths?: unknown } | null, () => null);
    return isStringArray(section?.paths) ? section.paths : [];
  };
  const update = async () => { void corpus.setPaths(await configuredPaths()); };
  connection.onInitialized(update);
  settings.onDidChange(update);
  // The setting is read again: the request may overtake the notification that it changed.
  connection.onRequest(REBUILD_CORPUS, async () => corpus.rebuild(await configuredPaths()));
}
