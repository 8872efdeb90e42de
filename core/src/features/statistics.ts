import { Analysis } from '../analyze';
import { speakingMinutes } from '../stats';
import { Heading } from '../structure';

export interface SectionStatistics {
  /** Marker and heading text, e.g. `一、提高政治站位`. */
  heading: string;
  level: number;
  /** 0-based line of the heading. */
  line: number;
  characters: number;
  minutes: number;
}

export interface SpeechStatistics {
  characters: number;
  minutes: number;
  charactersPerMinute: number;
  sections: SectionStatistics[];
}

/** Characters and speaking time of the speech and of each line-start section. */
export function speechStatistics(analysis: Analysis): SpeechStatistics {
  const rate = analysis.charactersPerMinute;
  const sections: SectionStatistics[] = [];
  const visit = (heading: Heading) => {
    if (heading.inline) return;
    const characters = analysis.counter.count(heading.start, heading.end);
    sections.push({
      heading: heading.marker.label + heading.text, level: heading.level, line: analysis.lines.positionAt(heading.start).line,
      characters, minutes: speakingMinutes(characters, rate),
    });
    heading.children.forEach(visit);
  };
  analysis.headings.forEach(visit);
  return { ...analysis.stats, charactersPerMinute: rate, sections };
}
