import * as vscode from 'vscode';
import { placeholderDiagnostics } from './placeholders';

/** How many placeholders remain in the active speech; clicking jumps to the next one. */
export function registerStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('speechDraft.placeholders', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Speech Draft placeholders');
  item.command = 'speechDraft.nextPlaceholder';
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const count = editor ? placeholderDiagnostics(editor.document.uri).length : 0;
    if (!editor || (!count && editor.document.languageId !== 'speech')) {
      item.hide();
      return;
    }
    item.text = `$(edit) ${vscode.l10n.t('{0} placeholders', count)}`;
    item.tooltip = vscode.l10n.t('Unfilled placeholders in this document; click to go to the next one');
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics(update),
  );
  update();
}
