import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, curatedFormulas, Diagnostic, FormulaDictionary, formulaHover, summaryNumber, userFormulas } from '../../core/src';

const formulaCodes = (d: Diagnostic) => d.code.startsWith('formula') || d.code === 'announced-count';
const check = (text: string, options = {}) => analyze(text, options).diagnostics.filter(formulaCodes);
const names = (text: string) => analyze(text).formulas.map(f => f.name);
/** The text after applying a diagnostic's first fix. */
const fixed = (text: string, diagnostic: Diagnostic) => applyEdits(text, diagnostic.fixes[0].edits);

describe('recognising numeric summaries', () => {
  it('finds them in and out of quotes, with Chinese or Arabic numbers', () => {
    assert.deepEqual(names('增强“四个意识”、坚定四个自信、做到两个维护。'), ['四个意识', '四个自信', '两个维护']);
    assert.deepEqual(names('开展“三服务”活动，实现“双下降”，谋划“十四五”。'), ['三服务', '双下降', '十四五']);
    assert.deepEqual(names('全面落实九个必须，'), ['九个必须']);
    assert.deepEqual(names('我国国家制度和国家治理体系具有13个显著优势，'), ['13个显著优势']);
    assert.deepEqual(names('落实“三管三必须”和“四不两直”，坚持“一校一案”。'), ['三管三必须', '四不两直', '一校一案']);
  });

  it('reads a quote of 1 to 12 characters, without quotes or a line break in it, as a name', () => {
    const twelve = `三个${'实'.repeat(10)}`;
    assert.deepEqual(names(`要落实“${twelve}”。`), [twelve]);
    assert.deepEqual(names(`要落实“${twelve}实”。`), []);
    assert.deepEqual(names('要落实“”“三服务”和“三“两服务”、“三\n服务”。'), ['三服务', '两服务']);
  });

  it('knows the number each states, and none for compound or plan names', () => {
    assert.deepEqual(['四个意识', '两个维护', '双下降', '13个显著优势', '五个一律', '四项工程', '三严三实', '十四五', '4方案1标准1指南']
      .map(summaryNumber), [4, 2, 2, 13, 5, 4, undefined, undefined, undefined]);
  });

  it('does not take quantities, ordinals or congresses for summaries', () => {
    for (const text of ['用三个月时间集中整治。', '会议开了两个小时。', '全县五个乡镇，', '第一时间到岗到位。', '这两个问题要解决。',
      '一个孩子安全出了问题，', '下面，我讲三个方面。', '共设28个抽查点，', '学习贯彻“二十大”精神', '35个主产县（市、区）']) {
      assert.deepEqual(names(text), [], text);
      assert.deepEqual(check(text), [], text);
    }
  });

  it('reads the expansion in brackets, after 即 or a colon, next to a known formula, or before it', () => {
    const expansion = (text: string) => analyze(text).formulas.map(f => f.expansion && [f.expansion.how, f.expansion.items.map(i => i.text)]);
    assert.deepEqual(expansion('按照“四早”（早发现、早报告、早隔离、早治疗）要求'), [['brackets', ['早发现', '早报告', '早隔离', '早治疗']]]);
    assert.deepEqual(expansion('落实“五个一律”，即外来人员一律登记，车辆一律消毒，物品一律检查。'), [['namely', ['外来人员一律登记', '车辆一律消毒', '物品一律检查']]]);
    assert.deepEqual(expansion('增强四个意识，政治意识、大局意识、核心意识、看齐意识缺一不可'), [['following', ['政治意识', '大局意识', '核心意识', '看齐意识']]]);
    assert.deepEqual(expansion('坚持早发现、早报告、早隔离、早治疗“四早”要求'), [['preceding', ['早发现', '早报告', '早隔离', '早治疗']]]);
  });
});

