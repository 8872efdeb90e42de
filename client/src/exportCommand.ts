import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ExportDocxParams, ExportDocxRequest, ExportDocxResult } from '../../protocol';

/** Where the .docx goes by default: beside the speech, or in the workspace for an unsaved one. */
function defaultTarget(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme === 'file') return document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.docx' });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, 'speech.docx');
}

export interface ExportOptions {
  overwrite?: boolean;
  /** What to do about unfilled placeholders without asking (for automation): export anyway, or not. */
  unfilledPlaceholders?: 'export' | 'cancel';
}

/**
 * Whether to export a draft with unfilled placeholders: the user is asked, with their count, and
 * may go to the first instead. True when there are none.
 */
async function exportDespitePlaceholders(editor: vscode.TextEditor, answer: ExportOptions['unfilledPlaceholders']): Promise<boolean> {
  const placeholders = vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.code === 'placeholder')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  if (!placeholders.length) return true;
  const exportAnyway = vscode.l10n.t('Export Anyway');
  const goToFirst = vscode.l10n.t('Go to the First');
  const choice = answer === 'export' ? exportAnyway : answer === 'cancel' ? undefined : await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} placeholders are still unfilled in this speech.', placeholders.length), { modal: true }, exportAnyway, goToFirst);
  if (choice === goToFirst) {
    editor.selection = new vscode.Selection(placeholders[0].range.start, placeholders[0].range.end);
    editor.revealRange(placeholders[0].range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return choice === exportAnyway;
}

/**
 * Exports the active speech to Word, after asking about unfilled placeholders. `target` (a path)
 * skips the save dialog, for automation; an existing file is replaced only after the user agrees,
 * or when `overwrite` says so.
 */
async function exportActiveSpeech(client: LanguageClient, target?: string, options: ExportOptions = {}): Promise<ExportDocxResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  if (!await exportDespitePlaceholders(editor, options.unfilledPlaceholders)) return undefined;
  let path = target;
  if (!path) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: defaultTarget(editor.document), filters: { Word: ['docx'] }, saveLabel: vscode.l10n.t('Export') });
    if (!chosen) return undefined;
    path = chosen.fsPath;
  }
  const params: ExportDocxParams = { uri: editor.document.uri.toString(), target: path, overwrite: !!options.overwrite };
  let result = await client.sendRequest(ExportDocxRequest, params);
  if ('exists' in result) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', path), { modal: true }, replace);
    if (answer !== replace) return result;
    result = await client.sendRequest(ExportDocxRequest, { ...params, overwrite: true });
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
    (target?: string, options?: ExportOptions) => exportActiveSpeech(client, target, options)));
}
