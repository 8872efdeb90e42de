import { StatisticsRequest } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';

/** Characters and speaking time of the speech and of each line-start section, for the status bar. */
export function registerStatistics(context: ServerContext): void {
  context.connection.onRequest(StatisticsRequest, async params => {
    const result = await analysisOf(context, params.uri);
    return result ? context.service.statistics(result.analysis) : null;
  });
}
