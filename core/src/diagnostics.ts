import { TextEdit, TextRange } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'placeholder' | 'numbering-gap' | 'numbering-repeat' | 'numbering-order' | 'numbering-start'
  | 'marker-style'
  | 'formula-count' | 'formula-items' | 'formula-wording' | 'formula-order' | 'formula-superseded' | 'announced-count'
  | 'problems-omitted';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor may apply on its own (e.g. on save). */
  preferred?: boolean;
}

export interface Diagnostic {
  range: TextRange;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  fixes: Fix[];
}

/**
 * A diagnostic as every check makes it: the same properties in the same order and a range of its
 * own, so that the code reading thousands of them on each keystroke (merging, comparing, converting)
 * meets one shape of object and V8 keeps it optimised.
 */
export function diagnostic(start: number, end: number, severity: Severity, code: DiagnosticCode, message: string, fixes: Fix[]): Diagnostic {
  return { range: { start, end }, severity, code, message, fixes };
}
