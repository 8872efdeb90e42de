import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findPlaceholders, parseStructure } from '../../core/src';
import { readExcerpts, scoreFlattened, scoreRecognition } from '../support/recognition';

/** Each heading as `marker+first characters of its text`, in document order. */
const headings = (text: string) => parseStructure(text).all.map(h => h.marker.label + h.text.slice(0, 4));
const placeholders = (text: string, markdown = false) => findPlaceholders(text, { markdown }).map(p => p.text);
const outline = (text: string) => parseStructure(text).all.map(h => `${'  '.repeat(h.level - 1)}${h.marker.label}${h.text}`);

describe('recognition of pasted text: headings', () => {
  it('takes 一、 and （一） glued after a sentence end or the words that introduce them', () => {
    assert.deepEqual(headings('下面，我讲三点意见：一、提高认识，统一思想。二、压实责任。'), ['一、提高认识', '二、压实责任']);
    assert.deepEqual(headings('我再强调几点意见。一、忧患意识要长存。要居安思危。二、工作作风要务实。'), ['一、忧患意识', '二、工作作风']);
    assert.deepEqual(headings('今年重点抓好：（一）正风肃纪。要盯紧节点。（二）惩治腐败。'), ['（一）正风肃纪', '（二）惩治腐败']);
  });

  it('takes them after half-width punctuation and a page\'s spaces, and after closing quotes', () => {
    assert.deepEqual(headings('讲几点意见:一、提高认识,统一思想。二、压实责任。'), ['一、提高认识', '二、压实责任']);
    assert.deepEqual(headings('主动服务.(二)提升效能.(三)强化保障.'), ['(二)提升效能', '(三)强化保障']);
    assert.deepEqual(headings('形势严峻.第一,完善设施.第二,规范秩序.'), ['第一,完善设施', '第二,规范秩序']);
    assert.deepEqual(headings('讲话提纲 一、总体要求。二、重点任务。'), ['一、总体要求', '二、重点任务']);
    assert.deepEqual(headings('他说：“要抓落实。”一、提高认识。二、压实责任。'), ['一、提高认识', '二、压实责任']);
    assert.deepEqual(headings('占全市的45.45%.二是信息化水平低.三是队伍不稳.'), ['二是信息化水', '三是队伍不稳']);
    assert.deepEqual(headings('见《情况一览表》.(二)完成三项任务.'), ['(二)完成三项']);
  });

  it('takes them after a bracketed note that follows a sentence end', () => {
    assert.deepEqual(headings('谢谢大家。（掌声）二、压实责任。（具体数据待补充）（三）强化保障。'), ['二、压实责任', '（三）强化保障']);
    assert.deepEqual(headings('见附件（一）说明。'), []);
  });

  it('nests headings found inside one flattened line as their levels want, and keeps them open past the line', () => {
    assert.deepEqual(outline('意见：一、甲。（一）乙。1.丙。（二）丁。二、戊。'), ['一、甲', '  （一）乙', '    1.丙', '  （二）丁', '二、戊']);
    const [first] = parseStructure('讲两点：一、甲。\n正文。\n二、乙').headings;
    assert.equal(first.end, '讲两点：一、甲。\n正文。\n'.length);
  });

  it('takes the first marker of a lower level glued to the end of an unpunctuated heading, when its second follows', () => {
    assert.deepEqual(outline('一、总体要求（一）指导思想。坚持原则。（二）主要目标。'), ['一、总体要求', '  （一）指导思想', '  （二）主要目标']);
    assert.deepEqual(headings('二、扎实开展各项活动首先，要抓好宣传。其次，要抓好排查。'), ['二、扎实开展', '首先，要抓好宣', '其次，要抓好排']);
    assert.deepEqual(headings('三、几点工作要求一是统一思想。二是压实责任。'), ['三、几点工作', '一是统一思想', '二是压实责任']);
  });

  it('does not take a glued first marker without its second, nor one that ends a word', () => {
    assert.deepEqual(headings('一、坚持安全第一，预防为主。要抓好落实。'), ['一、坚持安全']);
    assert.deepEqual(headings('一、坚持思想统一是前提。二是要抓落实。'), ['一、坚持思想', '二是要抓落实']);
    assert.deepEqual(headings('一、加快建设小(一)型水库。小(二)型水库另行安排。'), ['一、加快建设']);
  });

  it('does not take 首先 and 最后 that only open or close the remarks', () => {
    assert.deepEqual(headings('首先，我代表市委、市政府向大家表示感谢。下面，我讲两点意见：一、提高认识。二、压实责任。最后，祝大家新年快乐！'), ['一、提高认识', '二、压实责任']);
    assert.deepEqual(headings('首先，我代表区委向大家表示感谢。最后，我再讲四点意见。'), []);
    assert.deepEqual(headings('首先，热烈祝贺大会召开。'), []);
  });

  it('takes 首先…其次…最后 as points, and ends a run at a GB heading', () => {
    assert.deepEqual(headings('首先，要统一思想。其次，要压实责任。最后，要强化保障。'), ['首先，要统一思', '其次，要压实责', '最后，要强化保']);
    assert.deepEqual(headings('首先，我表示感谢。\n一、甲\n其次，要快。\n最后，要稳。'), ['一、甲', '其次，要快', '最后，要稳']);
  });

  it('does not take the items of a list inside one sentence', () => {
    assert.deepEqual(headings('会议有八项议程：一是奏国歌，二是宣读决定，三是颁奖，四是讲话。下面进行第一项。'), []);
    assert.deepEqual(headings('关键要做到四个坚持：一是坚持标准；二是坚持程序；三是坚持公开。'), []);
    assert.deepEqual(headings('一是升国旗、奏国歌，二是校长致辞。'), []);
    assert.deepEqual(headings('分为：(1)加强领导；(2)完善机制；(3)强化考核。'), []);
  });

  it('takes long points between semicolons, as before', () => {
    const long = '我提三点要求：一是坚决打好蓝天保卫战，加强工业企业深度治理；二是深入打好碧水保卫战，全面落实河湖长制；三是扎实推进净土保卫战。';
    assert.deepEqual(headings(long), ['一是坚决打好', '二是深入打好', '三是扎实推进']);
    const gb = '主要有：一、加强组织领导，各级党委要高度重视切实负起责任；二、完善工作机制，建立健全长效机制确保落实到位。';
    assert.deepEqual(headings(gb), ['一、加强组织', '二、完善工作']);
  });

  describe('leaves numbers in the text alone', () => {
    const cases: [string, string][] = [
      ['二、三产业 after a full stop', '经济开局良好。二、三产业增加值分别增长5.8%和6.3%。'],
      ['一、二月份 after a full stop', '总体平稳。一、二月份，投资增长9.2%。'],
      ['百分之八、九十', '病险水库占比一度达到百分之八、九十。'],
      ['1998、1999年', '教训深刻。1998、1999年连续发生特大洪水。'],
      ['3、4个 after a full stop', '要抓进度。3、4个项目已经延期。'],
      ['2.9事故', '要深刻汲取。2.9事故的教训。'],
      ['第一时间', '要第一时间组织自查。第一时间上报。'],
      ['小(二)型水库 mid-line', '现有小(二)型水库43座。'],
      ['第一点体会', '我谈两点体会。第一点体会是要坚定信念。第二点体会是要勤于学习。'],
    ];
    for (const [name, text] of cases) it(name, () => assert.deepEqual(headings(text), []));
  });
});

