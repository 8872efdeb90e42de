// The standalone launcher other editors run: the server with the extension's Node options, in a child
// process that ends with it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LspClient } from './lspClient';

const LAUNCHER = path.resolve(__dirname, '../../../bin/speech-draft-server.js');

describe('bin/speech-draft-server.js', () => {
  it('serves LSP over stdio and exits with the server\'s exit code after shutdown and exit', async () => {
    const client = new LspClient({ server: LAUNCHER });
    const { serverInfo } = await client.initialize();
    assert.equal(serverInfo.name, 'speech-draft-server');
    await client.open('file:///launcher/a.speech', '一、甲\n三、丙\n');
    assert.deepEqual((await client.diagnostics('file:///launcher/a.speech')).map(d => d.code), ['numbering-gap']);
    const exited = new Promise<number | null>(resolve => client.process.on('exit', code => resolve(code)));
    await client.shutdown();
    assert.equal(await exited, 0);
  });
});
