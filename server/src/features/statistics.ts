import { Heading, speakingMinutes } from '../../../core/src';
import { SectionStatistics, STATISTICS, StatisticsResult } from '../../../protocol';
import { analysisOf, ServerContext } from '../context';

/** Characters and speaking time of the speech and of each line-start section, for the status bar. */
export function registerStatistics(context: ServerContext): void {
  context.connection.onRequest(STATISTICS, async (params: { uri: string }): Promise<StatisticsResult | null> => {
    const result = await analysisOf(context, params.uri);
    if (!result) return null;
    const { analysis } = result;
    const rate = analysis.charactersPerMinute;
    const sections: SectionStatistics[] = [];
    const visit = (heading: Heading) => {
      if (heading.inline) return;
      const characters = analysis.counter.count(heading.start, heading.end);
      sections.push({
        heading: heading.marker.marker + heading.text, level: heading.level, line: analysis.lines.positionAt(heading.start).line,
        characters, minutes: speakingMinutes(characters, rate),
      });
      heading.children.forEach(visit);
    };
    analysis.headings.forEach(visit);
    return { ...analysis.stats, charactersPerMinute: rate, sections };
  });
}
