import { REBUILD_CORPUS } from '../../../protocol';
import { ServerContext } from '../context';
import { CorpusService } from '../corpus/userCorpus';

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(v => typeof v === 'string');

/** Mines `speechDraft.corpus.paths` when the setting is first read or changes; rebuilds on request. */
export function registerCorpusIndex({ connection, settings }: ServerContext, corpus: CorpusService): void {
  const readPaths = async () => {
    if (!settings.supportsConfiguration) return;
    const section = await connection.workspace.getConfiguration('speechDraft.corpus').then(value => value as { paths?: unknown } | null, () => null);
    void corpus.setPaths(isStringArray(section?.paths) ? section.paths : []);
  };
  connection.onInitialized(readPaths);
  settings.onDidChange(readPaths);
  connection.onRequest(REBUILD_CORPUS, () => corpus.mine());
}
