import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ConvertChineseParams, ConvertChineseRequest } from '../../protocol';

/** Converts the selection, or the whole document without one, and applies the edits as one undo step. */
async function convert(client: LanguageClient, to: ConvertChineseParams['to']): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const params: ConvertChineseParams = { uri: editor.document.uri.toString(), to };
  if (!editor.selection.isEmpty) params.range = { start: editor.selection.start, end: editor.selection.end };
  const version = editor.document.version;
  const edits = await client.sendRequest(ConvertChineseRequest, params);
  if (editor.document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed during the conversion; run it again.'));
    return;
  }
  const converted = await client.protocol2CodeConverter.asTextEdits(edits);
  if (!converted?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to convert.'));
    return;
  }
  await editor.edit(builder => converted.forEach(edit => builder.replace(edit.range, edit.newText)));
}

export function registerConvertCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('speechDraft.toSimplified', () => convert(client, 'simplified')),
    vscode.commands.registerCommand('speechDraft.toTraditional', () => convert(client, 'traditional')),
  );
}
