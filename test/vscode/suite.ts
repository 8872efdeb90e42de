// Integration tests in a real VS Code: the module @vscode/test-electron (or our code-server runner) loads
// into the extension host. Written against the vscode API only. Each test owns its files (copied
// into the workspace under a name of its own), restores any setting it changes, and waits on
// events or conditions, never on a fixed time; the tests run in a shuffled order (the seed is
// printed, and SPEECH_DRAFT_TEST_SEED replays it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import * as vscode from 'vscode';
import { random } from '../support/random';
import { writeUserCorpus } from '../userCorpusFixture';

const TAG = '[speech-draft-test]';

/** Waits until `probe` gives a value, checking again after each of `events` (or every 200 ms). */
async function until<T>(what: string, probe: () => Thenable<T | undefined> | T | undefined, timeoutMs = 30000, events: vscode.Event<unknown>[] = []): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>(resolve => {
      const subscriptions = events.map(event => event(() => done()));
      const timer = setTimeout(() => done(), 200);
      function done() {
        clearTimeout(timer);
        subscriptions.forEach(s => s.dispose());
        resolve();
      }
    });
  }
}

/** Waits for a document's diagnostics to satisfy a condition, on each change of diagnostics. */
function untilDiagnostics<T>(what: string, uri: vscode.Uri, probe: (diagnostics: vscode.Diagnostic[]) => T | undefined): Promise<T> {
  return until(what, () => probe(vscode.languages.getDiagnostics(uri)), 30000, [vscode.languages.onDidChangeDiagnostics]);
}

const extension = () => vscode.extensions.getExtension<{ statisticsText(): string }>('speech-draft.speech-draft')!;
const workspaceFolder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
let fileCount = 0;

/** A speech file of this test's own in the workspace, open in an editor, the cursor at the end of `cursorLine`. */
async function speechFile(lines: string[], cursorLine = 0): Promise<vscode.TextEditor> {
  const file = path.join(workspaceFolder(), `test-${process.pid}-${++fileCount}.speech`);
  fs.writeFileSync(file, lines.join('\n'));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  // Whatever test runs first: the extension is active and its server started before the test acts.
  await extension().activate();
  const end = document.lineAt(cursorLine).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

/** This test's own copy of the workspace's demo speech. */
function demoSpeech(): Promise<vscode.TextEditor> {
  return speechFile(fs.readFileSync(path.join(workspaceFolder(), 'demo.speech'), 'utf8').split('\n'));
}

const placeholderDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.code === 'placeholder');

/** Opens the suggest widget as a user would (Ctrl+Space), and accepts the item VS Code puts first. */
async function acceptFirstSuggestion(editor: vscode.TextEditor, line: number, before: string): Promise<string> {
  return until('the suggestion accepted', async () => {
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const text = editor.document.lineAt(line).text;
    return text !== before ? text : undefined;
  }, 15000);
}

/** Changes a workspace setting for the length of `body`, and puts it back. */
async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const settings = vscode.workspace.getConfiguration('speechDraft');
  const before = settings.inspect(key)?.workspaceValue;
  await settings.update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration('speechDraft').update(key, before, vscode.ConfigurationTarget.Workspace);
  }
}

