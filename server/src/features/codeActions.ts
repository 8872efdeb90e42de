import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';
import { toDiagnostic, toTextEdit } from '../toLsp';
import { cleanUpActions } from './cleanPastedText';

/** Quick fixes for the diagnostics under the cursor: renumber a sequence, normalise a marker, correct a formula. */
export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(async (params, token) => {
    const result = await analysisOf(context, params.textDocument.uri, token);
    if (!result) return null;
    const { analysis, settings } = result;
    const range = { start: analysis.lines.offsetAt(params.range.start), end: analysis.lines.offsetAt(params.range.end) };
    const fixes = context.service.quickFixes(analysis, settings, range).map((fix): CodeAction => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: fix.preferred,
      diagnostics: [toDiagnostic(analysis, fix.diagnostic)],
      edit: { changes: { [params.textDocument.uri]: fix.edits.map(e => toTextEdit(analysis, e)) } },
    }));
    return [...fixes, ...cleanUpActions(context, params.textDocument.uri, result)];
  });
}
