import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { writeUserCorpus } from '../userCorpusFixture';
import { scratchFolder } from '../support/scratch';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

function scratchFile(name: string, data: string | Buffer): string {
  const dir = scratchFolder('cli-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('speech-draft CLI (built bundle)', () => {
  it('analyze --json prints the nested outline with 0-based lines and UTF-16 characters', () => {
    const file = scratchFile('a.speech', '标题\n一、总体要求\n（一）指导思想。一是坚持𠮷xx。\n');
    const result = run('analyze', '--json', file);
    assert.equal(result.status, 0);
    const report = JSON.parse(result.stdout);
    assert.equal(report.file, file);
    const [first] = report.headings;
    assert.deepEqual([first.level, first.kind, first.marker, first.text, first.line, first.character, first.inline], [1, 'cn-dun', '一、', '总体要求', 1, 0, false]);
    const shi = first.children[0].children[0];
    assert.deepEqual([shi.kind, shi.inline, shi.line, shi.character], ['shi', true, 2, 8]);
    assert.deepEqual(report.placeholders, [{ text: 'xx', line: 2, character: 14 }]);
    assert.deepEqual(Object.keys(report.stats), ['characters', 'minutes']);
  });

  it('check prints file:line:col lines and exits 1 while warnings remain, 0 when clean', () => {
    const dirty = scratchFile('d.speech', '一、甲\n三、乙xx\n');
    const result = run('check', dirty);
    assert.equal(result.status, 1);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      `${dirty}:2:1: warning: 编号不连续：“三、”前缺少“二、” [numbering-gap]`,
      `${dirty}:2:4: warning: 未填写的占位符“xx” [placeholder]`,
    ]);
    assert.equal(run('check', scratchFile('c.speech', '一、甲\n二、乙\n')).status, 0);
  });

  it('reads GBK files correctly', () => {
    const file = scratchFile('gbk.txt', iconv.encode('一、提高站位\n二、强化保障\n', 'gbk'));
    const report = JSON.parse(run('analyze', '--json', file).stdout);
    assert.deepEqual(report.headings.map((h: { text: string }) => h.text), ['提高站位', '强化保障']);
  });

  it('refuses unreadable input with a clear message and exit 2', () => {
    const binary = scratchFile('b.speech', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const result = run('check', binary);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read as text: binary file/);
    assert.equal(run('check', '/nonexistent/x.speech').status, 2);
    assert.equal(run('frobnicate', 'x').status, 2);
  });

  it('corpus import turns a user\'s .txt (GBK) and .docx into clean UTF-8 speeches and reports what it skipped', async () => {
    const folder = scratchFolder('cli-user-');
    await writeUserCorpus(path.join(folder, 'mine'));
    const out = path.join(folder, 'out');
    const result = run('corpus', 'import', path.join(folder, 'mine'), '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^2 speeches written to .*; 2 skipped\nskipped: .*scan\.bin: not a speech file/);
    assert.equal(fs.readFileSync(path.join(out, '旧讲话.txt'), 'utf8').split('\n')[0], '在全县安全生产会议上的讲话');
    assert.match(fs.readFileSync(path.join(out, '防汛讲话.txt'), 'utf8'), /守土有责、守土担责、守土尽责/);
    assert.match(fs.readFileSync(path.join(out, 'import-report.txt'), 'utf8'), /scan\.txt\tbinary file \(contains NUL bytes\)/);
    const mined = run('corpus', 'mine', out, '--out', path.join(folder, 'index.json'), '--snippets', path.join(folder, 's.code-snippets'));
    assert.equal(mined.status, 0, mined.stderr);
    assert.match(mined.stdout, /^2 speeches mined into .*: \d+ phrases, 1 parallel slogans/);
    // Says once which segmenter it used.
    assert.match(mined.stdout, process.env.SPEECH_DRAFT_SEGMENTER === 'portable' ? /\nsegmenter: jieba-wasm .*\(SPEECH_DRAFT_SEGMENTER=portable\)\n/ : /\nsegmenter: nodejieba [\d.]+\n/);
    const index = JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8'));
    assert.deepEqual(index.speeches.map((s: { title: string }) => s.title), ['在全县安全生产会议上的讲话', '在防汛工作会议上的讲话']);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('corpus import never writes over the originals', async () => {
    const folder = scratchFolder('cli-own-');
    try {
      await writeUserCorpus(folder);
      const before = fs.readFileSync(path.join(folder, '旧讲话.txt'));
      for (const out of [folder, path.join(folder, 'cleaned')]) {
        const result = run('corpus', 'import', folder, '--out', out);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /would replace or mix with your originals/);
      }
      assert.deepEqual(fs.readFileSync(path.join(folder, '旧讲话.txt')), before);
      assert.equal(fs.existsSync(path.join(folder, 'cleaned')), false);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('corpus import reads the extension\'s own .speech drafts, and exits 2 when no input exists', async () => {
    const folder = scratchFolder('cli-drafts-');
    try {
      fs.mkdirSync(path.join(folder, 'drafts'));
      fs.writeFileSync(path.join(folder, 'drafts', '去年.speech'), '在会议上的讲话\n同志们，要坚持安全第一。\n');
      const result = run('corpus', 'import', path.join(folder, 'drafts'), '--out', path.join(folder, 'out'));
      assert.equal(result.status, 0, result.stderr);
      assert.match(fs.readFileSync(path.join(folder, 'out', '去年.txt'), 'utf8'), /要坚持安全第一/);
      const missing = run('corpus', 'import', path.join(folder, 'nothing-here'), '--out', path.join(folder, 'out2'));
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /no such file or folder; nothing imported/);
      assert.equal(fs.existsSync(path.join(folder, 'out2')), false);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('export warns about unfilled placeholders, and refuses them with --strict', () => {
    const folder = scratchFolder('cli-export-');
    try {
      const speech = path.join(folder, 'a.speech');
      fs.writeFileSync(speech, '在xx县会议上的讲话\n同志们：\n今年共完成xx项任务。\n');
      const strict = run('export', speech, '--docx', path.join(folder, 'strict.docx'), '--strict');
      assert.equal(strict.status, 2);
      assert.match(strict.stderr, /2 placeholder\(s\) still unfilled, the first “xx” at .*a\.speech:1:2; nothing exported/);
      assert.equal(fs.existsSync(path.join(folder, 'strict.docx')), false);
      const warned = run('export', speech, '--docx', path.join(folder, 'a.docx'));
      assert.equal(warned.status, 0, warned.stderr);
      assert.match(warned.stderr, /warning: 2 placeholder\(s\) still unfilled/);
      assert.ok(fs.existsSync(path.join(folder, 'a.docx')));
      const clean = path.join(folder, 'clean.speech');
      fs.writeFileSync(clean, '在会议上的讲话\n同志们：\n今年共完成三项任务。\n');
      const quiet = run('export', clean, '--docx', path.join(folder, 'clean.docx'), '--strict');
      assert.deepEqual([quiet.status, quiet.stderr], [0, '']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('corpus commands explain what is missing', () => {
    const result = run('corpus', 'mine', 'corpus/');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^--out is required/);
    assert.match(run('corpus', 'mine', '/nonexistent', '--out', '/tmp/x.json').stderr, /\/nonexistent: no such file or folder/);
  });

  it('refuses wrong arguments with the reason and the usage, exit 2, before touching any file', () => {
    for (const [args, reason] of [
      [['analyze', '--jsn', 'samples/sample.speech'], /Unknown option '--jsn'/],
      [['export', 'samples/sample.speech', '--docx'], /'--docx <value>' argument missing/],
      [['export', 'samples/sample.speech'], /^--docx OUT\.docx is required/],
      [['format', '--write'], /^no FILE given/],
      [['fonts', 'install', 'extra'], /^unexpected extra/],
      [['speak'], /^unknown command speak/],
    ] as const) {
      const result = run(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, reason);
      assert.match(result.stderr, /usage:/);
      assert.equal(result.stdout, '');
    }
  });
});
