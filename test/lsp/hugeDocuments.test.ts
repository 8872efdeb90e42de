// A huge document never makes the editor wait: it is analysed in slices between which the server
// answers other requests and reads the next change, and its outline stays within what a reader uses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CAPABILITIES, LspClient } from './lspClient';

const HEADINGS = 1_000_000;
const hugeOutline = () => Array.from({ length: HEADINGS }, () => '一、').join('\n');

describe('a huge document', () => {
  let client: LspClient;
  const small = 'file:///huge/small.speech';
  before(async () => {
    client = new LspClient();
    await client.initialize({ ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, foldingRange: { rangeLimit: 5000 } } });
    await client.open(small, '一、提高认识\n增强“四个意识”');
    await client.diagnostics(small);
  });
  after(() => client.shutdown());

  /** A small document whose settings the server has, replaced by a huge text: its analysis starts at once. */
  async function growHuge(uri: string): Promise<void> {
    await client.open(uri, '一、开头');
    await client.diagnostics(uri);
    await client.change(uri, [{ text: hugeOutline() }]);
  }

  it('does not hold up a request on another document while it is analysed', async () => {
    const uri = 'file:///huge/a.speech';
    const order: string[] = [];
    await growHuge(uri);
    const hover = client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 4 } })
      .then(result => { order.push('hover'); return result; });
    const diagnostics = client.diagnostics(uri, 300_000).then(() => { order.push('diagnostics'); });
    await Promise.all([hover, diagnostics]);
    assert.deepEqual(order, ['hover', 'diagnostics']);
    assert.match(JSON.stringify(await hover), /政治意识/);
  });

  it('drops the analysis of a version that changed meanwhile, and publishes only the newest', async () => {
    const uri = 'file:///huge/b.speech';
    await growHuge(uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '二、' }]);
    await client.diagnostics(uri, 300_000);
    assert.deepEqual(client.publications.filter(p => p.uri === uri).map(p => p.version), [1, 3]);
  });

  it('answers the outline and the folds of a million heading lines, within what the client shows', async () => {
    const uri = 'file:///huge/e.speech';
    // Every other heading has a line of text under it, so that its section folds.
    await client.open(uri, Array.from({ length: HEADINGS }, (_, i) => (i % 2 ? '正文' : '一、标题')).join('\n'));
    await client.diagnostics(uri, 300_000);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 10_000);
    assert.deepEqual([symbols[0].name, symbols[0].detail, symbols[1].range.start.line], ['一、标题', '4字', 2]);
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(folds.length, 5000);
    assert.deepEqual([folds[0].startLine, folds[0].endLine], [0, 1]);
  });

  it('gives an outline of at most 10,000 symbols, the upper levels first, and no more folds than the client shows', async () => {
    const uri = 'file:///huge/c.speech';
    const text = Array.from({ length: 20_000 }, (_, i) => `一、第${i}部分\n（一）要点\n（二）要点`).join('\n');
    await client.open(uri, text);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 10_000);
    assert.ok(symbols.every((s: any) => s.children.length === 0));
    const smaller = 'file:///huge/d.speech';
    await client.open(smaller, text.split('\n').slice(0, 3 * 3000).join('\n'));
    const nested = await client.request('textDocument/documentSymbol', { textDocument: { uri: smaller } });
    assert.deepEqual([nested.length, nested[0].children.length], [3000, 2]);
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(folds.length, 5000);
  });
});
