import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdits, LineIndex } from '../../core/src';
import { LspClient } from './lspClient';

describe('hand-over features over stdio', () => {
  let client: LspClient;
  const uri = 'file:///speech/handover.speech';
  const TEXT = '在会议上的讲话\n同志们:\n一、提高站位\n要坚持"安全第一",落实xx责任...\n二、压实责任\n（一）压实属地责任\n';
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-handover-'));

  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('formats the document: punctuation only, placeholders untouched', async () => {
    const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(edits.map((e: any) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [
      [1, 3, 4, '：'], [3, 3, 4, '“'], [3, 8, 10, '”，'], [3, 16, 19, '……'],
    ]);
  });

  it('formats a range only', async () => {
    const edits = await client.request('textDocument/rangeFormatting', {
      textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, '：');
  });

  it('counts characters and minutes per section', async () => {
    const statistics = await client.request('speechDraft/statistics', { uri });
    assert.equal(statistics.charactersPerMinute, 220);
    assert.deepEqual(statistics.sections.map((s: any) => [s.heading, s.level, s.line]), [['一、提高站位', 1, 2], ['二、压实责任', 1, 4], ['（一）压实属地责任', 2, 5]]);
    assert.ok(statistics.characters > statistics.sections[0].characters);
  });

  it('converts between traditional and simplified, touching only what changes', async () => {
    const edits = await client.request('speechDraft/convertChinese', {
      uri, to: 'traditional', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 6 } },
    });
    assert.deepEqual(edits.map((e: any) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [[4, 2, 5, '壓實責']]);
    assert.deepEqual(await client.request('speechDraft/convertChinese', { uri, to: 'simplified' }), []);
  });

  it('exports to Word, and reports an existing file instead of replacing it', async () => {
    const target = path.join(folder, 'speech.docx');
    assert.deepEqual(await client.request('speechDraft/exportDocx', { uri, target, overwrite: false }), { written: target });
    fs.writeFileSync(target, 'mine');
    assert.deepEqual(await client.request('speechDraft/exportDocx', { uri, target, overwrite: false }), { exists: target });
    assert.equal(fs.readFileSync(target, 'utf8'), 'mine');
  });
});

describe('a CRLF draft keeps its line endings through every edit the server makes', () => {
  const uri = 'file:///speech/crlf.speech';
  const TEXT = '在xx县会议上的讲话\r\n同志们:\r\n一、提高站位\r\n要坚持"安全第一",落实xx责任...\r\n三、压实责任\r\n增强“四个意识”（政治意识、全局意识、核心意识、看齐意识）\r\n發展經濟\r\n';
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(() => client.shutdown());

  const applied = (edits: { range: any; newText: string }[]) => {
    const lines = new LineIndex(TEXT);
    return applyEdits(TEXT, edits.map(e => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
  };
  const lineEndings = (text: string) => ({ crlf: text.split('\r\n').length - 1, lf: text.replace(/\r\n/g, '').split('\n').length - 1 });

  it('in formatting, quick fixes, placeholder filling, conversion and clean-up', async () => {
    const diagnostics = await client.diagnostics(uri);
    const edits: { range: any; newText: string }[][] = [
      await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
      await client.request('speechDraft/fillPlaceholder', { uri, position: { line: 0, character: 1 }, value: '平安' }).then((r: any) => r.edits),
      await client.request('speechDraft/convertChinese', { uri, to: 'simplified' }),
      await client.request('speechDraft/cleanPastedText', { uri }).then((r: any) => r.edits),
    ];
    for (const diagnostic of diagnostics) {
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      // The clean-up quick fix runs the client's command, whose edits are the request's above.
      for (const action of actions) if (action.edit) edits.push(action.edit.changes[uri]);
    }
    assert.ok(edits.length >= 5, `${edits.length} sets of edits`);
    for (const set of edits) {
      assert.ok(set.length, 'each request edits something');
      assert.deepEqual(lineEndings(applied(set)), { crlf: 7, lf: 0 });
    }
  });
});
