// `speech-draft clean [--write] FILE…` through the built CLI, as a user runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { cleanPastedText } from '../../core/src';
import { scratchFolder } from '../support/scratch';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const PASTED = '<p>同志們:</p>\r\n要堅持人民至上(shàng),落實責任&hellip;\r\n下面是小编为大家整理的，供大家参考。\r\n';
const CLEANED = '同志们：\r\n要坚持人民至上，落实责任…\r\n';

function scratchFile(name: string, data: string | Buffer, mode?: number): string {
  const file = path.join(scratchFolder('clean-'), name);
  fs.writeFileSync(file, data);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

describe('speech-draft clean', () => {
  it('prints the cleaned text and says on stderr what it removed', () => {
    const file = scratchFile('a.txt', PASTED);
    const result = run('clean', file);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, CLEANED.replace(/\r\n$/, '\n'));
    assert.match(result.stderr, /1 pinyin readings.*1 furniture lines.*traditional characters/);
    assert.equal(fs.readFileSync(file, 'utf8'), PASTED, 'the file is left as it was');
  });

  it('prints for the raw seed page what the core pipeline makes of it', () => {
    const page = path.join(ROOT, 'test/fixtures/seed-page.txt');
    const result = run('clean', page);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(`${result.stdout}`, cleanPastedText(fs.readFileSync(page, 'utf8')).text.replace(/\n$/, '') + '\n');
    assert.match(result.stderr, /5108 pinyin readings/);
  });

  it('--write rewrites the file keeping its permissions and CRLF line endings', () => {
    const file = scratchFile('a.speech', PASTED, 0o600);
    const result = run('clean', '--write', file);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /a\.speech: .*pinyin readings/);
    assert.equal(fs.readFileSync(file, 'utf8'), CLEANED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  for (const [name, encode, decode] of [
    ['GBK', (t: string) => iconv.encode(t, 'gbk'), (b: Buffer) => iconv.decode(b, 'gbk')],
    ['UTF-8 with a BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), (b: Buffer) => (b[0] === 0xef ? b.subarray(3).toString('utf8') : '(no BOM)')],
  ] as const) {
    it(`--write keeps a ${name} file in its encoding`, () => {
      const file = scratchFile('a.txt', encode(PASTED));
      assert.equal(run('clean', '--write', file).status, 0);
      const bytes = fs.readFileSync(file);
      assert.deepEqual(bytes, encode(CLEANED));
      assert.equal(decode(bytes), CLEANED);
    });
  }

  it('leaves a clean file untouched with --write, and reports an unreadable one with exit 2', () => {
    const file = scratchFile('clean.speech', '同志们：\n要坚持人民至上。\n');
    const before = fs.statSync(file).mtimeMs;
    const result = run('clean', '--write', file, path.join(path.dirname(file), 'missing.speech'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing\.speech: cannot read/);
    assert.equal(fs.statSync(file).mtimeMs, before);
  });

  it('refuses an unknown option and a missing FILE', () => {
    assert.equal(run('clean', '--force', 'x').status, 2);
    assert.match(run('clean').stderr, /no FILE given/);
  });
});
