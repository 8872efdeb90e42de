import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, formatEdits } from '../../core/src';
import { random } from '../support/random';

const ROOT = path.resolve(__dirname, '../../..');
const format = (text: string, options = {}) => applyEdits(text, formatEdits(text, options));
/** What must never change: everything but punctuation and spaces. */
const substance = (text: string) => text.replace(/[\p{P}\s\u3000]/gu, '');


const PIECES = ['安全', '生产', '会议', '同志们', '𠮷', ',', ':', ';', '?', '!', '(', ')', '"', "'", '...', '…', ' ', '\u3000', '\n', '\r\n',
  'Word', 'x86', '10:00', '3,000', 'xx', '***', '20xx年', 'https://example.cn/a?b=1', 'a.b@c.cn', '（一）', '(一)', '1、', '。', '，', '“', '”'];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('the punctuation formatter', () => {
  it('fixes Chinese punctuation and spacing', () => {
    const cases: [string, string][] = [
      ['你好,世界:今天;是吗?好!', '你好，世界：今天；是吗？好！'],
      ['他说"我们要努力"。', '他说“我们要努力”。'],
      ["这是'重点'工作", '这是‘重点’工作'],
      ['会议...结束', '会议……结束'],
      ['全市 各县 区', '全市各县区'],
      ['(一)加强领导', '（一）加强领导'],
      ['第 一 , 要 抓 好 落 实 ?', '第一，要抓好落实？'],
      ['会议.主要任务', '会议。主要任务'],
      ['同志们 :', '同志们：'],
    ];
    for (const [before, after] of cases) assert.equal(format(before), after, before);
  });

  it('leaves Latin text, numbers, addresses, placeholders and indentation alone', () => {
    for (const text of ['Hello, world: yes', 'Word , 中文', '10 : 00开会', '1.道路交通', '2.9事故', '10:00开会', '共3,000元', '使用 Word 导出', '见https://example.cn/a?b=1', '　　同志们：', '20xx年x月x日', "it's", '出席：王　伟　张建国']) {
      assert.equal(format(text), text, text);
    }
    assert.equal(format('联系a.b@c.cn,谢谢'), '联系a.b@c.cn，谢谢');
  });

  it('turns 1、 into 1. only when asked, and never 3、4月份', () => {
    assert.equal(format('1、道路交通'), '1、道路交通');
    assert.equal(format('1、道路交通。2、建筑施工', { arabicDunToDot: true }), '1.道路交通。2.建筑施工');
    assert.equal(format('3、4月份是关键期', { arabicDunToDot: true }), '3、4月份是关键期');
  });

  it('leaves Markdown code and link targets alone', () => {
    const text = '见[第一部分](#第一部分,附录)和`a,b"c"`。\n```\n中文,代码\n```\n正文,好';
    assert.equal(format(text, { markdown: true }), '见[第一部分](#第一部分,附录)和`a,b"c"`。\n```\n中文,代码\n```\n正文，好');
  });

  it('formats a range without touching the text outside it', () => {
    const text = '甲,乙\n丙,丁\n戊,己';
    const edits = formatEdits(text, { range: { start: 4, end: 7 } });
    assert.equal(applyEdits(text, edits), '甲,乙\n丙，丁\n戊,己');
  });

  it('changes only punctuation and spaces, and is idempotent, on every corpus speech and the raw seed page', () => {
    const files = [
      ...fs.readdirSync(path.join(ROOT, 'corpus')).filter(f => /^speech-\d\d\.txt$/.test(f)).map(f => path.join(ROOT, 'corpus', f)),
      path.join(ROOT, 'test/fixtures/seed-page.txt'),
    ];
    assert.equal(files.length, 20);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const once = format(text);
      assert.equal(substance(once), substance(text), file);
      assert.equal(format(once), once, `${file} is not stable`);
    }
  });

  it('fixes the half-width punctuation of the raw seed page', () => {
    const seed = fs.readFileSync(path.join(ROOT, 'test/fixtures/seed-page.txt'), 'utf8');
    const halfWidthBetweenChinese = /\p{Script=Han}[,:;](?=\p{Script=Han})/gu;
    assert.ok((seed.match(halfWidthBetweenChinese)?.length ?? 0) > 100);
    assert.deepEqual(format(seed).match(halfWidthBetweenChinese), null);
  });

  it('changes only punctuation and spaces, and is idempotent, on 2,000 random texts', () => {
    const next = random(20261128);
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next, 1 + Math.floor(next() * 120));
      const once = format(text);
      assert.equal(substance(once), substance(text), JSON.stringify(text));
      assert.equal(format(once), once, `not stable: ${JSON.stringify(text)}`);
    }
  });
});
