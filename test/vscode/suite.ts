// Integration tests in a real VS Code: the module @vscode/test-electron (or our code-server runner) loads
// into the extension host. Written against the vscode API only.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const TAG = '[speech-draft-test]';

async function until<T>(what: string, probe: () => Thenable<T | undefined> | T | undefined, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function openDemo(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'demo.speech'));
  return vscode.window.showTextDocument(document);
}

const placeholderDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.code === 'placeholder');

const tests: [string, () => Promise<void>][] = [
  ['a .speech file opens in the speech language', async () => {
    const editor = await openDemo();
    assert.equal(editor.document.languageId, 'speech');
  }],

  ['the outline nests headings as the speech does', async () => {
    const editor = await openDemo();
    const symbols = await until('document symbols', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return result?.length ? result : undefined;
    });
    const names = (list: vscode.DocumentSymbol[], depth = 0): string[] =>
      list.flatMap(s => [`${'  '.repeat(depth)}${s.name}`, ...names(s.children, depth + 1)]);
    assert.deepEqual(names(symbols), [
      '一、提高政治站位', '  （一）安全是底线', '  （二）形势依然严峻', '二、突出工作重点', '  1.道路交通', '  3.建筑施工', '三、压实各方责任',
    ]);
    assert.match(symbols[0].detail, /^\d+字$/);
  }],

  ['placeholders are warned about, in Chinese', async () => {
    const editor = await openDemo();
    const diagnostics = await until('placeholder diagnostics', () => {
      const found = placeholderDiagnostics(editor.document.uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(d => editor.document.getText(d.range)), ['xx', 'xx', 'xx']);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostics[0].message, '未填写的占位符“xx”');
  }],

  ['the numbering quick fix renumbers 3. to 2.', async () => {
    const editor = await openDemo();
    const gap = await until('numbering diagnostic', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find(d => d.code === 'numbering-gap'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, gap.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find(a => a.title === '重新编号此序列');
    assert.ok(renumber?.edit, 'renumber action offered');
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    assert.equal(editor.document.lineAt(gap.range.start.line).text, '2.建筑施工');
    await until('numbering diagnostic cleared', () =>
      vscode.languages.getDiagnostics(editor.document.uri).some(d => d.code === 'numbering-gap') ? undefined : true);
  }],

  ['next placeholder selects the following placeholder', async () => {
    const editor = await openDemo();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('speechDraft.nextPlaceholder');
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [0, 1]);
    await vscode.commands.executeCommand('speechDraft.nextPlaceholder');
    assert.equal(editor.selection.start.line, 5);
  }],

  ['filling a placeholder fills every one in the same context', async () => {
    const editor = await openDemo();
    editor.selection = new vscode.Selection(0, 1, 0, 1);
    await vscode.commands.executeCommand('speechDraft.fillPlaceholder', '平安');
    assert.equal(editor.document.lineAt(0).text, '在平安县工作会议上的讲话');
    assert.equal(editor.document.lineAt(5).text, '（一）安全是底线。去年平安县共发生事故xx起。');
    await until('one placeholder left', () => (placeholderDiagnostics(editor.document.uri).length === 1 ? true : undefined));
  }],
];

export async function run(): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  for (const [name, test] of tests) {
    try {
      await test();
      passed++;
      console.log(`${TAG} ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`${TAG} not ok - ${name}: ${(error as Error).stack ?? error}`);
    }
  }
  console.log(`${TAG} vscode: ${passed} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} integration test(s) failed: ${failures.join('; ')}`);
}
