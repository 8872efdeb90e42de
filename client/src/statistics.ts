import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { StatisticsRequest, StatisticsResult } from '../../protocol';

/** Waits this long after typing stops before asking for new counts. */
const DELAY_MS = 300;

async function statisticsOf(client: LanguageClient, document: vscode.TextDocument): Promise<StatisticsResult | null> {
  return client.sendRequest(StatisticsRequest, { uri: document.uri.toString() });
}

/** Per-section counts and minutes, longest first marked, to pick one to trim; goes to the section chosen. */
async function showSections(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const statistics = await statisticsOf(client, editor.document);
  if (!statistics) return;
  const longest = Math.max(0, ...statistics.sections.filter(s => s.level === 1).map(s => s.characters));
  const items = statistics.sections.map(section => ({
    label: `${'　'.repeat(section.level - 1)}${section.level === 1 && section.characters === longest ? '$(arrow-right) ' : ''}${section.heading}`,
    description: vscode.l10n.t('{0} characters · about {1} min', section.characters, section.minutes),
    line: section.line,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} characters · about {1} min at {2} characters a minute', statistics.characters, statistics.minutes, statistics.charactersPerMinute),
    placeHolder: vscode.l10n.t('Sections of this speech; pick one to go to it'),
  });
  if (picked) {
    const position = new vscode.Position(picked.line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }
}

/** Status bar: the speech's character count and speaking time; clicking lists the sections. */
export function registerStatistics(context: vscode.ExtensionContext, client: LanguageClient): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('speechDraft.statistics', vscode.StatusBarAlignment.Left, 99);
  item.name = vscode.l10n.t('Speech Draft statistics');
  item.command = 'speechDraft.showStatistics';
  let timer: NodeJS.Timeout | undefined;
  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const statistics = editor && await statisticsOf(client, editor.document).catch(() => null);
    if (!statistics || editor !== vscode.window.activeTextEditor) {
      if (!statistics) item.hide();
      return;
    }
    item.text = `$(clock) ${vscode.l10n.t('{0} characters · {1} min', statistics.characters, statistics.minutes)}`;
    item.tooltip = vscode.l10n.t('Characters (without markers and spaces) and speaking time at {0} a minute; click for each section', statistics.charactersPerMinute);
    item.show();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), DELAY_MS);
  };
  context.subscriptions.push(
    item,
    vscode.commands.registerCommand('speechDraft.showStatistics', () => showSections(client)),
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.workspace.onDidChangeTextDocument(event => event.document === vscode.window.activeTextEditor?.document && later()),
    vscode.workspace.onDidChangeConfiguration(event => event.affectsConfiguration('speechDraft') && later()),
    { dispose: () => clearTimeout(timer) },
  );
  void update();
  return item;
}
