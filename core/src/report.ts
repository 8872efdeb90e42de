import { Analysis } from './analyze';
import { Severity } from './diagnostics';
import { Heading } from './structure';

/** The machine-readable analysis the CLI prints: lines 0-based, characters in UTF-16 code units. */
export interface HeadingReport {
  level: number;
  kind: string;
  marker: string;
  text: string;
  line: number;
  character: number;
  inline: boolean;
  characters: number;
  children: HeadingReport[];
}

export interface FormulaReport {
  text: string;
  /** The number of items it states, or (for a known formula without one, 新发展理念) has. */
  count?: number;
  /** The items the text spells out, else those the dictionary gives. */
  items: string[];
  line: number;
  character: number;
  /** current, superseded, corpus (known only from a corpus) or unknown. */
  status: 'current' | 'superseded' | 'corpus' | 'unknown';
}

export interface AnalysisReport {
  file: string;
  headings: HeadingReport[];
  formulas: FormulaReport[];
  placeholders: { text: string; line: number; character: number }[];
  diagnostics: { line: number; character: number; endLine: number; endCharacter: number; severity: Severity; code: string; message: string }[];
  stats: { characters: number; minutes: number };
}

export function toReport(file: string, analysis: Analysis): AnalysisReport {
  const { lines } = analysis;
  const heading = (h: Heading): HeadingReport => {
    const at = lines.positionAt(h.marker.start);
    return {
      level: h.level, kind: h.kind, marker: h.marker.label, text: h.text, line: at.line, character: at.character,
      inline: h.inline, characters: analysis.counter.count(h.start, h.end), children: h.children.map(heading),
    };
  };
  return {
    file,
    headings: analysis.headings.map(heading),
    formulas: analysis.formulas.map(f => ({
      text: f.name,
      count: f.number ?? f.entry?.items.length,
      items: f.expansion?.items.map(item => item.text) ?? f.entry?.items ?? [],
      ...lines.positionAt(f.start),
      status: !f.entry ? 'unknown' : f.entry.status === 'superseded' ? 'superseded' : f.entry.origin === 'corpus' ? 'corpus' : 'current',
    })),
    placeholders: analysis.placeholders.map(p => ({ text: p.text, ...lines.positionAt(p.start) })),
    diagnostics: analysis.diagnostics.map(d => {
      const start = lines.positionAt(d.range.start);
      const end = lines.positionAt(d.range.end);
      return {
        line: start.line, character: start.character, endLine: end.line, endCharacter: end.character,
        severity: d.severity, code: d.code, message: d.message,
      };
    }),
    stats: analysis.stats,
  };
}
