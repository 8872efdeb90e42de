import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Heading, parseStructure } from '../../core/src';

/** The outline as `marker+text` strings indented by level, the way a reader would draw it. */
function outline(text: string): string[] {
  const lines: string[] = [];
  const visit = (h: Heading) => {
    lines.push(`${'  '.repeat(h.level - 1)}${h.marker.label}${h.text}${h.inline ? ' [inline]' : ''}`);
    h.children.forEach(visit);
  };
  parseStructure(text).headings.forEach(visit);
  return lines;
}

describe('heading markers', () => {
  it('recognises the four GB/T 9704 levels and nests them in order', () => {
    assert.deepEqual(outline('一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）加强组织\n（2）强化监督\n2.坚持人民至上\n（二）目标任务\n二、重点工作'), [
      '一、总体要求', '  （一）指导思想', '    1.坚持党的领导', '      （1）加强组织', '      （2）强化监督',
      '    2.坚持人民至上', '  （二）目标任务', '二、重点工作',
    ]);
  });

  it('reports each kind by its name', () => {
    const kinds = parseStructure('一、甲\n（一）乙\n1.丙\n（1）丁\n第一，戊\n一是己\n一要庚\n首先，辛\n其次，壬').all.map(h => h.kind);
    assert.deepEqual(kinds, ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'ordinal', 'shi', 'yao', 'sequence', 'sequence']);
  });

  it('accepts 1． and 1、 as arabic-dot, and half-width parentheses', () => {
    const all = parseStructure('1．甲\n2、乙\n(一)丙\n(3)丁').all;
    assert.deepEqual(all.map(h => [h.kind, h.marker.label]), [['arabic-dot', '1．'], ['arabic-dot', '2、'], ['cn-paren', '(一)'], ['arabic-paren', '(3)']]);
  });

  it('ends a run-in heading at the first 。；：？！ and keeps the rest of the paragraph out of it', () => {
    const [heading] = parseStructure('（一）市委要求要坚决落实。蒿书记指出，要抓紧抓实。').all;
    assert.equal(heading.text, '市委要求要坚决落实');
  });

  it('puts a higher GB level above a lower one that came first', () => {
    assert.deepEqual(outline('一、甲\n1.乙\n（一）丙\n2.丁'), ['一、甲', '  1.乙', '  （一）丙', '    2.丁']);
  });

  it('nests parallel markers under the open heading: 第一， at the top with 一要 under it', () => {
    assert.deepEqual(outline('第一，着力推动实体经济发展。\n一要提高认识。\n二要兑现政策。\n第二，着力推动园区发展。\n一要建立考核体系。'), [
      '第一，着力推动实体经济发展', '  一要提高认识', '  二要兑现政策', '第二，着力推动园区发展', '  一要建立考核体系',
    ]);
  });

  it('nests 一要 under （一） under 一、, and closes parallel markers at the next GB heading', () => {
    assert.deepEqual(outline('一、务必认清形势\n（一）市委要求\n一要错时返校。\n二要开好家长会。\n（二）应急预案\n二、加强领导'), [
      '一、务必认清形势', '  （一）市委要求', '    一要错时返校', '    二要开好家长会', '  （二）应急预案', '二、加强领导',
    ]);
  });

  it('finds parallel markers inside a paragraph after a sentence boundary, marked inline', () => {
    assert.deepEqual(outline('（二）应急预案要做细。一是科学制定方案，确保平安开学。二是周密制定防控方案。'), [
      '（一）'.slice(0, 0) + '（二）应急预案要做细', '  一是科学制定方案，确保平安开学 [inline]', '  二是周密制定防控方案 [inline]',
    ]);
  });

  it('recognises 首先…其次…最后, traditional 最後 included', () => {
    assert.deepEqual(parseStructure('要做好三件事。首先，统一思想。其次，压实责任。最後，强化保障。').all.map(h => h.marker.label), ['首先，', '其次，', '最後，']);
  });

  it('works on traditional text', () => {
    assert.deepEqual(outline('一、務必認清形勢\n（一）堅持全員摸排\n一是緊盯小場所。'), ['一、務必認清形勢', '  （一）堅持全員摸排', '    一是緊盯小場所']);
  });

  describe('does not mistake ordinary text for markers', () => {
    const cases: [string, string][] = [
      ['第一时间', '第一时间启动应急响应。'],
      ['第一责任人', '第一责任人要亲自抓。'],
      ['开学第一课', '要上好开学第一课。'],
      ['统一是', '思想统一是前提。'],
      ['唯一是', '唯一不符合的就是检测结果，唯一是他。'],
      ['a year', '2023.全年完成目标。'],
      ['an amount', '1.5亿元资金已经到位。'],
      ['三要素', '三要素缺一不可。'],
      ['a bare number line', '3.'],
    ];
    for (const [name, text] of cases) {
      it(name, () => assert.deepEqual(outline(text), []));
    }
    it('list text wrapped mid-sentence', () => {
      assert.deepEqual(outline('一、加强领导\n各级党委要把疫情防控作为当前最重要的政治任务来抓，主要负责同志要亲自部署，做到\n1.亲自过问，2.亲自督办。'), ['一、加强领导']);
    });
  });

  it('ends every section before the closing words 同志们，…', () => {
    const analysis = analyze('一、甲\n正文。\n同志们，让我们共同努力！');
    assert.equal(analysis.text.slice(analysis.headings[0].start, analysis.headings[0].end), '一、甲\n正文。\n');
  });

  it('counts a section without markers and whitespace', () => {
    const analysis = analyze('一、加强领导\n要抓好 落实。\n二、强化保障');
    const [first] = analysis.headings;
    assert.equal(analysis.counter.count(first.start, first.end), '加强领导要抓好落实。'.length);
  });
});
