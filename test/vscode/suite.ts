// Integration tests in a real VS Code: the module @vscode/test-electron (or our code-server runner) loads
// into the extension host. Written against the vscode API only.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeUserCorpus } from '../userCorpusFixture';

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

/** A new untitled speech with the cursor at the end of the given line. */
async function draft(lines: string[], cursorLine: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'speech', content: lines.join('\n') });
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(cursorLine).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

/** Opens the suggest widget as a user would (Ctrl+Space), and accepts the item VS Code puts first. */
async function acceptFirstSuggestion(editor: vscode.TextEditor, line: number, before: string): Promise<string> {
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  return until('the suggestion accepted', async () => {
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const text = editor.document.lineAt(line).text;
    return text !== before ? text : undefined;
  }, 15000);
}

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

  ['completion offers the whole formula for 克服麻痹 and replaces only what was typed', async () => {
    const sentence = '当前疫情形势依然复杂严峻，各级各部门务必保持清醒头脑，克服麻痹';
    const editor = await draft(['一、提高政治站位', sentence], 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    const item = list.items.find(i => i.label === '克服麻痹思想、厌战情绪、侥幸心理、松劲心态，');
    assert.ok(item, 'the formula is offered');
    const range = item.range as vscode.Range;
    assert.deepEqual([range.start.character, range.end.character], [sentence.length - 4, sentence.length]);
    // Through the suggest widget: VS Code filters by the computed range and the formula comes first.
    const line = await acceptFirstSuggestion(editor, 1, sentence);
    assert.equal(line, sentence.slice(0, -4) + '克服麻痹思想、厌战情绪、侥幸心理、松劲心态，');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['completion offers the corpus\'s announcements for 下面 at a paragraph start', async () => {
    const editor = await draft(['同志们：', '今天召开会议，主要是部署工作。', '下面'], 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    const item = list.items.find(i => i.label === '下面，我讲三点意见：');
    assert.ok(item, list.items.map(i => i.label).join(' | '));
    const range = item.range as vscode.Range;
    assert.deepEqual([range.start.character, range.end.character], [0, 2]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['completion continues the outline at the start of a line', async () => {
    const editor = await draft(['一、提高政治站位', '二、抓好工作落实', '（一）压实责任', '（二）强化督导', ''], 4);
    const line = await acceptFirstSuggestion(editor, 4, '');
    assert.equal(line, '（三）');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['a misworded formula is flagged, explained on hover and fixed in place', async () => {
    const editor = await draft(['一、增强“四个意识”（政治意识、全局意识、核心意识、看齐意识）'], 0);
    const wording = await until('formula diagnostic', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find(d => d.code === 'formula-wording'));
    assert.equal(editor.document.getText(wording.range), '全局意识');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, wording.range.start);
    const markdown = hovers.flatMap(h => h.contents).map(c => (c as vscode.MarkdownString).value ?? String(c)).join('\n');
    assert.match(markdown, /政治意识、大局意识、核心意识、看齐意识/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, wording.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.title === '改为“大局意识”');
    assert.ok(fix?.edit && await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(0).text, '一、增强“四个意识”（政治意识、大局意识、核心意识、看齐意识）');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['messages follow the editor\'s language when set to auto', async () => {
    const editor = await openDemo();
    const settings = vscode.workspace.getConfiguration('speechDraft');
    await settings.update('messageLanguage', 'auto', vscode.ConfigurationTarget.Workspace);
    try {
      const english = vscode.env.language.startsWith('en');
      const expected = english ? 'Unfilled placeholder "xx"' : '未填写的占位符“xx”';
      await until('messages in the editor\'s language', () =>
        placeholderDiagnostics(editor.document.uri).some(d => d.message === expected) ? true : undefined);
    } finally {
      await settings.update('messageLanguage', 'zh-cn', vscode.ConfigurationTarget.Workspace);
    }
  }],

  ['Export to Word writes the .docx and never replaces a file unasked', async () => {
    await openDemo();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const target = path.join(folder, 'demo.docx');
    const result = await vscode.commands.executeCommand<any>('speechDraft.exportDocx', target);
    assert.deepEqual(result, { written: target });
    const bytes = fs.readFileSync(target);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip container');
    fs.writeFileSync(target, 'mine');
    const again = await vscode.commands.executeCommand<any>('speechDraft.exportDocx', target, { overwrite: true });
    assert.deepEqual(again, { written: target });
    assert.notEqual(fs.readFileSync(target, 'utf8'), 'mine');
  }],

  ['Format Document fixes Chinese punctuation and nothing else', async () => {
    const editor = await draft(['同志们:', '要坚持"安全第一",落实责任...见https://example.cn/a?b=1。'], 0);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await until('formatted', () => (editor.document.lineAt(0).text === '同志们：' ? true : undefined));
    assert.equal(editor.document.lineAt(1).text, '要坚持“安全第一”，落实责任……见https://example.cn/a?b=1。');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['the status bar shows the character count and speaking time', async () => {
    await openDemo();
    const api = vscode.extensions.getExtension('speech-draft.speech-draft')!.exports as { statisticsText(): string };
    const text = await until('statistics in the status bar', () => (/\d/.test(api.statisticsText()) ? api.statisticsText() : undefined));
    assert.match(text, /^\$\(clock\) \d+ (characters|字) · [\d.]+ (min|分钟)$/);
  }],

  ['converting to traditional Chinese changes only the selection', async () => {
    const editor = await draft(['发展经济', '发展经济'], 0);
    editor.selection = new vscode.Selection(1, 0, 1, 4);
    await vscode.commands.executeCommand('speechDraft.toTraditional');
    assert.deepEqual([editor.document.lineAt(0).text, editor.document.lineAt(1).text], ['发展经济', '發展經濟']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['after the server is killed, the client restarts it and the outline and diagnostics come back', async () => {
    const editor = await openDemo();
    const server = path.join(vscode.extensions.getExtension('speech-draft.speech-draft')!.extensionPath, 'dist', 'server.js');
    const pids = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
      .filter(line => line.includes(server)).map(line => Number(line.trim().split(/\s+/)[0]));
    assert.equal(pids.length, 1, 'one language server runs');
    process.kill(pids[0], 'SIGKILL');
    await until('a new server process', () => {
      const running = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter(line => line.includes(server));
      return running.length === 1 && !running[0].trim().startsWith(String(pids[0])) ? true : undefined;
    });
    await editor.edit(builder => builder.insert(new vscode.Position(0, 0), ' '));
    const symbols = await until('the outline again', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return result?.length ? result : undefined;
    });
    assert.equal(symbols[0].name, '一、提高政治站位');
    await until('diagnostics again', () => (placeholderDiagnostics(editor.document.uri).length ? true : undefined));
    await vscode.commands.executeCommand('undo');
  }],

  ['the user\'s own speeches are mined, ranked first, and the rebuild reports the binary files skipped', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    await writeUserCorpus(path.join(folder, 'past-speeches'));
    await vscode.workspace.getConfiguration('speechDraft').update('corpus.paths', ['past-speeches'], vscode.ConfigurationTarget.Workspace);
    const report = await vscode.commands.executeCommand<any>('speechDraft.rebuildCorpusIndex');
    assert.equal(report.files, 2);
    assert.deepEqual(report.skipped.map((s: any) => s.file), ['scan.bin', 'scan.txt']);
    assert.match(report.skipped[1].reason, /binary/);
    const editor = await draft(['要坚持安全'], 0);
    const line = await acceptFirstSuggestion(editor, 0, '要坚持安全');
    assert.equal(line, '要坚持安全第一、预防为主、综合治理，压紧压实安全生产责任。');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }],

  ['typing two characters of a sentence from the user\'s own speeches offers the rest of it first', async () => {
    // Its own folder, setting and document: it restores the setting it changes.
    const name = 'own-speeches-two-characters';
    const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '河长制讲话.txt'), ['在全区河长制工作会议上的讲话', '同志们：', '守护好一江清水是我们义不容辞的责任。', ''].join('\n'));
    const settings = vscode.workspace.getConfiguration('speechDraft');
    const previous = settings.inspect<string[]>('corpus.paths')?.workspaceValue;
    await settings.update('corpus.paths', [name], vscode.ConfigurationTarget.Workspace);
    try {
      const report = await vscode.commands.executeCommand<any>('speechDraft.rebuildCorpusIndex');
      assert.equal(report.files, 1);
      const document = await vscode.workspace.openTextDocument({ language: 'speech', content: '' });
      const editor = await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('type', { text: '守护' });
      assert.equal(document.lineAt(0).text, '守护');
      const line = await acceptFirstSuggestion(editor, 0, '守护');
      assert.equal(line, '守护好一江清水是我们义不容辞的责任。');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await settings.update('corpus.paths', previous, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(folder, { recursive: true, force: true });
    }
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
