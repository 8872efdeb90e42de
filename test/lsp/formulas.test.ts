import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeTokens, LspClient } from './lspClient';

const TEXT = [
  '在全市工作会议上的讲话', // 0
  '下面，我讲三点意见。', // 1
  '一、增强“四个意识”（政治意识、全局意识、核心意识、看齐意识）', // 2
  '二、坚持“外防输入、内防反弹”总策略', // 3
  '三、落实“四早”（早发现、早报告、早隔离）要求', // 4
  '四、坚定道路自信、制度自信、理论自信、文化自信', // 5
  '用三个月时间开展整治，第一时间上报。', // 6
  '要牢记四个', // 7
].join('\n');

const FORMULA = 0;

describe('formulas over stdio', () => {
  let client: LspClient;
  const uri = 'file:///speech/formulas.speech';

  before(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(() => client.shutdown());

  it('reports every check, each where it belongs, and nothing on ordinary quantities', async () => {
    const diagnostics = (await client.diagnostics(uri)).filter(d => d.code !== 'placeholder');
    assert.deepEqual(diagnostics.map(d => [d.range.start.line, d.code, d.severity]), [
      [1, 'announced-count', 2],
      [2, 'formula-wording', 2],
      [3, 'formula-superseded', 3],
      [4, 'formula-items', 2],
      [5, 'formula-order', 2],
    ]);
    assert.equal(diagnostics[1].message, '“全局意识”应为“大局意识”（“四个意识”）');
    assert.equal(diagnostics[0].message, '这里说讲“三”点，后面却有 4 个“一、”级标题');
  });

  it('offers quick fixes that rewrite only the items', async () => {
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 4, character: 9 }, end: { line: 4, character: 9 } }, context: { diagnostics: [] },
    });
    const fix = actions.find((a: any) => a.title.startsWith('改为规范表述'));
    assert.deepEqual(fix.edit.changes[uri], [{
      range: { start: { line: 4, character: 9 }, end: { line: 4, character: 20 } },
      newText: '早发现、早报告、早隔离、早治疗',
    }]);
  });

  it('explains a formula on hover, its items, status and where the corpus uses it', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } });
    assert.deepEqual(hover.range, { start: { line: 3, character: 5 }, end: { line: 3, character: 14 } });
    assert.match(hover.contents.value, /\*\*外防输入、内防反弹\*\* · 疫情防控/);
    assert.match(hover.contents.value, /已于 2023-01-08 调整：新冠病毒感染实施“乙类乙管”/);
    assert.match(hover.contents.value, /语料中出现 \d+ 处：《在集团公司疫情防控工作视频会议上的讲话（篇.）》第 \d+ 行/);
    const item = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 20 } });
    assert.match(item.contents.value, /政治意识、大局意识、核心意识、看齐意识/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 2 } }), null);
  });

  it('completes 四个 with the formulas, their items as documentation, and spelled out', async () => {
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 5 } });
    const labels = list.items.map((i: any) => i.label);
    for (const name of ['四个意识', '四个自信', '四个全面']) assert.ok(labels.includes(name), `${name} in ${labels.join(' | ')}`);
    const spelled = list.items.find((i: any) => i.label === '四个意识（政治意识、大局意识、核心意识、看齐意识）');
    assert.ok(spelled);
    assert.deepEqual(spelled.textEdit.range, { start: { line: 7, character: 3 }, end: { line: 7, character: 5 } });
    const name = list.items.find((i: any) => i.label === '四个自信');
    assert.match(name.documentation.value, /道路自信、理论自信、制度自信、文化自信/);
    assert.equal(labels.indexOf('四个意识'), 0, 'a formula\'s name first, before the name spelled out and the corpus\'s phrases');
    assert.equal(labels.filter((l: string) => l === '四个自信').length, 1, 'a formula is not offered again as a phrase');
  });

  it('marks formulas with semantic tokens, superseded ones as deprecated', async () => {
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    // Decode the relative encoding: [line, character, length, modifiers] per token.
    const decoded = decodeTokens(tokens.data).filter(([, , , type]) => type === FORMULA).map(([l, c, length, , modifiers]) => [l, c, length, modifiers]);
    assert.deepEqual(decoded.filter(([l]) => l >= 2 && l <= 4), [[2, 5, 4, 0], [3, 5, 9, 1], [4, 5, 2, 0]]);
    assert.ok(decoded.some(([l, , length]) => l === 5 && length === 4), 'the items of an unnamed list are marked');
  });

  it('turns hover, highlighting and formula completion off with the checks', async () => {
    client.settings = { formulas: { enabled: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 8 } }), null);
      const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.deepEqual(decodeTokens(tokens.data).filter(([, , , type]) => type === FORMULA), []);
      const list = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 5 } });
      assert.ok(!list.items.some((i: any) => i.label === '四个意识（政治意识、大局意识、核心意识、看齐意识）'));
    } finally {
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });
});
