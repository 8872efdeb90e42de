// A request the client cancels while a huge document is being analysed gets no result computed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { LspClient } from './lspClient';

describe('cancelled requests', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  it('answer nothing when cancelled while the analysis they wait for runs, and the next request is answered', async () => {
    const uri = 'file:///cancel/huge.speech';
    // Far past the size analysed in slices: its analysis spans many turns of the server's event loop.
    await client.open(uri, Array.from({ length: 100_000 }, (_, i) => `一、第${i}部分要抓好落实xx。`).join('\n'));
    const source = new CancellationTokenSource();
    const outline = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    assert.equal(await outline, null);
    const again = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(again.length, 10_000);
  });
});
