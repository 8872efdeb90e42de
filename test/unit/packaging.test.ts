// What `npm run package` puts in the .vsix, per target (vsce ls with the ignore file the script writes).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

async function packagedFiles(...args: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--list', ...args], { cwd: ROOT });
  return stdout.split('\n').map(line => line.trim()).filter(Boolean);
}

describe('the .vsix', () => {
  it('universal: both segmenters, nodejieba\'s binary for this platform; for another target: no binary that cannot load there', async () => {
    const [universal, windows] = await Promise.all([packagedFiles(), packagedFiles('--target', process.platform === 'win32' ? 'linux-arm64' : 'win32-x64')]);
    const binary = 'node_modules/nodejieba/build/Release/nodejieba.node';
    assert.ok(universal.includes(binary), universal.join('\n'));
    assert.ok(!windows.includes(binary), windows.join('\n'));
    for (const files of [universal, windows]) {
      for (const needed of [
        'dist/server.js', 'dist/languageServer.js', 'dist/miningProcess.js', 'dist/lazy/opencc-js.js', 'dist/lazy/docx.js', 'dist/lazy/re2js.js', 'dist/lazy/jszip.js', 'corpus/mined.json',
        'node_modules/jieba-wasm/package.json', 'node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm.js', 'node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm_bg.wasm',
        'node_modules/nodejieba/package.json', 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8', 'node_modules/nodejieba/submodules/cppjieba/dict/user.dict.utf8',
      ]) assert.ok(files.includes(needed), `${needed} is missing`);
      assert.ok(!files.some(file => /(^|\/)(test|src)\//.test(file) || file.endsWith('.ts') || file.endsWith('.map')), files.join('\n'));
    }
  });
});
