import { RebuildCorpusRequest } from '../../../protocol';
import { ServerContext } from '../context';
import { isStringArray, parseSettings } from '../../../core/src';
import { DEFAULT_MINING_LIMITS, isSegmenterChoice } from '../../../host/src';
import { CorpusSources } from '../corpus/userCorpus';

/** Mines `speechDraft.corpus.paths` when the setting is first read or changes; rebuilds on request. */
export function registerCorpusIndex({ connection, settings, service, corpus }: ServerContext): void {
  /** The window-wide settings (no document scope): the corpus serves every document. */
  const configuredSources = async (): Promise<CorpusSources> => {
    if (!settings.supportsConfiguration) return { paths: [], limits: DEFAULT_MINING_LIMITS };
    const section = await connection.workspace.getConfiguration('speechDraft').then(value => value as { corpus?: Record<string, unknown> } | null, () => null);
    corpus.locale = service.locale(parseSettings(section));
    const megabytes = (value: unknown, fallback: number) => (typeof value === 'number' && value > 0 && Number.isFinite(value) ? value * 2 ** 20 : fallback);
    return {
      paths: isStringArray(section?.corpus?.paths) ? section.corpus.paths : [],
      limits: {
        maxFileBytes: megabytes(section?.corpus?.maxFileSizeMB, DEFAULT_MINING_LIMITS.maxFileBytes),
        maxTotalBytes: megabytes(section?.corpus?.maxTotalSizeMB, DEFAULT_MINING_LIMITS.maxTotalBytes),
      },
      segmenter: isSegmenterChoice(section?.corpus?.segmenter) ? section.corpus.segmenter : 'auto',
    };
  };
  const update = async () => { void corpus.setSources(await configuredSources()); };
  connection.onInitialized(update);
  settings.onDidChange(update);
  // The setting is read again: the request may overtake the notification that it changed.
  connection.onRequest(RebuildCorpusRequest, async () => corpus.rebuild(await configuredSources()));
}
