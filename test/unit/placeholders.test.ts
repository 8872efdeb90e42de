import { RE2JS } from 're2js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, findPlaceholders, placeholderContext, sameContextPlaceholders } from '../../core/src';

const texts = (text: string, options = {}) => findPlaceholders(text, options).map(p => p.text);

describe('placeholders', () => {
  it('finds x, xx, xxx, X and XX in Chinese text, and 第x次 whole', () => {
    assert.deepEqual(texts('xx县、xxx同志、X局、XX公司、第x次会议'), ['xx', 'xxx', 'X', 'XX', '第x次']);
  });

  it('finds ×, ×× and ×××', () => {
    assert.deepEqual(texts('×县××镇×××村'), ['×', '××', '×××']);
  });

  it('finds years, dates and percentages as one placeholder each', () => {
    assert.deepEqual(texts('20xx年、201x年，x月x日、xx月xx日，下降xx%'), ['20xx', '201x', 'x月x日', 'xx月xx日', 'xx%']);
  });

  it('finds masks, 某某, blanks, empty brackets and to-be-completed notes', () => {
    assert.deepEqual(texts('***同志、**主任、某某单位、时间____、地点＿＿、【】、（待补充）、（具体人数待补充）'), [
      '***', '**', '某某', '____', '＿＿', '【】', '（待补充）', '（具体人数待补充）',
    ]);
  });

  it('finds a note whose 待 is as far from its bracket as the pattern allows, and empty brackets before any mask', () => {
    const note = `（具体${'一'.repeat(20)}待补充）`;
    assert.deepEqual(findPlaceholders(`前文${note}`), [{ text: note, start: 2, end: 2 + note.length }]);
    assert.deepEqual(texts(`（ ）${'文'.repeat(40)}xx`), ['（ ）', 'xx']);
  });

  it('leaves Latin words, codes, X光 and arithmetic alone', () => {
    assert.deepEqual(texts('Linux 和 Excel，x86 服务器，5G 网络，COVID-19，拍X光片，面积3×4米，index.xml'), []);
  });

  it('leaves separator lines and Markdown emphasis alone', () => {
    assert.deepEqual(texts('***\n要把**重点工作**抓实', { markdown: true }), []);
    assert.deepEqual(texts('***同志讲话', { markdown: true }), ['***']);
  });

  it('honours ignore patterns, matched against the whole placeholder', () => {
    assert.deepEqual(texts('X局和xx县', { ignore: [RE2JS.compile('X')] }), ['xx']);
  });

  it('gives UTF-16 offsets, past surrogate pairs', () => {
    const [p] = findPlaceholders('𠮷xx县');
    assert.deepEqual([p.start, p.end], [2, 4]);
  });

  it('reports each as a Warning with code placeholder and a Chinese message', () => {
    const [d] = analyze('全市共有xx个单位').diagnostics;
    assert.deepEqual([d.severity, d.code, d.message], ['warning', 'placeholder', '未填写的占位符“xx”']);
  });

  it('reports a bad ignore pattern instead of failing', () => {
    const analysis = analyze('xx县', { placeholderIgnore: ['('] });
    assert.equal(analysis.placeholders.length, 1);
    assert.match(analysis.optionErrors[0], /不是有效的正则表达式/);
  });

  it('groups placeholders by their context for filling everywhere', () => {
    const text = 'xx县、xx县、xx市';
    const all = findPlaceholders(text);
    assert.equal(placeholderContext(text, all[0]), 'xx县');
    assert.deepEqual(sameContextPlaceholders(text, all, all[0]).map(p => p.start), [0, 4]);
  });
});

describe('placeholders, the texts passed over unsearched', () => {
  it('are exactly those that hold none: an empty （ ） with any white space \\s matches', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (!/\s/.test(ch)) continue;
      assert.deepEqual(findPlaceholders(`填写（${ch}）处`).map(p => p.text), [`（${ch}）`], `U+${code.toString(16)}`);
    }
    assert.deepEqual(findPlaceholders('坚持（一）'), []);
  });
});
