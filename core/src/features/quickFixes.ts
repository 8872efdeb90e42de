import { Analysis } from '../analyze';
import { Diagnostic, Fix } from '../diagnostics';
import { isReported, Settings } from '../settings';

/** The diagnostics the settings want reported. */
export function reportedDiagnostics(analysis: Analysis, settings: Settings): readonly Diagnostic[] {
  // Every check on, as by default: the analysis's own list, not a copy of thousands of them per request.
  if (settings.placeholdersEnabled && settings.formulasEnabled && settings.numberingEnabled) return analysis.diagnostics;
  return analysis.diagnostics.filter(d => isReported(d, settings));
}

export interface QuickFix extends Fix {
  diagnostic: Diagnostic;
}

/** Fixes of the reported diagnostics that touch a range: renumber a sequence, normalise a marker, correct a formula. */
export function quickFixes(analysis: Analysis, settings: Settings, start: number, end: number): QuickFix[] {
  return reportedDiagnostics(analysis, settings)
    .filter(d => d.range.end >= start && d.range.start <= end)
    .flatMap(diagnostic => diagnostic.fixes.map(fix => ({ ...fix, diagnostic })));
}
