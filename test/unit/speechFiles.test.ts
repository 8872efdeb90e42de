import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanSpeechText, titleLineOf } from '../../core/src';
import { readCorpusFile } from '../../host/src';
import { writeUserCorpus } from '../userCorpusFixture';

describe('reading a user\'s speeches', () => {
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-read-'));
    await writeUserCorpus(folder);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('decodes GBK text', async () => {
    const read = await readCorpusFile(path.join(folder, '旧讲话.txt'));
    assert.ok(read.ok && read.text.startsWith('在全县安全生产会议上的讲话\r\n同志们：'));
  });

  it('reads the paragraphs of a .docx', async () => {
    const read = await readCorpusFile(path.join(folder, '防汛讲话.docx'));
    assert.ok(read.ok);
    assert.deepEqual(read.text.split('\n').filter(Boolean).slice(0, 2), ['在防汛工作会议上的讲话', '同志们：']);
  });

  it('drops Markdown syntax from .md', async () => {
    const file = path.join(folder, 'notes.md');
    fs.writeFileSync(file, '# 在会议上的讲话\n\n- **一要**压实责任。\n');
    const read = await readCorpusFile(file);
    assert.ok(read.ok);
    assert.equal(read.text, '在会议上的讲话\n\n一要压实责任。\n');
  });

  it('gives a one-line reason for what it cannot read', async () => {
    const reasons = await Promise.all(['scan.txt', 'scan.bin', 'missing.txt'].map(async name => {
      const read = await readCorpusFile(path.join(folder, name));
      return read.ok ? 'read' : read.reason;
    }));
    assert.deepEqual(reasons, [
      'binary file (contains NUL bytes)',
      'not a speech file (.bin): only .txt, .speech, .md and .docx are read',
      'cannot read (ENOENT)',
    ]);
    fs.writeFileSync(path.join(folder, 'broken.docx'), 'not a zip');
    const broken = await readCorpusFile(path.join(folder, 'broken.docx'));
    assert.ok(!broken.ok && /^not a readable \.docx/.test(broken.reason));
  });

  it('cleans line by line, keeping line numbers, and finds the title', () => {
    const lines = cleanSpeechText('在會議上的講話\n\n同志們:\n要堅持安全第一(ānquán)。');
    assert.deepEqual(lines, ['在会议上的讲话', '', '同志们：', '要坚持安全第一。']);
    assert.equal(titleLineOf(lines), 0);
    assert.equal(titleLineOf(['同志们：', '今天召开会议。']), undefined);
  });
});