const tests: [string, () => Promise<void>][] = [
  ['a .speech file opens in the speech language', async () => {
    const editor = await demoSpeech();
    assert.equal(editor.document.languageId, 'speech');
  }],

  ['the outline nests headings as the speech does', async () => {
    const editor = await demoSpeech();
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

  ['headings, parallel markers and placeholders are coloured as the analysis finds them (semantic tokens)', async () => {
    const editor = await speechFile(['一、提高认识', '（一）统一思想。一是压实责任，做好xx工作。']);
    const { uri } = editor.document;
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await until('semantic tokens', async () => {
      const result = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
      return result?.data.length ? result.data : undefined;
    });
    const coloured: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.length; i += 5) {
      line += tokens[i];
      character = tokens[i] ? tokens[i + 1] : character + tokens[i + 1];
      const modifiers = legend.tokenModifiers.filter((_, bit) => tokens[i + 4] & (1 << bit));
      coloured.push(`${editor.document.lineAt(line).text.slice(character, character + tokens[i + 2])}:${legend.tokenTypes[tokens[i + 3]]}${modifiers.map(m => `.${m}`).join('')}`);
    }
    assert.deepEqual(coloured, [
      '一、:headingMarker.level1', '提高认识:heading.level1', '（一）:headingMarker.level2', '统一思想:heading.level2',
      '一是:parallelMarker', 'xx:placeholder',
    ]);
  }],

  ['placeholders are warned about, in Chinese', async () => {
    const editor = await demoSpeech();
    const diagnostics = await untilDiagnostics('placeholder diagnostics', editor.document.uri, () => {
      const found = placeholderDiagnostics(editor.document.uri);
      return found.length ? found : undefined;
    });
    assert.deepEqual(diagnostics.map(d => editor.document.getText(d.range)), ['xx', 'xx', 'xx']);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostics[0].message, '未填写的占位符“xx”');
  }],

  ['diagnostics follow typing and a change of settings (pulled by VS Code, pulled again when the server asks)', async () => {
    const editor = await speechFile(['一、提高认识', '去年共发生事故xx起。', '要把安全放在首位。']);
    const { uri } = editor.document;
    const at = () => placeholderDiagnostics(uri).map(d => `${d.range.start.line}:${d.range.start.character}`).join(' ');
    await untilDiagnostics('the placeholder warned about', uri, () => (at() === '1:7' ? true : undefined));
    // Typed below it: nothing moves, and the warning stays.
    await editor.edit(edit => edit.insert(new vscode.Position(2, 0), '始终'));
    // Typed before it: the warning moves with the text.
    await editor.edit(edit => edit.insert(new vscode.Position(1, 0), '全市'));
    await untilDiagnostics('the warning moved', uri, () => (at() === '1:9' ? true : undefined));
    await withSetting('placeholders.enabled', false, async () => {
      await untilDiagnostics('the warning gone with the setting off', uri, () => (at() === '' ? true : undefined));
    });
    await untilDiagnostics('the warning back with the setting on', uri, () => (at() === '1:9' ? true : undefined));
  }],

  ['the numbering quick fix renumbers 3. to 2.', async () => {
    const editor = await demoSpeech();
    const gap = await untilDiagnostics('numbering diagnostic', editor.document.uri, all => all.find(d => d.code === 'numbering-gap'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, gap.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find(a => a.title === '重新编号此序列');
    assert.ok(renumber?.edit, 'renumber action offered');
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    assert.equal(editor.document.lineAt(gap.range.start.line).text, '2.建筑施工');
    await untilDiagnostics('numbering diagnostic cleared', editor.document.uri, all => (all.some(d => d.code === 'numbering-gap') ? undefined : true));
  }],

  ['next placeholder selects the following placeholder', async () => {
    const editor = await demoSpeech();
    await untilDiagnostics('placeholder diagnostics', editor.document.uri, () => (placeholderDiagnostics(editor.document.uri).length === 3 ? true : undefined));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('speechDraft.nextPlaceholder');
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [0, 1]);
    await vscode.commands.executeCommand('speechDraft.nextPlaceholder');
    assert.equal(editor.selection.start.line, 5);
  }],

  ['filling a placeholder fills every one in the same context', async () => {
    const editor = await demoSpeech();
    editor.selection = new vscode.Selection(0, 1, 0, 1);
    await vscode.commands.executeCommand('speechDraft.fillPlaceholder', '平安');
    assert.equal(editor.document.lineAt(0).text, '在平安县工作会议上的讲话');
    assert.equal(editor.document.lineAt(5).text, '（一）安全是底线。去年平安县共发生事故xx起。');
    await untilDiagnostics('one placeholder left', editor.document.uri, () => (placeholderDiagnostics(editor.document.uri).length === 1 ? true : undefined));
  }],

  ['completion offers the whole formula for 克服麻痹 and replaces only what was typed', async () => {
    const sentence = '当前疫情形势依然复杂严峻，各级各部门务必保持清醒头脑，克服麻痹';
    const editor = await speechFile(['一、提高政治站位', sentence], 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    const item = list.items.find(i => i.label === '克服麻痹思想、厌战情绪、侥幸心理、松劲心态，');
    assert.ok(item, 'the formula is offered');
    const range = item.range as vscode.Range;
    assert.deepEqual([range.start.character, range.end.character], [sentence.length - 4, sentence.length]);
    // Through the suggest widget: VS Code filters by the computed range and the formula comes first.
    const line = await acceptFirstSuggestion(editor, 1, sentence);
    assert.equal(line, sentence.slice(0, -4) + '克服麻痹思想、厌战情绪、侥幸心理、松劲心态，');
  }],

  ['completion offers the corpus\'s announcements for 下面 at a paragraph start', async () => {
    const editor = await speechFile(['同志们：', '今天召开会议，主要是部署工作。', '下面'], 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
    const item = list.items.find(i => i.label === '下面，我讲三点意见：');
    assert.ok(item, list.items.map(i => i.label).join(' | '));
    const range = item.range as vscode.Range;
    assert.deepEqual([range.start.character, range.end.character], [0, 2]);
  }],

  ['completion continues the outline at the start of a line', async () => {
    const editor = await speechFile(['一、提高政治站位', '二、抓好工作落实', '（一）压实责任', '（二）强化督导', ''], 4);
    const line = await acceptFirstSuggestion(editor, 4, '');
    assert.equal(line, '（三）');
  }],

  ['a misworded formula is flagged, explained on hover and fixed in place', async () => {
    const editor = await speechFile(['一、增强“四个意识”（政治意识、全局意识、核心意识、看齐意识）'], 0);
    const wording = await untilDiagnostics('formula diagnostic', editor.document.uri, all => all.find(d => d.code === 'formula-wording'));
    assert.equal(editor.document.getText(wording.range), '全局意识');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, wording.range.start);
    const markdown = hovers.flatMap(h => h.contents).map(c => (c as vscode.MarkdownString).value ?? String(c)).join('\n');
    assert.match(markdown, /政治意识、大局意识、核心意识、看齐意识/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, wording.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.title === '改为“大局意识”');
    assert.ok(fix?.edit && await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(0).text, '一、增强“四个意识”（政治意识、大局意识、核心意识、看齐意识）');
  }],

  ['messages follow the editor\'s language when set to auto', async () => {
    const editor = await demoSpeech();
    await withSetting('messageLanguage', 'auto', async () => {
      const english = vscode.env.language.startsWith('en');
      const expected = english ? 'Unfilled placeholder "xx"' : '未填写的占位符“xx”';
      await untilDiagnostics('messages in the editor\'s language', editor.document.uri, () =>
        placeholderDiagnostics(editor.document.uri).some(d => d.message === expected) ? true : undefined);
    });
  }],

  ['Export to Word asks about unfilled placeholders, writes the .docx and never replaces a file unasked', async () => {
    const editor = await demoSpeech();
    const target = editor.document.uri.fsPath.replace(/\.speech$/, '.docx');
    await untilDiagnostics('placeholder diagnostics', editor.document.uri, () => (placeholderDiagnostics(editor.document.uri).length === 3 ? true : undefined));
    assert.equal(await vscode.commands.executeCommand<any>('speechDraft.exportDocx', target, { unfilledPlaceholders: 'cancel' }), undefined);
    assert.ok(!fs.existsSync(target), 'not exported while the user declines');
    const result = await vscode.commands.executeCommand<any>('speechDraft.exportDocx', target, { unfilledPlaceholders: 'export' });
    assert.deepEqual(result, { written: target });
    const bytes = fs.readFileSync(target);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip container');
    fs.writeFileSync(target, 'mine');
    const again = await vscode.commands.executeCommand<any>('speechDraft.exportDocx', target, { overwrite: true, unfilledPlaceholders: 'export' });
    assert.deepEqual(again, { written: target });
    assert.notEqual(fs.readFileSync(target, 'utf8'), 'mine');
  }],

  ['a speech saved as GBK by Notepad or WPS opens without mojibake', async () => {
    const file = path.join(workspaceFolder(), `gbk-${process.pid}-${++fileCount}.speech`);
    const text = '在全县安全生产工作会议上的讲话\r\n同志们：\r\n一、提高认识，压实责任。今年要坚持安全第一、预防为主、综合治理。\r\n';
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    assert.equal(document.getText(), text);
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
  }],

  ['a speech is set up as prose: wrapped lines, no boxes around full-width punctuation, only the server\'s suggestions', async () => {
    const editor = await speechFile(['同志们，（一）要提高认识。']);
    const settings = vscode.workspace.getConfiguration('editor', editor.document);
    assert.equal(settings.get('wordWrap'), 'on');
    assert.equal(settings.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(settings.get('wordBasedSuggestions'), 'off');
  }],

  ['Format Document fixes Chinese punctuation and nothing else', async () => {
    const editor = await speechFile(['同志们:', '要坚持"安全第一",落实责任...见https://example.cn/a?b=1。'], 0);
    await until('formatted', async () => {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      return editor.document.lineAt(0).text === '同志们：' ? true : undefined;
    });
    assert.equal(editor.document.lineAt(1).text, '要坚持“安全第一”，落实责任……见https://example.cn/a?b=1。');
  }],

  ['the status bar shows the character count and speaking time', async () => {
    await demoSpeech();
    const api = await extension().activate();
    const text = await until('statistics in the status bar', () => (/\d/.test(api.statisticsText()) ? api.statisticsText() : undefined));
    assert.match(text, /^\$\(clock\) \d+ (characters|字) · [\d.]+ (min|分钟)$/);
  }],

  ['converting to traditional Chinese changes only the selection', async () => {
    const editor = await speechFile(['发展经济', '发展经济'], 0);
    editor.selection = new vscode.Selection(1, 0, 1, 4);
    await vscode.commands.executeCommand('speechDraft.toTraditional');
    assert.deepEqual([editor.document.lineAt(0).text, editor.document.lineAt(1).text], ['发展经济', '發展經濟']);
  }],

  ['Clean Up Pasted Text cleans the document as one edit that one undo takes back', async () => {
    const pasted = ['<p>在全市工作會議上的講話</p>', '下面是小编为大家整理的，供大家参考。', '同志們:今天召開會議,部署工作。', '第一，提高認識(shí)。要學習。第二，壓實責任。要擔當。', '第三，狠抓落實&hellip;公.文思.享', '共2页'];
    const editor = await speechFile(pasted, 0);
    const original = editor.document.getText();
    const counts = await vscode.commands.executeCommand<Record<string, number>>('speechDraft.cleanPastedText');
    assert.deepEqual(editor.document.getText().split('\n'), [
      '在全市工作会议上的讲话', '同志们：今天召开会议，部署工作。', '第一，提高认识。要学习。', '第二，压实责任。要担当。', '第三，狠抓落实…',
    ]);
    assert.deepEqual([counts.pinyin, counts.htmlTag, counts.htmlEntity, counts.watermark, counts.furniture, counts.paragraph], [1, 2, 1, 1, 2, 1]);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  }],

  ['a pasted selection is cleaned alone, and the quick fix cleans a document that shows the signs', async () => {
    const editor = await speechFile(['務必認清形勢(shì)', '要提高認識(shí)'], 0);
    editor.selection = new vscode.Selection(1, 0, 1, editor.document.lineAt(1).text.length);
    await vscode.commands.executeCommand('speechDraft.cleanPastedText');
    assert.deepEqual([editor.document.lineAt(0).text, editor.document.lineAt(1).text], ['務必認清形勢(shì)', '要提高认识']);
    const actions = await until('the clean-up quick fix', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.QuickFix.value);
      return found?.some(a => a.command?.command === 'speechDraft.cleanPastedText') ? found : undefined;
    });
    const fix = actions.find(a => a.command?.command === 'speechDraft.cleanPastedText')!;
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.deepEqual([editor.document.lineAt(0).text, editor.document.lineAt(1).text], ['务必认清形势', '要提高认识']);
  }],

  ['after the server is killed, the client restarts it and the outline and diagnostics come back', async () => {
    const editor = await demoSpeech();
    const server = path.join(extension().extensionPath, 'dist', 'server.js');
    // Opening the speech starts the server if no test has yet.
    const pids = await until('the language server', () => {
      const found = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
        .filter(line => line.includes(server)).map(line => Number(line.trim().split(/\s+/)[0]));
      return found.length ? found : undefined;
    });
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
    await untilDiagnostics('diagnostics again', editor.document.uri, () => (placeholderDiagnostics(editor.document.uri).length ? true : undefined));
  }],

  ['the user\'s own speeches are mined, ranked first, and the rebuild reports the binary files skipped', async () => {
    const folder = `past-speeches-${++fileCount}`;
    await writeUserCorpus(path.join(workspaceFolder(), folder));
    await withSetting('corpus.paths', [folder], async () => {
      const report = await vscode.commands.executeCommand<any>('speechDraft.rebuildCorpusIndex');
      assert.equal(report.files, 2);
      assert.deepEqual(report.skipped.map((s: any) => s.file), ['scan.bin', 'scan.txt']);
      assert.match(report.skipped[1].reason, /binary/);
      const editor = await speechFile(['要坚持安全'], 0);
      const line = await acceptFirstSuggestion(editor, 0, '要坚持安全');
      assert.equal(line, '要坚持安全第一、预防为主、综合治理，压紧压实安全生产责任。');
    });
    // The other tests see the shipped corpus only.
    await vscode.commands.executeCommand('speechDraft.rebuildCorpusIndex');
  }],

  ['with the portable segmenter forced (speechDraft.corpus.segmenter), the user\'s speeches are mined and completion offers their sentence', async () => {
    const folder = `portable-speeches-${++fileCount}`;
    await writeUserCorpus(path.join(workspaceFolder(), folder));
    await withSetting('corpus.segmenter', 'portable', () => withSetting('corpus.paths', [folder], async () => {
      const report = await vscode.commands.executeCommand<any>('speechDraft.rebuildCorpusIndex');
      assert.equal(report.files, 2);
      assert.match(report.segmenter, /^segmenter: jieba-wasm /);
      const editor = await speechFile(['要坚持安全'], 0);
      const line = await acceptFirstSuggestion(editor, 0, '要坚持安全');
      assert.equal(line, '要坚持安全第一、预防为主、综合治理，压紧压实安全生产责任。');
    }));
    // The other tests see the shipped corpus only.
    await vscode.commands.executeCommand('speechDraft.rebuildCorpusIndex');
  }],

  ['typing two characters of a sentence from the user\'s own speeches offers the rest of it first', async () => {
    const folder = `own-speeches-${++fileCount}`;
    fs.mkdirSync(path.join(workspaceFolder(), folder));
    fs.writeFileSync(path.join(workspaceFolder(), folder, '河长制讲话.txt'), ['在全区河长制工作会议上的讲话', '同志们：', '守护好一江清水是我们义不容辞的责任。', ''].join('\n'));
    await withSetting('corpus.paths', [folder], async () => {
      const report = await vscode.commands.executeCommand<any>('speechDraft.rebuildCorpusIndex');
      assert.equal(report.files, 1);
      const editor = await speechFile([''], 0);
      await vscode.commands.executeCommand('type', { text: '守护' });
      assert.equal(editor.document.lineAt(0).text, '守护');
      const line = await acceptFirstSuggestion(editor, 0, '守护');
      assert.equal(line, '守护好一江清水是我们义不容辞的责任。');
    });
    // The other tests see the shipped corpus only.
    await vscode.commands.executeCommand('speechDraft.rebuildCorpusIndex');
  }],
];

/** The tests in a shuffled order: any test may run first, and none may depend on another. */
function shuffled<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

export async function run(): Promise<void> {
  const seed = Number(process.env.SPEECH_DRAFT_TEST_SEED) || Math.floor(Math.random() * 2 ** 31);
  console.log(`${TAG} order: SPEECH_DRAFT_TEST_SEED=${seed}`);
  let passed = 0;
  const failures: string[] = [];
  for (const [name, test] of shuffled(tests, seed)) {
    try {
      await test();
      passed++;
      console.log(`${TAG} ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`${TAG} not ok - ${name}: ${(error as Error).stack ?? error}`);
    } finally {
      // Leave no editor behind: the files are the test's own, so saving them changes no one else's.
      await vscode.workspace.saveAll(false);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }
  console.log(`${TAG} vscode: ${passed} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} integration test(s) failed: ${failures.join('; ')}`);
}