describe('checking formulas', () => {
  it('warns when an unknown summary lists a different number of items than it states', () => {
    const text = '开展“三服务”（服务企业、服务群众）活动。';
    const [d] = check(text);
    assert.equal(d.code, 'formula-count');
    assert.equal(d.message, '“三服务”说是 3 项，这里列了 2 项');
    assert.deepEqual(d.fixes, [], 'no right answer is known');
  });

  it('names what is missing from a known formula and fixes it to the canonical items', () => {
    const text = '严格落实“四早”（早发现、早报告、早隔离）要求。';
    const [d] = check(text);
    assert.equal(d.code, 'formula-items');
    assert.equal(d.message, '“四早”应有 4 项，这里列了 3 项，缺少“早治疗”');
    assert.equal(fixed(text, d), '严格落实“四早”（早发现、早报告、早隔离、早治疗）要求。');
  });

  it('names an extra item', () => {
    const [d] = check('增强“四个意识”（政治意识、大局意识、核心意识、看齐意识、责任意识）');
    assert.equal(d.message, '“四个意识”应有 4 项，这里列了 5 项，多出“责任意识”');
  });

  it('puts reordered items back in order, named or not, touching only the items', () => {
    for (const text of ['坚定“四个自信”：道路自信、制度自信、理论自信、文化自信。', '坚定道路自信、制度自信、理论自信、文化自信。']) {
      const [d] = check(text);
      assert.equal(d.code, 'formula-order', text);
      assert.equal(d.message, '“四个自信”的顺序应为：道路自信、理论自信、制度自信、文化自信');
      assert.equal(fixed(text, d), text.replace('制度自信、理论自信', '理论自信、制度自信'));
      assert.deepEqual(d.fixes[0].edits.map(e => e.newText), ['理论自信', '制度自信']);
    }
  });

  it('corrects a near miss against the dictionary', () => {
    for (const text of ['增强“四个意识”（政治意识、全局意识、核心意识、看齐意识）', '牢固树立政治意识、全局意识、核心意识、看齐意识。']) {
      const [d] = check(text);
      assert.equal(d.code, 'formula-wording', text);
      assert.equal(d.message, '“全局意识”应为“大局意识”（“四个意识”）');
      assert.equal(text.slice(d.range.start, d.range.end), '全局意识');
      assert.equal(fixed(text, d), text.replace('全局意识', '大局意识'));
    }
  });

  it('points out a superseded formula and an old wording, unless switched off', () => {
    const slogan = '坚持“外防输入、内防反弹”总策略。';
    const [d] = check(slogan);
    assert.equal(d.severity, 'information');
    assert.equal(d.message, '“外防输入、内防反弹”已于 2023-01-08 调整：新冠病毒感染实施“乙类乙管”');
    assert.deepEqual(check(slogan, { supersededFormulas: false }), []);
    const old = '协调推进“四个全面”（全面建成小康社会、全面深化改革、全面依法治国、全面从严治党）战略布局';
    const [wording] = check(old);
    assert.equal(wording.code, 'formula-superseded');
    assert.equal(old.slice(wording.range.start, wording.range.end), '全面建成小康社会');
    assert.equal(fixed(old, wording), old.replace('全面建成小康社会', '全面建设社会主义现代化国家'));
  });

  it('checks announced points against the headings that deliver them', () => {
    const text = '下面，我讲三点意见。\n一、提高站位\n二、压实责任\n三、强化保障\n四、加强宣传\n';
    const [d] = check(text);
    assert.equal(d.code, 'announced-count');
    assert.equal(d.message, '这里说讲“三”点，后面却有 4 个“一、”级标题');
    assert.equal(fixed(text, d), text.replace('三点', '四点'));
    assert.deepEqual(check('下面，我再强调四个方面：\n第一，要统一思想\n第二，要狠抓落实\n第三，要严明纪律\n第四，要加强保障\n'), []);
    // A text that goes on at 第二 was cut before it: nothing to check.
    assert.deepEqual(check('下面，我讲三点意见。\n第二，要狠抓落实\n第三，要严明纪律\n第四，要加强保障\n第五，要加强宣传\n'), []);
  });

  it('checks a heading that counts its own points against the sub-headings under it', () => {
    const text = '一、总体要求\n（一）完成三项任务\n1.完成统筹任务\n2.完成指标任务\n（二）提升两项水平\n1.提升服务水平\n2.提升管理水平\n';
    const diagnostics = check(text);
    assert.deepEqual(diagnostics.map(d => d.message), ['“三项任务”说是 3 项，下面有 2 个“1.”级标题']);
  });

  it('does not take partial mentions, joined last items or the sentence after a list for errors', () => {
    for (const text of [
      '牢固树立“四个意识”，特别是政治意识、大局意识。',
      '完整准确全面贯彻新发展理念，突出创新、协调发展。',
      '经济建设、政治建设是“五位一体”的重要组成部分。',
      '增强“四个意识”，即政治意识、大局意识、核心意识和看齐意识。',
      '坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信，这是我们的底气所在。',
      '有两个原因：一是重视不够，二是投入不足，对此我们要深刻反思。',
      '抓好“三项工作”：巩固成果、拓展深化、建章立制，确保取得实效、群众满意。',
      '做到“两个维护”（坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导）',
      '下面，我结合工作实际谈一点个人体会。\n一、甲\n二、乙\n三、丙\n',
    ]) assert.deepEqual(check(text), [], text);
  });

  it('fixes only the items, never the sentence after them', () => {
    const text = '坚定“四个自信”，即道路自信、理论自信、制度自信，这是我们的底气所在。';
    const [d] = check(text);
    assert.equal(fixed(text, d), '坚定“四个自信”，即道路自信、理论自信、制度自信、文化自信，这是我们的底气所在。');
  });

  it('never warns about a formula merely for being unknown, or a local formula that shares a name', () => {
    assert.deepEqual(check('实现“双下降”，落实“六不”要求，推进“两堂一舍”建设。'), []);
    assert.deepEqual(check('做到“三个务必”：务必守住底线，务必压实责任，务必强化保障。'), []);
  });

  it('takes the user\'s own formulas from settings, and reports malformed ones', () => {
    const { entries, errors } = userFormulas([{ name: '三个一', items: ['一张图', '一张表', '一本账'] }, { name: '坏条目' }]);
    assert.equal(errors.length, 1);
    const formulas = new FormulaDictionary(curatedFormulas(), entries);
    const [d] = check('落实“三个一”（一张图、一张表、一本帐）', { formulas });
    assert.equal(d.message, '“一本帐”应为“一本账”（“三个一”）');
  });

  it('accepts the variants an office declares for its own formulas', () => {
    const { entries } = userFormulas([{ name: '三个一', items: ['一张图', '一张表', '一本账'], variants: { 一本帐: '一本账', 无关: '不是条目' } }]);
    assert.deepEqual(entries[0].variants, { 一本帐: '一本账' });
    const formulas = new FormulaDictionary(curatedFormulas(), entries);
    assert.deepEqual(check('落实“三个一”（一张图、一张表、一本帐）', { formulas }), []);
  });
});

