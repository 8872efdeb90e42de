import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { writeUserCorpus } from '../userCorpusFixture';

/** The document with the completion applied, as the client would apply the item's textEdit. */
function applied(text: string, item: any): string {
  const lines = text.split('\n');
  const { start, end } = item.textEdit.range;
  assert.equal(start.line, end.line, 'a completion range stays on one line');
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + item.textEdit.newText + line.slice(end.character);
  return lines.join('\n');
}

describe('completion over stdio', () => {
  let client: LspClient;
  const uri = 'file:///speech/completion.speech';
  const LONG_SENTENCE = '当前疫情形势依然复杂严峻，各级各部门务必保持清醒头脑，时刻绷紧疫情防控这根弦，克服麻痹';
  const TEXT = [
    '在全市工作会议上的讲话',
    '同志们：',
    '今天召开会议，主要是部署下一阶段工作。',
    '下面',
    '一、提高政治站位',
    LONG_SENTENCE,
    '要压实各级责任。',
    '二、抓好工作落实',
    '（一）压实工作责任',
    '（二）强化督导检查',
    '',
  ].join('\n');

  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(() => client.shutdown());

  const complete = (line: number, character: number) =>
    client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  it('completes 克服麻痹 at the end of a long sentence with the whole four-item list', async () => {
    const list = await complete(5, LONG_SENTENCE.length);
    assert.equal(list.isIncomplete, true);
    const item = list.items[0];
    assert.equal(item.label, '克服麻痹思想、厌战情绪、侥幸心理、松劲心态，', `offered: ${list.items.map((i: any) => i.label).join(' | ')}`);
    // Only 克服麻痹 (typed since the last comma) is replaced, not the whole line.
    assert.deepEqual(item.textEdit.range, { start: { line: 5, character: LONG_SENTENCE.length - 4 }, end: { line: 5, character: LONG_SENTENCE.length } });
    assert.equal(item.filterText, item.label);
    assert.equal(applied(TEXT, item).split('\n')[5], LONG_SENTENCE.slice(0, -4) + item.label);
    assert.match(item.documentation.value, /来自《在集团公司疫情防控工作视频会议上的讲话（篇.+）》第 \d+ 行/);
    assert.match(item.detail, /语料续写 · 内置语料/);
  });

  it('offers the corpus\'s ways of announcing the points for 下面 at a paragraph start', async () => {
    const list = await complete(3, 2);
    const labels = list.items.map((i: any) => i.label);
    assert.ok(labels.includes('下面，我讲三点意见：'), labels.join(' | '));
    const item = list.items.find((i: any) => i.label === '下面，我讲三点意见：');
    assert.deepEqual(item.textEdit.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    assert.equal(applied(TEXT, item).split('\n')[3], '下面，我讲三点意见：');
  });

  it('offers the announcement after a comma in the middle of a line, replacing only the clause typed', async () => {
    const uri2 = 'file:///speech/middle.speech';
    await client.open(uri2, '今天召开会议。下面，我讲');
    const list = await client.request('textDocument/completion', { textDocument: { uri: uri2 }, position: { line: 0, character: 12 } });
    assert.equal(list.items[0].label, '我讲三点意见：');
    assert.deepEqual(list.items[0].textEdit.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 12 } });
  });

  it('continues the outline at the start of a line: the next marker of each open level', async () => {
    const list = await complete(10, 0);
    const markers = list.items.filter((i: any) => i.sortText.startsWith('0')).map((i: any) => i.label);
    assert.deepEqual(markers, ['（三）', '一是', '1.', '三、']);
    assert.deepEqual(list.items[0].textEdit.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } });
  });

  it('replaces a typed bracket with the marker it starts', async () => {
    await client.change(uri, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '（' }]);
    const list = await complete(10, 1);
    const markers = list.items.filter((i: any) => i.sortText.startsWith('0')).map((i: any) => i.label);
    assert.deepEqual(markers, ['（三）']);
    assert.deepEqual(list.items[0].textEdit.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } });
  });
});

/** Preloaded in the server and its mining process: nodejieba's binary fails to load, as on a platform it was not built for. */
const NO_NATIVE_ADDONS = `--require ${JSON.stringify(path.resolve(__dirname, '../noNativeAddons.js'))}`;
const forced = process.env.SPEECH_DRAFT_SEGMENTER === 'portable';

