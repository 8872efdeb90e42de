// The server's start from V8's code cache of its bundle (server/src/launch.ts): made when a process
// that found none ends, used as it is by the next, made anew when unusable, and never in the way.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CODE_CACHE_FOLDER_VARIABLE } from '../../protocol';
import { LspClient, PULL_CAPABILITIES } from './lspClient';

const URI = 'file:///code-cache/a.speech';

/** One server's life with the cache in `folder`: the codes of its diagnostics of a short draft. */
async function serve(folder: string): Promise<string[]> {
  const client = new LspClient({ env: { ...process.env, [CODE_CACHE_FOLDER_VARIABLE]: folder } });
  await client.initialize(PULL_CAPABILITIES);
  await client.open(URI, '一、甲\n三、丙\n请于x月x日前报送。\n');
  const codes = (await client.diagnostics(URI)).map(d => d.code);
  await client.shutdown();
  return codes;
}

const cacheFiles = (folder: string) => fs.readdirSync(folder).filter(name => name.endsWith('.bin'));

describe('the code cache', () => {
  const expected = ['numbering-gap', 'placeholder'];

  it('is made by the first server, read unchanged by the next, and made anew when V8 cannot use it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-code-cache-'));
    try {
      assert.deepEqual(await serve(folder), expected);
      const [file] = cacheFiles(folder);
      assert.ok(file, 'a cache is made when the server ends');
      const made = fs.statSync(path.join(folder, file));
      assert.ok(made.size > 100_000, `${made.size} bytes`);

      assert.deepEqual(await serve(folder), expected);
      const reused = fs.statSync(path.join(folder, file));
      assert.deepEqual([reused.ino, reused.mtimeMs], [made.ino, made.mtimeMs], 'a usable cache is not written again');

      fs.writeFileSync(path.join(folder, file), 'not a code cache');
      assert.deepEqual(await serve(folder), expected);
      assert.ok(fs.statSync(path.join(folder, file)).size > 100_000, 'an unusable cache is replaced');
      assert.deepEqual(cacheFiles(folder), [file]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('made by a server that lived through its idle collection is used as it is by the next', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-code-cache-'));
    try {
      const client = new LspClient({ env: { ...process.env, [CODE_CACHE_FOLDER_VARIABLE]: folder } });
      await client.initialize(PULL_CAPABILITIES);
      await client.open(URI, '一、甲\n三、丙\n');
      await client.diagnostics(URI);
      // The collection runs a second after the last request (server/src/idleCollector.ts); nothing
      // tells when, so the test outwaits it. A flag it changed would make V8 reject this cache.
      await new Promise(resolve => setTimeout(resolve, 2000));
      await client.shutdown();
      const [file] = cacheFiles(folder);
      const made = fs.statSync(path.join(folder, file));
      assert.deepEqual(await serve(folder), expected);
      const reused = fs.statSync(path.join(folder, file));
      assert.deepEqual([reused.ino, reused.mtimeMs], [made.ino, made.mtimeMs], 'the cache is not made again');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('of an older build for the same Node is removed when the new one is made', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-code-cache-'));
    try {
      await serve(folder);
      const [file] = cacheFiles(folder);
      const runtime = file.slice(0, file.indexOf('-'));
      fs.renameSync(path.join(folder, file), path.join(folder, `${runtime}-0000older0build.bin`));
      fs.writeFileSync(path.join(folder, 'other0runtime-0000.bin'), 'another Node\'s cache');
      await serve(folder);
      assert.deepEqual(cacheFiles(folder).sort(), [file, 'other0runtime-0000.bin'].sort());
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('where it cannot be written, the server serves and exits as it would without', async () => {
    const blocked = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-code-cache-'));
    try {
      // A file where the folder would be made.
      fs.writeFileSync(path.join(blocked, 'file'), '');
      const client = new LspClient({ env: { ...process.env, [CODE_CACHE_FOLDER_VARIABLE]: path.join(blocked, 'file', 'code-cache') } });
      await client.initialize(PULL_CAPABILITIES);
      await client.open(URI, '一、甲\n三、丙\n');
      assert.deepEqual((await client.diagnostics(URI)).map(d => d.code), ['numbering-gap']);
      const exited = new Promise<number | null>(resolve => client.process.on('exit', code => resolve(code)));
      await client.shutdown();
      assert.equal(await exited, 0);
    } finally {
      fs.rmSync(blocked, { recursive: true, force: true });
    }
  });
});