describe('recognition of pasted text: placeholders', () => {
  it('finds masked dates, years and percentages whole', () => {
    assert.deepEqual(placeholders('（20**年*月*日）、**月**日、增长**%'), ['20**', '*月*日', '**月**日', '**%']);
  });

  it('finds a line holding only the speaker\'s masked name under the title', () => {
    assert.deepEqual(placeholders('在全县工作会议上的讲话\n***\n同志们：'), ['***']);
    assert.deepEqual(placeholders('在全县工作会议上的讲话\n　**\n同志们：'), ['**']);
  });

  it('leaves a spaced or long separator line alone, and a Markdown rule', () => {
    assert.deepEqual(placeholders('一段。\n* * *\n**********\n又一段。'), []);
    assert.deepEqual(placeholders('一段。\n***\n又一段。', true), []);
  });

  it('finds single masks before an office or a form of address', () => {
    assert.deepEqual(placeholders('X委书记、×书记、*县长、＊主任、*同志'), ['X', '×', '*', '＊', '*']);
  });

  it('leaves a single asterisk that masks nothing alone', () => {
    assert.deepEqual(placeholders('注*：数据来自统计局。3*4=12。'), []);
  });

  it('finds __ blanks and empty brackets', () => {
    assert.deepEqual(placeholders('时间：__月__日，地点（　），人数（）'), ['__', '__', '（　）', '（）']);
  });

  it('finds full-width ＸＸ and circle masks ○○, but not circles written for 〇 in a year', () => {
    assert.deepEqual(placeholders('ＸＸ县、ｘ月ｘ日、○○市'), ['ＸＸ', 'ｘ月ｘ日', '○○']);
    assert.deepEqual(placeholders('二○○八年，二○二三年'), []);
  });

  it('reports 第x次 and 第xx届 whole', () => {
    assert.deepEqual(placeholders('第x次会议、第xx届运动会、第×批'), ['第x次', '第xx届', '第×批']);
  });

  it('leaves X光, x86, addresses and pinyin readings alone', () => {
    assert.deepEqual(placeholders('拍X光片，x86服务器，www.gwsx.com，防汛xùn，往昔（xī），风xiǎn'), []);
  });
});

describe('the labelled pasted excerpts', () => {
  const result = scoreRecognition(readExcerpts(path.join(__dirname, '../../../test/fixtures/pasted')));

  it('are at least 40, with headings, placeholders and placeholder-free texts', () => {
    assert.ok(result.excerpts >= 40, `${result.excerpts} excerpts`);
    assert.ok(result.labelled_headings >= 100 && result.labelled_placeholders >= 50 && result.placeholder_free_excerpts >= 10);
  });

  it('meet the heading target, F1 ≥ 0.95', () => {
    assert.ok(result.headings.f1 >= 0.95, `${JSON.stringify(result.headings)}\n${result.errors.join('\n')}`);
  });

  it('meet the placeholder target, F1 ≥ 0.98, with no warning on a text without placeholders', () => {
    assert.ok(result.placeholders.f1 >= 0.98, `${JSON.stringify(result.placeholders)}\n${result.errors.join('\n')}`);
    assert.equal(result.placeholder_free_with_warning, 0, result.errors.join('\n'));
  });
});

describe('the corpus speeches as a page delivers them', () => {
  it('keep their headings when their paragraph breaks are lost, with full- or half-width punctuation', () => {
    const folder = path.join(__dirname, '../../../corpus');
    const speeches = fs.readdirSync(folder).filter(f => /^speech-\d\d\.txt$/.test(f)).map(f => fs.readFileSync(path.join(folder, f), 'utf8'));
    const { headings } = scoreFlattened(speeches);
    assert.ok(speeches.length >= 19 && headings.p >= 0.99 && headings.r >= 0.99, JSON.stringify(headings));
  });
});
