import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { after, before, describe, it } from 'node:test';
import { applyEdits, LineIndex } from '../../core/src';
import { random, randomEdit, speechLike } from '../support/random';
import { DEFAULT_CAPABILITIES, LspClient, PULL_CAPABILITIES } from './lspClient';

/** Per way of getting diagnostics: pushed, and pulled naming the report held ("unchanged" must be true). */
const EDIT_SEQUENCES = 200;
const EDITS_PER_SEQUENCE = 6;

/** The outline and diagnostics as an editor sees them, without what differs between documents. */
async function shown(client: LspClient, uri: string) {
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const diagnostics = await client.diagnostics(uri);
  return { symbols, diagnostics: diagnostics.map(d => [d.range, d.code, d.message]) };
}

for (const [diagnosticsAre, capabilities, seed] of [['pushed', DEFAULT_CAPABILITIES, 2026], ['pulled', PULL_CAPABILITIES, 2027]] as const) describe(`incremental sync, diagnostics ${diagnosticsAre}`, () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize(capabilities);
  });
  after(() => client.shutdown());

  it(`gives the outline and diagnostics of a fresh open after every step of ${EDIT_SEQUENCES} random edit sequences`, async () => {
    const next = random(seed);
    for (let sequence = 0; sequence < EDIT_SEQUENCES; sequence++) {
      const uri = `file:///sync/${sequence}.speech`;
      let text = speechLike(next, 8 + Math.floor(next() * 30));
      await client.open(uri, text);
      for (let step = 0; step < EDITS_PER_SEQUENCE; step++) {
        // One or two changes a notification (each at the offsets the one before left), now and then a new text whole.
        const changes: object[] = [];
        for (let k = next() < 0.3 ? 2 : 1; k > 0; k--) {
          if (next() < 0.05) {
            text = speechLike(next, 8 + Math.floor(next() * 30));
            changes.push({ text });
            continue;
          }
          const edit = randomEdit(next, text);
          const lines = new LineIndex(text);
          changes.push({ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, text: edit.newText });
          text = applyEdits(text, [edit]);
        }
        await client.change(uri, changes);
        // Some edits are not looked at before the next: the server counts what they left alone over both.
        if (step < EDITS_PER_SEQUENCE - 1 && next() < 0.25) continue;
        const fresh = `file:///sync/${sequence}-${step}-fresh.speech`;
        await client.open(fresh, text);
        assert.deepEqual(await shown(client, uri), await shown(client, fresh), `sequence ${sequence}, step ${step}: ${JSON.stringify(text)}`);
        await client.close(fresh);
      }
      await client.close(uri);
    }
  });
});

describe('misuse', () => {
  let client: LspClient;
  const uri = 'file:///misuse/a.speech';
  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, '一、提高站位𠮷\n（一）压实责任，克服麻痹\n');
  });
  after(() => client.shutdown());

  const requests = (target: string, position: { line: number; character: number }) => [
    ['textDocument/documentSymbol', { textDocument: { uri: target } }],
    ['textDocument/foldingRange', { textDocument: { uri: target } }],
    ['textDocument/hover', { textDocument: { uri: target }, position }],
    ['textDocument/completion', { textDocument: { uri: target }, position }],
    ['textDocument/codeAction', { textDocument: { uri: target }, range: { start: position, end: position }, context: { diagnostics: [] } }],
    ['textDocument/formatting', { textDocument: { uri: target }, options: { tabSize: 2, insertSpaces: true } }],
    ['textDocument/semanticTokens/full', { textDocument: { uri: target } }],
    ['speechDraft/statistics', { uri: target }],
    ['speechDraft/fillPlaceholder', { uri: target, position, value: 'x' }],
  ] as const;

  it('answers requests for unknown documents and impossible positions without failing', async () => {
    for (const [target, position] of [
      ['file:///misuse/unknown.speech', { line: 0, character: 0 }],
      [uri, { line: 9999, character: 9999 }],
      [uri, { line: 0, character: 7 }], // inside the surrogate pair of 𠮷
      [uri, { line: -1, character: -5 }],
    ] as const) {
      for (const [method, params] of requests(target, position)) {
        await client.request(method, params).catch((error: { code?: number }) => assert.ok(typeof error.code === 'number', `${method}: ${String(error)}`));
      }
    }
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, '一、提高站位𠮷', 'the server still serves');
  });

  it('survives cancelled requests', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => {
      const source = new CancellationTokenSource();
      const result = client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 11 } }, source.token)
        .then(() => 'answered', () => 'cancelled');
      source.cancel();
      return result;
    }));
    assert.ok(results.every(r => r === 'answered' || r === 'cancelled'));
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 11 } });
    assert.ok(list.items.length > 0);
  });

  it('takes defaults for wrongly typed settings', async () => {
    client.settings = { placeholders: { enabled: 'yes', ignore: 42 }, speakingRate: -3, formulas: { custom: 'x', superseded: 1 }, export: 7, corpus: { paths: [1, 2] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'xx' }]);
    assert.deepEqual((await client.diagnostics(uri)).map(d => d.code), ['placeholder']);
    client.settings = {};
  });

  it('declines a 20 MB document with a message, and keeps serving others', async () => {
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (params: { message: string }) => { messages.push(params.message); });
    const huge = 'file:///misuse/huge.speech';
    await client.open(huge, '一、标题xx\n'.repeat(1_250_000));
    assert.deepEqual(await client.diagnostics(huge, 60000), []);
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri: huge } }), null);
    await client.until(() => messages.some(m => /5000000/.test(m)), 'the warning');
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
  });
});

describe('the server process', () => {
  it('exits when the editor that started it dies', async () => {
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']);
    const client = new LspClient();
    await client.connection.sendRequest('initialize', { processId: parent.pid, rootUri: null, capabilities: {} });
    const exited = new Promise<number | null>(resolve => client.process.once('exit', resolve));
    parent.kill('SIGKILL');
    // vscode-languageserver checks on its parent every few seconds.
    assert.notEqual(await Promise.race([exited.then(() => 'exited'), new Promise(resolve => setTimeout(() => resolve('still running'), 15000))]), 'still running');
    client.connection.dispose();
  });
});