describe('the list reader (issue 11)', () => {
  it('reads a 、-list without its name clause by clause: brackets end a clause, a quote left open runs to its end', () => {
    const lists = (text: string) => analyze(text).formulas.map(f => [f.name, f.start, f.end]);
    assert.deepEqual(lists('道路自信、制度自信、“理论自信、文化自信'), [['三个自信', 0, 15]]);
    assert.deepEqual(lists('一、道路自信、制度自信（理论自信、文化自信）、道路自信、制度自信、理论自信、文化自信'), [['四个自信', 23, 42]]);
    assert.deepEqual(lists('要做到甲、乙、，“坚定道路自信、制度自信、理论自信、文化自信。'), []);
    // Items in quotes and spaces around the 、: the parts are trimmed of them.
    assert.deepEqual(lists('坚定“道路自信” 、　“制度自信”、“理论自信”、“文化自信”。'), [['四个自信', 3, 30]]);
  });

  it('reads a list after 即 whose items hold a 、 as all of its items', () => {
    const text = '做到“两个维护”，即坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领到。';
    const [d] = check(text);
    assert.equal(d.code, 'formula-wording');
    assert.equal(fixed(text, d), text.replace('领到', '领导'));
  });

  it('reports the superseded wording of 四个全面 after 即 as in brackets', () => {
    const text = '协调推进“四个全面”，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。';
    const [d] = check(text);
    assert.equal(d.code, 'formula-superseded');
    assert.equal(text.slice(d.range.start, d.range.end), '全面建成小康社会');
  });

  it('reads a formula written in two groups as one list', () => {
    assert.deepEqual(check('践行“三严三实”，即严以修身、严以用权、严以律己，谋事要实、创业要实、做人要实。'), []);
    const [d] = check('践行“三严三实”，即严以修身、严以用权、严以律己，谋事要实、创业要实。');
    assert.equal(d.code, 'formula-items');
    assert.match(d.message, /缺少“做人要实”/);
  });

  it('checks a list before its name, with a two-character near miss', () => {
    const text = '坚持创新、协调、绿色、开发、共享的新发展理念。';
    const [d] = check(text);
    assert.equal(d.message, '“开发”应为“开放”（“新发展理念”）');
    assert.equal(fixed(text, d), text.replace('开发', '开放'));
  });

  it('checks the order over the items present', () => {
    const text = '坚定四个自信，文化自信、道路自信缺一不可。';
    const [d] = check(text);
    assert.equal(d.code, 'formula-order');
    assert.equal(fixed(text, d), '坚定四个自信，道路自信、文化自信缺一不可。');
  });

  it('checks a counted heading against its sub-headings', () => {
    const [d] = check('（四）抓好三项重点任务\n1.抓好统筹\n2.抓好落实\n');
    assert.equal(d?.code, 'formula-count');
  });

  it('accepts the variants a source uses', () => {
    assert.deepEqual(check('坚持“三会一课”（支部党员大会、支委会、党小组会、党课）制度。'), []);
    assert.deepEqual(check('协调推进全面建成小康社会、全面深化改革、全面推进依法治国、全面从严治党的“四个全面”。').map(d => d.code), ['formula-superseded']);
  });
});

