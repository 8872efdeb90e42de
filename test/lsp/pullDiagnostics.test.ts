import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, PULL_CAPABILITIES } from './lspClient';

const SPEECH = [
  '在全市工作会议上的讲话', // 0
  '同志们：', // 1
  '一、提高政治站位', // 2
  '去年共发生事故xx起，涉及××个乡镇。', // 3
  '二、突出工作重点', // 4
  '要把安全生产放在首位。', // 5
].join('\n');

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
const places = (items: any[] | undefined) => items?.map(d => [d.code, d.range.start.line, d.range.start.character]);

describe('diagnostics pulled by a client that pulls them (LSP 3.17)', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    const { capabilities } = await client.initialize(PULL_CAPABILITIES);
    assert.deepEqual(capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
  });
  after(() => client.shutdown());

  it('answers a full report, then "unchanged" while an edit moves none of them', async () => {
    const uri = 'file:///pull/unchanged.speech';
    await client.open(uri, SPEECH);
    const first = await client.pullDiagnostics(uri);
    assert.equal(first.kind, 'full');
    assert.deepEqual(places(first.items), [['placeholder', 3, 7], ['placeholder', 3, 13]]);
    // Typed on a line below the placeholders: none of them moves.
    await client.change(uri, [{ range: at(5, 0), text: '始终' }]);
    assert.deepEqual(await client.pullDiagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A client that holds no report gets the whole of it.
    const again = await client.pullDiagnostics(uri);
    assert.equal(again.kind, 'full');
    assert.equal(again.resultId, first.resultId);
    assert.deepEqual(again.items, first.items);
  });

  it('answers a new report when an edit moves, adds or removes one', async () => {
    const uri = 'file:///pull/changed.speech';
    await client.open(uri, SPEECH);
    const first = await client.pullDiagnostics(uri);
    await client.change(uri, [{ range: at(3, 0), text: '全市' }]);
    const moved = await client.pullDiagnostics(uri, first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(places(moved.items), [['placeholder', 3, 9], ['placeholder', 3, 15]]);
    await client.change(uri, [{ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 11 } }, text: '3' }]);
    const filled = await client.pullDiagnostics(uri, moved.resultId);
    assert.deepEqual(places(filled.items), [['placeholder', 3, 14]]);
  });

  it('pushes nothing to such a client', async () => {
    const uri = 'file:///pull/silent.speech';
    await client.open(uri, SPEECH);
    await client.change(uri, [{ range: at(5, 0), text: '新' }]);
    await client.pullDiagnostics(uri);
    assert.deepEqual(client.publications.filter(p => p.uri.startsWith('file:///pull/')), []);
  });

  it('asks the client to pull again when the settings change, and the next pull follows them', async () => {
    const uri = 'file:///pull/settings.speech';
    await client.open(uri, SPEECH);
    const first = await client.pullDiagnostics(uri);
    const refreshes = client.diagnosticRefreshes;
    client.settings = { placeholders: { ignore: ['××'] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      await client.until(() => client.diagnosticRefreshes > refreshes, 'a diagnostic refresh');
      const after = await client.pullDiagnostics(uri, first.resultId);
      assert.equal(after.kind, 'full');
      assert.deepEqual(places(after.items), [['placeholder', 3, 7]]);
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });

  it('lists at most speechDraft.maxNumberOfProblems, with a note at the first left out, and all of them when it is 0', async () => {
    const text = Array.from({ length: 1005 }, (_, i) => `第${i + 1}项工作，由xx负责。`).join('\n');
    const listed = new LspClient();
    await listed.initialize(PULL_CAPABILITIES);
    const all = new LspClient();
    all.settings = { maxNumberOfProblems: 0 };
    await all.initialize(PULL_CAPABILITIES);
    try {
      const uri = 'file:///pull/many.speech';
      await listed.open(uri, text);
      const first = await listed.pullDiagnostics(uri);
      assert.equal(first.items!.length, 1001);
      assert.deepEqual(places(first.items!.slice(999)), [['placeholder', 999, text.split('\n')[999].indexOf('xx')], ['problems-omitted', 1000, text.split('\n')[1000].indexOf('xx')]]);
      assert.equal(first.items![1000].severity, 3);
      assert.match(first.items![1000].message, /5 处.*1000 处/);
      // Typed before a placeholder that is not listed: what is listed stays as it was.
      await listed.change(uri, [{ range: at(1003, 0), text: '新' }]);
      assert.equal((await listed.pullDiagnostics(uri, first.resultId)).kind, 'unchanged');
      await all.open(uri, text);
      const report = await all.pullDiagnostics(uri);
      assert.equal(report.items!.length, 1005);
      assert.ok(report.items!.every(d => d.code === 'placeholder'));
    } finally {
      await Promise.all([listed.shutdown(), all.shutdown()]);
    }
  });

  it('answers an empty report for a document whose language the features are off for', async () => {
    const uri = 'file:///pull/notes.txt';
    await client.open(uri, SPEECH, 'plaintext');
    const report = await client.pullDiagnostics(uri);
    assert.deepEqual([report.kind, report.items], ['full', []]);
  });
});
