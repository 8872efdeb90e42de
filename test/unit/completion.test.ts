import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, CandidateIndex, CompletionCandidate, continuationsAt, corpusMatchesAt, LineIndex, shapeOf } from '../../core/src';

function candidate(text: string, count = 1, extra: Partial<CompletionCandidate> = {}): CompletionCandidate {
  return { text, kind: 'formula', count, fromUser: false, ...extra };
}

const index = new CandidateIndex([
  candidate('克服麻痹思想、厌战情绪、侥幸心理', 6),
  candidate('克服麻痹思想、厌战情绪、侥幸心理、松劲心态', 4),
  candidate('疫情防控工作', 50),
  candidate('防控工作机制', 3),
  candidate('𠮷祥如意', 1),
]);

const at = (text: string) => corpusMatchesAt(new LineIndex(text), text.length, index).map(m => [m.candidate.text, m.start]);

describe('corpus completion ranges', () => {
  it('replaces only the longest typed text that starts a candidate', () => {
    const text = '务必保持清醒头脑，克服麻痹';
    assert.deepEqual(at(text), [
      ['克服麻痹思想、厌战情绪、侥幸心理、松劲心态', text.length - 4],
      ['克服麻痹思想、厌战情绪、侥幸心理', text.length - 4],
    ]);
  });

  it('matches inside a run of characters with no punctuation before it', () => {
    // 防控 starts another candidate; the longer typed match 疫情防控 ranks first.
    assert.deepEqual(at('要抓好疫情防控'), [['疫情防控工作', 3], ['防控工作机制', 5]]);
  });

  it('offers nothing for fewer than two typed characters or a finished phrase', () => {
    assert.deepEqual(at('要克'), []);
    assert.deepEqual(at('疫情防控工作'), [['防控工作机制', 2]]);
  });

  it('never splits a surrogate pair', () => {
    assert.deepEqual(at('大家𠮷祥'), [['𠮷祥如意', 2]]);
  });

  it('ranks a phrase after the longer ones it runs on into, all along a chain', () => {
    const chain = new CandidateIndex([candidate('加强安全', 1000), candidate('加强安全生产', 600), candidate('加强安全生产监管', 300)]);
    assert.deepEqual(corpusMatchesAt(new LineIndex('要加强'), 3, chain).map(m => m.candidate.text), ['加强安全生产监管', '加强安全生产', '加强安全']);
  });

  it('ranks the user\'s own phrases first', () => {
    const mixed = new CandidateIndex([candidate('疫情防控要求', 1, { fromUser: true })], [candidate('疫情防控工作', 50)]);
    assert.deepEqual(corpusMatchesAt(new LineIndex('疫情防控'), 4, mixed).map(m => m.candidate.text), ['疫情防控要求', '疫情防控工作']);
  });

  it('ranks by fit with the section\'s words when frequencies tie', () => {
    const tied = new CandidateIndex([candidate('加强校园安全管理', 2), candidate('加强安全生产监管', 2)]);
    const text = '一、抓好校园防控\n校园是重点，要加强';
    assert.equal(corpusMatchesAt(new LineIndex(text), text.length, tied)[0].candidate.text, '加强校园安全管理');
  });
});

describe('outline continuation', () => {
  const markers = (text: string) => {
    const analysis = analyze(text);
    return continuationsAt(analysis.lines, text.length, analysis.headings).map(c => c.marker);
  };

  it('offers the next marker of each open level, deepest first, and the first of a new level', () => {
    assert.deepEqual(markers('一、甲\n二、乙\n（一）丙\n（二）丁\n'), ['（三）', '一是', '1.', '三、']);
    assert.deepEqual(markers('一、甲\n'), ['二、', '（一）', '一是']);
  });

  it('goes on from run-in 一是…二是… with 三是', () => {
    assert.deepEqual(markers('一、甲\n（一）乙。一是压实责任。二是强化监管。\n'), ['（二）', '三是', '1.', '二、']);
  });

  it('works with \\r\\n and \\r line breaks', () => {
    assert.deepEqual(markers('一、甲\r\n（一）乙\r\n'), ['（二）', '一是', '1.', '二、']);
    assert.deepEqual(markers('一、甲\r（一）乙\r'), ['（二）', '一是', '1.', '二、']);
  });

  it('puts the kind the corpus uses under a heading first', () => {
    const analysis = analyze('第一，甲\n');
    const kinds = continuationsAt(analysis.lines, analysis.text.length, analysis.headings, { ordinal: ['yao', 'shi'] }).map(c => c.marker);
    assert.deepEqual(kinds, ['第二，', '一要', '一是']);
  });

  it('offers only the markers that start with what is typed', () => {
    assert.deepEqual(markers('一、甲\n（一）乙\n（'), ['（二）']);
    assert.deepEqual(markers('一、甲\n（一）乙\n二'), ['二、']);
  });

  it('offers 一、 in a speech without headings, and nothing after the closing words', () => {
    assert.deepEqual(markers('同志们：\n'), ['一、']);
    assert.deepEqual(markers('一、甲\n同志们，让我们共同努力！\n'), []);
  });
});

describe('slogan shapes', () => {
  it('keeps shared characters and names repeated ones', () => {
    assert.equal(shapeOf(['早发现', '早报告', '早隔离']), '早□□');
    assert.equal(shapeOf(['严而又严', '实而又实']), '甲而又甲');
    assert.equal(shapeOf(['从严从紧', '从实从快']), '从□从□');
    assert.equal(shapeOf(['麻痹思想', '厌战情绪']), undefined);
    assert.equal(shapeOf(['早发现', '早发现']), undefined);
  });
});
