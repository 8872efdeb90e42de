import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { FillPlaceholderRequest } from '../../protocol';
import { placeholderDiagnostics } from './placeholders';

function goToPlaceholder(direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const placeholders = placeholderDiagnostics(editor.document.uri);
  if (!placeholders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No unfilled placeholders left.'));
    return;
  }
  const cursor = editor.selection.active;
  const target = direction === 1
    ? placeholders.find(d => d.range.start.isAfter(cursor)) ?? placeholders[0]
    : [...placeholders].reverse().find(d => d.range.start.isBefore(cursor) && !d.range.contains(cursor)) ?? placeholders[placeholders.length - 1];
  editor.selection = new vscode.Selection(target.range.start, target.range.end);
  editor.revealRange(target.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function fillPlaceholder(client: LanguageClient, value?: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const uri = editor.document.uri.toString();
  const position = editor.selection.active;
  const probe = await client.sendRequest(FillPlaceholderRequest, { uri, position, value: '' });
  if (!probe.context) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a placeholder first.'));
    return;
  }
  value ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('Fill placeholder'),
    prompt: vscode.l10n.t('Replaces every "{0}" ({1} places)', probe.context, probe.edits.length),
  });
  if (!value) return;
  const result = await client.sendRequest(FillPlaceholderRequest, { uri, position, value });
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(editor.document.uri, client.protocol2CodeConverter.asRange(e.range), e.newText);
  await vscode.workspace.applyEdit(edit);
}

export function registerPlaceholderCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('speechDraft.nextPlaceholder', () => goToPlaceholder(1)),
    vscode.commands.registerCommand('speechDraft.previousPlaceholder', () => goToPlaceholder(-1)),
    // The optional value lets tests and keybindings fill without the input box.
    vscode.commands.registerCommand('speechDraft.fillPlaceholder', (value?: string) => fillPlaceholder(client, value)),
  );
}
