import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits } from '../../core/src';

const problems = (text: string) => analyze(text).diagnostics.filter(d => d.code !== 'placeholder');

function applyFirstFix(text: string): string {
  const [problem] = problems(text);
  return applyEdits(text, problem.fixes[0].edits);
}

describe('numbering checks', () => {
  it('is silent on a well-numbered speech', () => {
    assert.deepEqual(problems('一、甲\n（一）乙\n（二）丙\n二、丁\n首先，要快。其次，要稳。最后，要实。'), []);
  });

  it('flags a gap and renumbers the sequence', () => {
    const text = '一、甲\n二、乙\n四、丙\n五、丁';
    const [gap] = problems(text);
    assert.equal(gap.code, 'numbering-gap');
    assert.equal(gap.message, '编号不连续：“四、”前缺少“三、”');
    assert.equal(text.slice(gap.range.start, gap.range.end), '四、');
    assert.equal(applyFirstFix(text), '一、甲\n二、乙\n三、丙\n四、丁');
  });

  it('flags a repeat', () => {
    const text = '（一）甲\n（二）乙\n（二）丙';
    assert.deepEqual(problems(text).map(d => d.code), ['numbering-repeat']);
    assert.equal(applyFirstFix(text), '（一）甲\n（二）乙\n（三）丙');
  });

  it('flags disorder of 首先…最后…其次 and reorders the words', () => {
    const text = '首先，统一思想。最后，强化保障。其次，压实责任。';
    assert.deepEqual(problems(text).map(d => d.code), ['numbering-order']);
    assert.equal(applyFirstFix(text), '首先，统一思想。其次，强化保障。最后，压实责任。');
  });

  it('flags a sequence that does not start at one', () => {
    assert.deepEqual(problems('二、甲\n三、乙').map(d => d.code), ['numbering-start']);
  });

  it('checks each parent\'s children separately and restarts at 一', () => {
    assert.deepEqual(problems('一、甲\n（一）乙\n（二）丙\n二、丁\n（一）戊\n（二）己'), []);
    assert.deepEqual(problems('（一）甲。一是快。二是稳。\n（二）乙。一是实。二是好。'), []);
  });

  it('flags half-width parentheses and normalises only the parentheses', () => {
    const text = '(一)加强领导\n(1)细化方案';
    const found = problems(text);
    assert.deepEqual(found.map(d => [d.code, d.severity]), [['marker-style', 'information'], ['marker-style', 'information']]);
    assert.equal(found[0].message, '序号“(一)”使用了半角括号，应为“（一）”');
    assert.equal(applyEdits(text, found[0].fixes[0].edits), '（一）加强领导\n(1)细化方案');
  });

  it('flags 1、 and changes it to 1.', () => {
    const text = '1、道路交通';
    assert.equal(applyFirstFix(text), '1.道路交通');
  });

  it('renumbers arabic markers past nine', () => {
    const text = Array.from({ length: 11 }, (_, i) => `${i === 10 ? 12 : i + 1}.项目`).join('\n');
    assert.equal(applyFirstFix(text).split('\n').pop(), '11.项目');
  });

  it('fixes change nothing outside the markers', () => {
    const text = '一、甲xx\n三、乙（待补充）\n四、丙';
    const fixed = applyFirstFix(text);
    assert.equal(fixed.replace(/[一二三四]、/g, ''), text.replace(/[一二三四]、/g, ''));
  });
});

describe('numbering checks of sequence words', () => {
  it('report a second 最后 as a repeat (最后 has no next)', () => {
    const text = ['首先，要抓落实。', '其次，要抓落实。', '最后，要抓落实。', '最后，要抓落实。'].join('\n');
    assert.deepEqual(problems(text).map(d => d.code), ['numbering-repeat']);
  });
});
