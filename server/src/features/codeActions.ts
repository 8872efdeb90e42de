import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import { analysisOf, ServerContext } from '../context';
import { toDiagnostic, toTextEdit } from '../toLsp';
import { isReported } from '../settings';
import { cleanUpActions } from './cleanPastedText';

/** Quick fixes for the diagnostics under the cursor: renumber a sequence, normalise a marker, correct a formula. */
export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(async params => {
    const result = await analysisOf(context, params.textDocument.uri);
    if (!result) return null;
    const { analysis, settings } = result;
    const from = analysis.lines.offsetAt(params.range.start);
    const to = analysis.lines.offsetAt(params.range.end);
    const actions: CodeAction[] = [];
    for (const diagnostic of analysis.diagnostics) {
      if (diagnostic.range.end < from || diagnostic.range.start > to || !isReported(diagnostic, settings)) continue;
      for (const fix of diagnostic.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.preferred,
          diagnostics: [toDiagnostic(analysis, diagnostic)],
          edit: { changes: { [params.textDocument.uri]: fix.edits.map(e => toTextEdit(analysis, e)) } },
        });
      }
    }
    actions.push(...await cleanUpActions(context, params.textDocument.uri));
    return actions;
  });
}
