import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CLEAN_PASTED_TEXT_COMMAND, CleanPastedTextParams, CleanPastedTextRequest } from '../../protocol';

/** How many of a kind the cleaning removed or changed, as the message says it. */
function describe(kind: string, count: number): string | undefined {
  switch (kind) {
    case 'pinyin': return vscode.l10n.t('{0} pinyin readings', count);
    case 'htmlTag': return vscode.l10n.t('{0} HTML tags', count);
    case 'htmlEntity': return vscode.l10n.t('{0} HTML entities', count);
    case 'watermark': return vscode.l10n.t('{0} watermarks', count);
    case 'furniture': return vscode.l10n.t('{0} lines of page furniture', count);
    case 'indentation': return vscode.l10n.t('{0} indentations', count);
    case 'traditional': return vscode.l10n.t('{0} traditional characters simplified', count);
    case 'punctuation': return vscode.l10n.t('{0} half-width punctuation marks made full-width', count);
    case 'paragraph': return vscode.l10n.t('{0} paragraph breaks restored', count);
    default: return undefined;
  }
}

/**
 * Cleans up the selection, or the whole document without one (or the document the quick fix
 * names), as one edit that one undo takes back, and says what it removed. Returns the counts.
 */
async function cleanPastedText(client: LanguageClient, uri?: string): Promise<Record<string, number> | undefined> {
  const editor = uri
    ? vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri) ?? await vscode.window.showTextDocument(vscode.Uri.parse(uri))
    : vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const params: CleanPastedTextParams = { uri: editor.document.uri.toString() };
  if (!uri && !editor.selection.isEmpty) params.range = { start: editor.selection.start, end: editor.selection.end };
  const version = editor.document.version;
  const result = await client.sendRequest(CleanPastedTextRequest, params);
  if (!result) return undefined;
  if (editor.document.version !== version || result.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed during the clean-up; run it again.'));
    return undefined;
  }
  const edits = await client.protocol2CodeConverter.asTextEdits(result.edits);
  if (!edits?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to clean up.'));
    return result.counts;
  }
  const applied = await editor.edit(builder => edits.forEach(edit => builder.replace(edit.range, edit.newText)));
  if (!applied) return undefined;
  const done = Object.entries(result.counts).map(([kind, count]) => describe(kind, count)).filter(Boolean).join(vscode.l10n.t(', '));
  void vscode.window.showInformationMessage(vscode.l10n.t('Pasted text cleaned up: {0}.', done));
  return result.counts;
}

export function registerCleanPastedText(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(CLEAN_PASTED_TEXT_COMMAND, (uri?: unknown) =>
    cleanPastedText(client, typeof uri === 'string' ? uri : undefined)));
}
