import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../core/src';
import { decodeTokens, LspClient } from './lspClient';

const SPEECH = [
  '在全市工作会议上的讲话', // 0
  '同志们：', // 1
  '一、提高政治站位', // 2
  '（一）安全是底线。一是压实责任。二是强化监管。', // 3
  '去年共发生事故xx起。', // 4
  '（二）形势依然严峻', // 5
  '二、突出工作重点', // 6
  '(一)抓好行业整治', // 7
  '1.道路交通', // 8
  '3.建筑施工', // 9
  '同志们，让我们共同努力！', // 10
].join('\n');

describe('language server over stdio', () => {
  let client: LspClient;
  const uri = 'file:///speech/one.speech';

  before(async () => {
    client = new LspClient();
  });
  after(() => client.shutdown());

  it('initializes with the features it serves', async () => {
    const { capabilities, serverInfo } = await client.initialize();
    assert.equal(serverInfo.name, 'speech-draft-server');
    assert.equal(capabilities.textDocumentSync, 2);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
    assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix']);
    assert.deepEqual(capabilities.semanticTokensProvider.legend, { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] });
  });

  it('returns the nested outline with character counts', async () => {
    await client.open(uri, SPEECH);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: any[], depth = 0): string[] => list.flatMap(s => [`${'  '.repeat(depth)}${s.name}`, ...names(s.children ?? [], depth + 1)]);
    assert.deepEqual(names(symbols), [
      '一、提高政治站位', '  （一）安全是底线', '    一是压实责任', '    二是强化监管', '  （二）形势依然严峻',
      '二、突出工作重点', '  (一)抓好行业整治', '    1.道路交通', '    3.建筑施工',
    ]);
    // Markers are not counted; the Latin run xx counts as one.
    assert.equal(symbols[0].detail, `${'提高政治站位安全是底线。压实责任。强化监管。去年共发生事故x起。形势依然严峻'.length}字`);
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  });

  it('folds each section to its last line of text', async () => {
    const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges.map((r: any) => [r.startLine, r.endLine]), [[2, 5], [3, 4], [6, 9], [7, 9]]);
  });

  it('colours exactly what the outline and the diagnostics find: markers by level, heading text, placeholders', async () => {
    // The legend the server announces, from core.
    const legend = { tokenTypes: SEMANTIC_TOKEN_TYPES as readonly string[], tokenModifiers: SEMANTIC_TOKEN_MODIFIERS as readonly string[] };
    const tokens = decodeTokens((await client.request('textDocument/semanticTokens/full', { textDocument: { uri } })).data)
      .map(([line, character, length, type, modifiers]) => ({
        line, character, length, type: legend.tokenTypes[type],
        modifiers: legend.tokenModifiers.filter((_: string, bit: number) => modifiers & (1 << bit)),
      }));
    const text = (t: { line: number; character: number; length: number }) => SPEECH.split('\n')[t.line].slice(t.character, t.character + t.length);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const markers = (list: any[]): string[] => list.flatMap(s => [s.name, ...markers(s.children ?? [])]);
    const coloured = tokens.filter(t => t.type === 'headingMarker' || t.type === 'parallelMarker');
    assert.deepEqual(coloured.map(text), markers(symbols).map(name => /^([（(]?[一二三四五六七八九十\d]+[、）).．]|[一二三四五六七八九十]+是)/.exec(name)![1]));
    assert.deepEqual(tokens.filter(t => t.type === 'headingMarker').map(t => `${text(t)}${t.modifiers}`), ['一、level1', '（一）level2', '（二）level2', '二、level1', '(一)level2', '1.level3', '3.level3']);
    assert.deepEqual(tokens.filter(t => t.type === 'heading' && t.line === 2).map(text), ['提高政治站位']);
    const placeholders = (await client.diagnostics(uri)).filter(d => d.code === 'placeholder');
    assert.deepEqual(tokens.filter(t => t.type === 'placeholder').map(t => [t.line, t.character, t.length]),
      placeholders.map(d => [d.range.start.line, d.range.start.character, d.range.end.character - d.range.start.character]));
  });

  it('publishes placeholder and numbering diagnostics', async () => {
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character, d.severity]), [
      ['placeholder', 4, 7, 2], ['marker-style', 7, 0, 3], ['numbering-gap', 9, 0, 2],
    ]);
    assert.equal(diagnostics[0].message, '未填写的占位符“xx”');
  });

  it('offers quick fixes that change only the marker', async () => {
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].title, '重新编号此序列');
    assert.deepEqual(actions[0].edit.changes[uri], [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, newText: '2' }]);
  });

  it('follows incremental edits', async () => {
    // Fill the placeholder, then renumber 3. to 2. by hand.
    await client.change(uri, [{ range: { start: { line: 4, character: 7 }, end: { line: 4, character: 9 } }, text: '12' }]);
    await client.change(uri, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, text: '2' }]);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map(d => d.code), ['marker-style']);
    await client.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 10, character: 0 } }, text: '' }]);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s: any) => s.name), ['一、提高政治站位']);
  });

  it('fills a placeholder everywhere it has the same context', async () => {
    const other = 'file:///speech/fill.speech';
    await client.open(other, 'xx县要抓，xx县要管，xx市要统筹。');
    const result = await client.request('speechDraft/fillPlaceholder', { uri: other, position: { line: 0, character: 1 }, value: '平安' });
    assert.equal(result.context, 'xx县');
    assert.deepEqual(result.edits.map((e: any) => e.range.start.character), [0, 6]);
  });

  it('leaves plaintext alone until the setting enables it', async () => {
    const plain = 'file:///speech/notes.txt';
    await client.open(plain, '全市xx个单位', 'plaintext');
    assert.deepEqual(await client.diagnostics(plain), []);
    client.settings = { alsoEnableFor: ['plaintext'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.change(plain, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    assert.deepEqual((await client.diagnostics(plain)).map(d => d.code), ['placeholder']);
    client.settings = {};
  });

  it('falls back to defaults on wrongly typed settings', async () => {
    client.settings = { placeholders: { enabled: 'yes', ignore: 5 }, speakingRate: 'fast' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const bad = 'file:///speech/bad-settings.speech';
    await client.open(bad, 'xx县');
    assert.deepEqual((await client.diagnostics(bad)).map(d => d.code), ['placeholder']);
    client.settings = {};
  });
});
