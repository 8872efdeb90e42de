import { Analysis } from '../analyze';
import { Diagnostic, diagnostic } from '../diagnostics';
import { Locale, localize } from '../messages';
import { Settings } from '../settings';
import { reportedDiagnostics } from './quickFixes';

/**
 * The diagnostics the editor lists: the reported ones up to `settings.maxNumberOfProblems`, in text
 * order, then a note at the first left out saying how many more there are. A draft of thousands
 * (a year's speeches in one file) would otherwise send all of them again whenever one moves.
 */
export function listedDiagnostics(analysis: Analysis, settings: Settings, locale: Locale): readonly Diagnostic[] {
  const reported = reportedDiagnostics(analysis, settings);
  const max = settings.maxNumberOfProblems;
  if (max === 0 || reported.length <= max) return reported;
  const listed = reported.slice(0, max);
  const { start, end } = reported[max].range;
  listed.push(diagnostic(start, end, 'information', 'problems-omitted', localize(locale, 'problems-omitted', String(reported.length - max), String(max)), []));
  return listed;
}