describe('formula hover', () => {
  it('explains items, status and source', () => {
    const [formula] = analyze('坚持“外防输入、内防反弹”。').formulas;
    const text = formulaHover(formula, 'zh-cn', { count: 2, places: [{ title: '某讲话', line: 14 }] });
    assert.match(text, /\*\*外防输入、内防反弹\*\* · 疫情防控/);
    assert.match(text, /已于 2023-01-08 调整/);
    assert.match(text, /语料中出现 2 处：《某讲话》第 14 行/);
  });

  it('shows the source with its date, and a dated formula as of its time', () => {
    const [formula] = analyze('开展“两学一做”学习教育').formulas;
    assert.match(formulaHover(formula, 'zh-cn'), /特定时期的提法/);
    const [current] = analyze('坚持“两个结合”').formulas;
    assert.match(formulaHover(current, 'zh-cn'), /出处：庆祝中国共产党成立100周年大会上的讲话（2021-07-01）/);
  });

  it('says so when a curated entry has not been checked against an official page, and only then', () => {
    const unverified = curatedFormulas().filter(e => !e.url);
    assert.ok(unverified.length > 0 && unverified.length <= curatedFormulas().length - 100, 'at least 100 entries cite an official page');
    for (const entry of curatedFormulas()) {
      const [formula] = analyze(`坚持“${entry.name}”`, { formulas: new FormulaDictionary([entry]) }).formulas;
      assert.equal(/尚未对照官方页面核实/.test(formulaHover(formula, 'zh-cn')), !entry.url, entry.name);
    }
    const [own] = analyze('落实“三个一”', { formulas: new FormulaDictionary([], userFormulas([{ name: '三个一', items: ['一张图', '一张表', '一本账'], source: '本单位' }]).entries) }).formulas;
    assert.doesNotMatch(formulaHover(own, 'zh-cn'), /核实/);
  });
});
