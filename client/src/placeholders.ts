import * as vscode from 'vscode';

/** The placeholder warnings of a document, in document order, as the server published them. */
export function placeholderDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri)
    .filter(d => d.code === 'placeholder')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}
