// The user's files are never lost: what `format --write`, `export` and `corpus import` may and may
// not write, through the built CLI as a user runs it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { replaceFileContent, WriteRefused } from '../../host/src/files';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

const UNFORMATTED = '同志们:\r\n要坚持"安全第一",落实责任...\r\n';
const FORMATTED = '同志们：\r\n要坚持“安全第一”，落实责任……\r\n';

function scratchFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'speech-files-'));
}

function scratchFile(name: string, data: string | Buffer, mode?: number): string {
  const file = path.join(scratchFolder(), name);
  fs.writeFileSync(file, data);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

describe('format --write keeps what makes the file the user\'s', () => {
  it('keeps the permissions of a private file and its CRLF line endings', () => {
    const file = scratchFile('a.speech', UNFORMATTED, 0o600);
    const result = run('format', '--write', file);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), FORMATTED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('keeps the owner of a file another user owns', { skip: process.getuid?.() !== 0 && 'only root can give a file to another user' }, () => {
    const file = scratchFile('a.speech', UNFORMATTED, 0o666);
    fs.chownSync(file, 65534, 65534);
    assert.equal(run('format', '--write', file).status, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), FORMATTED);
    assert.deepEqual([fs.statSync(file).uid, fs.statSync(file).gid], [65534, 65534]);
  });

  it('refuses a read-only file, even for a user who could write it, and leaves it as it was', () => {
    const file = scratchFile('a.speech', UNFORMATTED, 0o444);
    const result = run('format', '--write', file);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /read-only/);
    assert.equal(fs.readFileSync(file, 'utf8'), UNFORMATTED);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('writes the target of a symbolic link and keeps the link', () => {
    const target = scratchFile('real.speech', UNFORMATTED);
    const link = path.join(scratchFolder(), 'link.speech');
    fs.symlinkSync(target, link);
    assert.equal(run('format', '--write', link).status, 0);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), FORMATTED);
  });

  it('keeps a hard-linked file one file', () => {
    const file = scratchFile('a.speech', UNFORMATTED);
    const twin = path.join(path.dirname(file), 'b.speech');
    fs.linkSync(file, twin);
    assert.equal(run('format', '--write', file).status, 0);
    assert.equal(fs.readFileSync(twin, 'utf8'), FORMATTED);
  });

  for (const [name, encode] of [
    ['GBK', (t: string) => iconv.encode(t, 'gbk')],
    ['UTF-8 with BOM', (t: string) => Buffer.from('\ufeff' + t, 'utf8')],
    ['UTF-16LE with BOM', (t: string) => iconv.encode(t, 'utf-16le', { addBOM: true })],
    ['UTF-16BE with BOM', (t: string) => iconv.encode(t, 'utf-16be', { addBOM: true })],
  ] as const) {
    it(`keeps a ${name} file in ${name}`, () => {
      const file = scratchFile('a.speech', encode(UNFORMATTED));
      assert.equal(run('format', '--write', file).status, 0);
      assert.deepEqual(fs.readFileSync(file), encode(FORMATTED));
    });
  }

  it('refuses to write over a change made after the file was read', () => {
    const file = scratchFile('a.speech', UNFORMATTED);
    const read = fs.readFileSync(file);
    fs.appendFileSync(file, '补充一句。\r\n');
    assert.throws(() => replaceFileContent(file, Buffer.from(FORMATTED), read), WriteRefused);
    assert.equal(fs.readFileSync(file, 'utf8'), UNFORMATTED + '补充一句。\r\n');
  });

  it('goes on with the other files and exits 2 when one cannot be written', () => {
    const locked = scratchFile('locked.speech', UNFORMATTED, 0o444);
    const open = scratchFile('open.speech', UNFORMATTED);
    const result = run('format', '--write', locked, open);
    assert.equal(result.status, 2);
    assert.equal(fs.readFileSync(open, 'utf8'), FORMATTED);
  });
});

describe('export writes only a file it may replace', () => {
  const speech = () => scratchFile('a.speech', '在会议上的讲话\n同志们：\n一、提高认识\n');

  it('refuses a pipe or other special file even with --force, and leaves it as it is', () => {
    const fifo = path.join(scratchFolder(), 'out.docx');
    execFileSync('mkfifo', [fifo]);
    const result = run('export', speech(), '--docx', fifo, '--force');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /a pipe/);
    assert.ok(fs.statSync(fifo).isFIFO());
  });

  it('says so, without a stack trace or a leftover temporary file, for a folder or a missing folder', () => {
    const folder = scratchFolder();
    for (const [target, reason] of [[folder, /is a folder/], [path.join(folder, 'missing', 'a.docx'), /does not exist/]] as const) {
      const result = run('export', speech(), '--docx', target, '--force');
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, reason);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('replaces an existing file with --force, keeping its permissions', () => {
    const target = scratchFile('out.docx', 'old', 0o640);
    assert.equal(run('export', speech(), '--docx', target, '--force').status, 0);
    assert.equal(fs.readFileSync(target).subarray(0, 2).toString(), 'PK');
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
  });
});

describe('corpus import never writes among the originals', () => {
  it('refuses an --out folder that is a link to the sources', () => {
    const folder = scratchFolder();
    const sources = path.join(folder, 'src');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'a.txt'), '在会议上的讲话\n同志们，要坚持安全第一。\n');
    fs.symlinkSync(sources, path.join(folder, 'out'));
    const result = run('corpus', 'import', sources, '--out', path.join(folder, 'out'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /replace or mix with your originals/);
    assert.deepEqual(fs.readdirSync(sources), ['a.txt']);
    assert.equal(fs.readFileSync(path.join(sources, 'a.txt'), 'utf8'), '在会议上的讲话\n同志们，要坚持安全第一。\n');
  });

  it('keeps a speech named like the import report', () => {
    const folder = scratchFolder();
    const sources = path.join(folder, 'src');
    fs.mkdirSync(sources);
    fs.writeFileSync(path.join(sources, 'import-report.md'), '在会议上的讲话\n同志们，要坚持安全第一。\n');
    const out = path.join(folder, 'out');
    assert.equal(run('corpus', 'import', sources, '--out', out).status, 0);
    assert.match(fs.readFileSync(path.join(out, 'import-report.txt'), 'utf8'), /^# Import report/);
    assert.match(fs.readFileSync(path.join(out, 'import-report-2.txt'), 'utf8'), /要坚持安全第一/);
  });
});
