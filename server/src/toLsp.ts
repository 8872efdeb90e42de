import * as lsp from 'vscode-languageserver';
import { Analysis, Diagnostic, Severity, TextEdit, TextRange } from '../../core/src';

export function toRange(analysis: Analysis, range: TextRange): lsp.Range {
  return { start: analysis.lines.positionAt(range.start), end: analysis.lines.positionAt(range.end) };
}

export function toTextEdit(analysis: Analysis, edit: TextEdit): lsp.TextEdit {
  return { range: toRange(analysis, edit), newText: edit.newText };
}

const SEVERITY: Record<Severity, lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  information: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = '讲稿助手';

export function toDiagnostic(analysis: Analysis, diagnostic: Diagnostic): lsp.Diagnostic {
  return {
    range: toRange(analysis, diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
}
