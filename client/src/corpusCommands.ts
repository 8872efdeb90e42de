import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CorpusReport, RebuildCorpusRequest } from '../../protocol';

/** Rebuilds the index of the user's own speeches and says what it found. */
async function rebuildCorpusIndex(client: LanguageClient): Promise<CorpusReport | undefined> {
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rebuilding the corpus index…') },
    () => client.sendRequest(RebuildCorpusRequest, {}),
  );
  if (!report) return undefined;
  if (report.error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The corpus could not be mined: {0}', report.error));
  } else if (!report.paths.length) {
    const open = vscode.l10n.t('Open Settings');
    void vscode.window.showInformationMessage(vscode.l10n.t('No folders of past speeches are set (speechDraft.corpus.paths): completion uses the built-in corpus only.'), open)
      .then(choice => choice === open && vscode.commands.executeCommand('workbench.action.openSettings', 'speechDraft.corpus.paths'));
  } else {
    const counts = vscode.l10n.t('Corpus index rebuilt: {0} speeches ({1} unchanged), {2} sentences, {3} parallel slogans, {4} numeric summaries.',
      report.files, report.fromCache, report.sentences, report.slogans, report.summaries);
    const skipped = report.skipped.map(s => `${s.file} (${s.reason})`).join('; ');
    if (skipped) void vscode.window.showWarningMessage(`${counts} ${vscode.l10n.t('Skipped {0} files: {1}', report.skipped.length, skipped)}`);
    else void vscode.window.showInformationMessage(counts);
  }
  return report;
}

export function registerCorpusCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('speechDraft.rebuildCorpusIndex', () => rebuildCorpusIndex(client)));
}