for (const { label, segmenter, env, name, segmentedBy } of [
  { label: '', segmenter: undefined, env: undefined, name: forced ? /jieba-wasm/ : /nodejieba/, segmentedBy: forced ? /jieba-wasm.*SPEECH_DRAFT_SEGMENTER/ : /^segmenter: nodejieba [\d.]+$/ },
  { label: ', with speechDraft.corpus.segmenter: portable', segmenter: 'portable', env: undefined, name: /jieba-wasm/, segmentedBy: /^segmenter: jieba-wasm .*\((the portable segmenter was chosen in the settings|SPEECH_DRAFT_SEGMENTER=portable)\)$/ },
  { label: ', where nodejieba\'s binary does not load', segmenter: undefined, env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${NO_NATIVE_ADDONS}` }, name: /jieba-wasm/, segmentedBy: forced ? /jieba-wasm.*SPEECH_DRAFT_SEGMENTER/ : /^segmenter: jieba-wasm .*\(nodejieba's native binary does not load here/ },
]) describe(`the user's own corpus${label}`, () => {
  let client: LspClient;
  let folder: string;
  let storage: string;
  const uri = 'file:///speech/user.speech';

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-corpus-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-storage-'));
    await writeUserCorpus(folder);
    client = new LspClient({ env });
    client.settings = { corpus: { paths: [folder], segmenter } };
    await client.initialize(undefined, { initializationOptions: { storagePath: storage } });
    await client.open(uri, '我们要坚持安全');
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('mines the folders of speechDraft.corpus.paths in the background, with progress', async () => {
    await client.until(() => client.progress.some(p => p.kind === 'end'), 'the end of mining');
    assert.equal(client.progress[0].kind, 'begin');
    assert.match(client.progress[0].title!, /分析语料/);
    assert.ok(client.progress.some(p => p.kind === 'report'));
  });

  it('brings back the user\'s own sentence first, from a GBK .txt', async () => {
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 7 } });
    const first = list.items[0];
    assert.equal(first.label, '要坚持安全第一、预防为主、综合治理，压紧压实安全生产责任。');
    assert.match(first.detail, /我的讲话 · 1 处/);
    assert.match(first.documentation.value, /在全县安全生产会议上的讲话/);
    // The longest end of the typed text that the corpus holds: 要坚持安全, not 我们要坚持安全.
    assert.deepEqual(first.textEdit.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 7 } });
  });

  it('rebuilds on request and reports counts, with the binary files skipped and why', async () => {
    const report = await client.request('speechDraft/rebuildCorpus', {});
    assert.equal(report.files, 2);
    assert.deepEqual(report.skipped.map((s: any) => s.file).sort(), ['scan.bin', 'scan.txt']);
    assert.match(report.skipped.find((s: any) => s.file === 'scan.txt').reason, /binary/);
    assert.match(report.skipped.find((s: any) => s.file === 'scan.bin').reason, /not a speech file/);
    assert.ok(report.sentences >= 5 && report.slogans >= 1, JSON.stringify(report));
    assert.equal(report.fromCache, 2, 'unchanged files come from the cache');
    // The server took the index from the cache: the segmenter's name, not why it was chosen.
    assert.match(report.segmenter, name);
  });

  it('segments only new or changed files', async () => {
    fs.writeFileSync(path.join(folder, '新讲话.txt'), '在新会议上的讲话\n要坚持安全第一、预防为主、综合治理。\n');
    const report = await client.request('speechDraft/rebuildCorpus', {});
    assert.deepEqual([report.files, report.segmented, report.fromCache], [3, 1, 2]);
    assert.match(report.segmenter, segmentedBy);
  });
});

describe('the user\'s corpus when the client refuses progress', () => {
  it('mines without progress, and the server keeps serving', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-corpus-'));
    const client = new LspClient();
    try {
      await writeUserCorpus(folder);
      client.refuseProgress = true;
      client.settings = { corpus: { paths: [folder] } };
      await client.initialize(undefined, { initializationOptions: { storagePath: path.join(folder, '.storage') } });
      const report = await client.request('speechDraft/rebuildCorpus', {});
      assert.equal(report.files, 2);
      assert.equal(client.process.exitCode, null, 'the server is still running');
    } finally {
      await client.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports a relative folder that has no workspace to be relative to', async () => {
    const client = new LspClient();
    try {
      client.settings = { corpus: { paths: ['past-speeches'] } };
      await client.initialize();
      const report = await client.request('speechDraft/rebuildCorpus', {});
      assert.deepEqual(report.skipped, [{ file: 'past-speeches', reason: 'a relative path needs an open workspace folder' }]);
    } finally {
      await client.shutdown();
    }
  });
});
