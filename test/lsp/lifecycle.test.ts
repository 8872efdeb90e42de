// The server's life cycle and its mining process under misuse: requests out of turn, rebuilds on
// top of each other, a killed mining process, a killed server, a workspace pointing outside itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { writeUserCorpus } from '../userCorpusFixture';
import { LspClient } from './lspClient';

const scratch = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** The server's mining process, once it runs. */
async function miningChild(client: LspClient): Promise<number> {
  let pid: number | undefined;
  await client.until(() => {
    // ps exits 1 while the server has no child yet.
    const { stdout } = spawnSync('ps', ['-o', 'pid=', '--ppid', String(client.process.pid)], { encoding: 'utf8' });
    pid = stdout.split('\n').map(Number).find(n => n > 0);
    return pid !== undefined;
  }, 'the mining process', 60_000);
  return pid!;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Enough speeches that mining them takes a while after the segmenter is loaded. */
function manySpeeches(folder: string, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  const paragraph = '要坚持安全第一、预防为主、综合治理，压紧压实各方责任，守住不发生重大事故的底线。';
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(folder, `${i}.txt`), `在第${i}次会议上的讲话\n${paragraph.repeat(400)}\n`);
}

describe('the LSP life cycle', () => {
  it('answers a request before initialize with ServerNotInitialized, and after shutdown with InvalidRequest', async () => {
    const client = new LspClient();
    await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///a.speech' } }), { code: -32002 });
    await client.initialize();
    await assert.rejects(client.request('initialize', { processId: null, rootUri: null, capabilities: {} }), { code: -32600 });
    await client.open('file:///a.speech', '一、总体要求');
    assert.equal((await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///a.speech' } })).length, 1);
    await client.request('shutdown', {});
    await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///a.speech' } }), { code: -32600 });
    await client.connection.sendNotification('exit');
    await new Promise(resolve => client.process.once('exit', resolve));
    assert.equal(client.process.exitCode, 0);
    client.connection.dispose();
  });
});

describe('mining the user\'s corpus under misuse', () => {
  it('finishes rebuilds started while one is mining, and keeps answering', async () => {
    const folder = scratch('speech-corpus-');
    manySpeeches(folder, 30);
    const client = new LspClient();
    try {
      client.settings = { corpus: { paths: [folder] } };
      await client.initialize(undefined, { initializationOptions: { storagePath: path.join(folder, '.storage') } });
      const first = client.request('speechDraft/rebuildCorpus', {});
      await miningChild(client);
      const reports = await Promise.all([first, client.request('speechDraft/rebuildCorpus', {}), client.request('speechDraft/rebuildCorpus', {})]);
      for (const report of reports) assert.equal(report.files, 30, JSON.stringify(report));
      await client.open('file:///b.speech', '一、总体要求');
      assert.equal((await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///b.speech' } })).length, 1);
    } finally {
      await client.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says clearly that the mining process was stopped when it is killed, and mines again on request', async () => {
    const folder = scratch('speech-corpus-');
    manySpeeches(folder, 60);
    const client = new LspClient();
    try {
      client.settings = { corpus: { paths: [folder] } };
      await client.initialize(undefined, { initializationOptions: { storagePath: path.join(folder, '.storage') } });
      const rebuilt = client.request('speechDraft/rebuildCorpus', {});
      process.kill(await miningChild(client), 'SIGKILL');
      const report = await rebuilt;
      assert.match(report.error, /mining process was stopped \(SIGKILL\)/);
      assert.equal((await client.request('speechDraft/rebuildCorpus', {})).files, 60);
    } finally {
      await client.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops the mining process when the server is killed, before it has read everything', async () => {
    const folder = scratch('speech-corpus-');
    const storage = path.join(folder, '.storage');
    manySpeeches(path.join(folder, 'speeches'), 200);
    const client = new LspClient();
    client.settings = { corpus: { paths: [path.join(folder, 'speeches')] } };
    await client.initialize(undefined, { initializationOptions: { storagePath: storage } });
    void client.request('speechDraft/rebuildCorpus', {}).catch(() => undefined);
    const child = await miningChild(client);
    client.process.kill('SIGKILL');
    await client.until(() => !isRunning(child), 'the mining process to exit', 60_000);
    const cached = fs.existsSync(path.join(storage, 'corpus-cache')) ? fs.readdirSync(path.join(storage, 'corpus-cache')).length : 0;
    assert.ok(cached < 200, `it stopped early (${cached} files segmented)`);
    client.connection.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads no folder outside the workspace through a relative path', async () => {
    const root = scratch('speech-ws-');
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace);
    await writeUserCorpus(path.join(root, 'outside'));
    await writeUserCorpus(path.join(workspace, 'inside'));
    const client = new LspClient();
    try {
      client.settings = { corpus: { paths: ['../outside', 'inside'] } };
      await client.initialize(undefined, { workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }], initializationOptions: { storagePath: path.join(root, '.storage') } });
      const report = await client.request('speechDraft/rebuildCorpus', {});
      assert.equal(report.files, 2, 'only the folder inside is mined');
      assert.deepEqual(report.skipped.find((s: any) => s.file === '../outside'),
        { file: '../outside', reason: 'a relative path must stay inside the workspace folder: write the folder as an absolute path' });
    } finally {
      await client.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
