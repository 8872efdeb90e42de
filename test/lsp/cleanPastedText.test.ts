import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits, LineIndex } from '../../core/src';
import { LspClient } from './lspClient';

/** A speech pasted from a web page: tags, entities, pinyin readings, furniture, traditional characters, half-width punctuation. */
const PASTED = [
  '<p>在全市工作會議上的講話</p>',
  '下面是小编为大家整理的，供大家参考。',
  '同志們:今天召開會議,主要是部署工作。',
  '第一，提高認識(shí)。要學習&nbsp;貫徹。第二，壓實責任。要擔當。',
  '第三，狠抓落實。公.文思.享',
  '共2页',
  '',
].join('\r\n');

const CLEANED = [
  '在全市工作会议上的讲话',
  '同志们：今天召开会议，主要是部署工作。',
  '第一，提高认识。要学习 贯彻。',
  '第二，压实责任。要担当。',
  '第三，狠抓落实。',
  '',
].join('\r\n');

describe('Clean Up Pasted Text over stdio', () => {
  let client: LspClient;
  const uri = 'file:///speech/pasted.speech';
  const clean = 'file:///speech/clean.speech';

  const applied = (text: string, edits: { range: any; newText: string }[]) => {
    const lines = new LineIndex(text);
    return applyEdits(text, edits.map(e => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
  };

  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, PASTED);
    await client.open(clean, '在全市工作会议上的讲话\n同志们：\n一、提高认识\n(一)统一思想。\n');
  });
  after(() => client.shutdown());

  it('returns edits that clean the document, with what they removed by kind', async () => {
    const result = await client.request('speechDraft/cleanPastedText', { uri });
    assert.equal(applied(PASTED, result.edits), CLEANED);
    assert.equal(result.version, 1);
    assert.deepEqual(result.counts, { htmlTag: 2, htmlEntity: 1, watermark: 1, pinyin: 1, furniture: 2, traditional: 20, punctuation: 2, paragraph: 1 });
  });

  it('cleans only the selection when given one', async () => {
    const range = { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } };
    const result = await client.request('speechDraft/cleanPastedText', { uri, range });
    assert.ok(result.edits.length);
    for (const edit of result.edits) assert.equal(edit.range.start.line, 2);
    assert.equal(applied(PASTED, result.edits).split('\r\n')[2], '同志们：今天召开会议，主要是部署工作。');
  });

  it('offers the clean-up as a quick fix on a document that shows the signs, running the client command', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const action = actions.find((a: any) => a.command?.command === 'speechDraft.cleanPastedText');
    assert.ok(action, JSON.stringify(actions));
    assert.equal(action.kind, 'quickfix');
    assert.match(action.title, /^整理粘贴文本/);
    assert.deepEqual(action.command.arguments, [uri]);
  });

  it('does not offer it on a draft typed in the editor', async () => {
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } };
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: clean }, range, context: { diagnostics: [] } });
    assert.ok(!actions.some((a: any) => a.command?.command === 'speechDraft.cleanPastedText'), JSON.stringify(actions));
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(await client.request('speechDraft/cleanPastedText', { uri: 'file:///speech/unknown.speech' }), null);
  });
});
