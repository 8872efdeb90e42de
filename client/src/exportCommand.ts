import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_DOCX, ExportDocxParams, ExportDocxResult } from '../../protocol';

/** Where the .docx goes by default: beside the speech, or in the workspace for an unsaved one. */
function defaultTarget(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme === 'file') return document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.docx' });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, 'speech.docx');
}

/**
 * Exports the active speech to Word. `target` (a path) skips the save dialog, for automation;
 * an existing file is replaced only after the user agrees, or when `overwrite` says so.
 */
async function exportActiveSpeech(client: LanguageClient, target?: string, options: { overwrite?: boolean } = {}): Promise<ExportDocxResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  let path = target;
  if (!path) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: defaultTarget(editor.document), filters: { Word: ['docx'] }, saveLabel: vscode.l10n.t('Export') });
    if (!chosen) return undefined;
    path = chosen.fsPath;
  }
  const params: ExportDocxParams = { uri: editor.document.uri.toString(), target: path, overwrite: !!options.overwrite };
  let result = await client.sendRequest<ExportDocxResult>(EXPORT_DOCX, params);
  if ('exists' in result) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', path), { modal: true }, replace);
    if (answer !== replace) return result;
    result = await client.sendRequest<ExportDocxResult>(EXPORT_DOCX, { ...params, overwrite: true });
  }
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export to Word failed: {0}', result.error));
  } else if ('written' in result) {
    const open = vscode.l10n.t('Reveal in File Explorer');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', result.written), open)
      .then(choice => choice === open && vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(result.written)));
  }
  return result;
}

export function registerExportCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('speechDraft.exportDocx',
    (target?: string, options?: { overwrite?: boolean }) => exportActiveSpeech(client, target, options)));
}
