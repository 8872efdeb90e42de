import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusDocument, CorpusSentence, LineIndex, mineCorpus, SentenceCorpus, sentenceCompletionsAt, SentenceIndex, TOKEN_BREAK } from '../../core/src';

/** A sentence written with | between its tokens. */
function sentence(tokens: string, options: { count?: number; before?: string[] } = {}): CorpusSentence {
  return { tokens: tokens.split('|').join(TOKEN_BREAK), count: options.count ?? 1, source: 'a.txt:2', before: options.before ?? ['\n'] };
}

const corpus = (sentences: CorpusSentence[], fromUser = false): SentenceCorpus => ({ sentences, speeches: [{ file: 'a.txt', title: '讲话' }], fromUser });

/** What completion offers at the end of `text`: [item, where its range starts]. */
function offered(index: SentenceIndex, text: string): [string, number][] {
  return sentenceCompletionsAt(new LineIndex(text), text.length, index).map(c => [c.text, c.start]);
}

describe('mining sentences', () => {
  const document = (lines: string[][]): CorpusDocument => ({
    file: 'a.txt', title: '讲话', lines: ['讲话', ...lines.map(tokens => tokens.join(''))], bodyStart: 1, tokens: [['讲话'], ...lines],
  });

  it('keeps every sentence with its tokens, its count and the text before it', () => {
    const index = mineCorpus([document([
      ['　　', '同志们', '：'],
      ['下面', '，', '我', '讲', '三点', '意见', '：', '一是', '提高', '站位', '。'],
      ['下面', '，', '我', '讲', '三点', '意见', '：'],
    ])], 'test');
    assert.deepEqual(index.sentences.map(s => [s.tokens.split(TOKEN_BREAK).join('|'), s.count, s.source, s.before]), [
      ['下面|，|我|讲|三点|意见|：', 2, 'a.txt:3', ['\n']],
      ['一是|提高|站位|。', 1, 'a.txt:3', ['\n下面，我讲三点意见：']],
      ['同志们|：', 1, 'a.txt:2', ['\n']],
    ]);
  });
});

describe('sentence completion', () => {
  it('continues a sentence the corpus holds once, replacing only the typed clause', () => {
    const index = new SentenceIndex([corpus([sentence('宁可|十防九空|，|绝不|可失|防万一|。')])]);
    assert.deepEqual(offered(index, '我们宁可十防九空，绝不'), [['绝不可失防万一。', 9]]);
  });

  it('replaces the longest end of the typed text that the corpus holds', () => {
    const index = new SentenceIndex([corpus([sentence('要|坚持|安全|第一|。')])]);
    assert.deepEqual(offered(index, '我们要坚持安全'), [['要坚持安全第一。', 2]]);
  });

  it('lets the characters before the typed ones choose the continuation', () => {
    const index = new SentenceIndex([corpus([
      sentence('第一|，|提高|政治|站位|。'),
      sentence('其次|，|提高|工作|效率|。', { count: 3 }),
    ])]);
    assert.equal(offered(index, '第一，提高')[0][0], '提高政治站位。');
    assert.equal(offered(index, '其次，提高')[0][0], '提高工作效率。');
  });

  it('reads the context on into the sentence before, across 。', () => {
    const index = new SentenceIndex([corpus([
      sentence('我|再|讲|三点|意见|：', { before: ['\n刚才大家讲得很好。'] }),
      sentence('我|再|强调|一点|：', { count: 4 }),
    ])]);
    assert.equal(offered(index, '刚才大家讲得很好。我再')[0][0], '我再讲三点意见：');
    assert.equal(offered(index, '我再')[0][0], '我再强调一点：');
  });

  it('completes one typed character where the clause starts, and only there', () => {
    const index = new SentenceIndex([corpus([sentence('下面|，|我|讲|三点|意见|：', { before: ['\n同志们：'] })])]);
    assert.deepEqual(offered(index, '同志们：下'), [['下面，我讲三点意见：', 4]]);
    // In the middle of a clause one character says too little.
    assert.deepEqual(offered(index, '同志们好下'), []);
  });

  it('cuts an item where the corpora stop agreeing, at a word end, and offers the ways on', () => {
    const index = new SentenceIndex([corpus([
      sentence('加强|安全|生产|监管|。', { count: 2 }),
      sentence('加强|安全|教育|培训|。', { count: 2 }),
    ])]);
    // Equal weights: in code-point order.
    assert.deepEqual(offered(index, '加强').map(([text]) => text), ['加强安全', '加强安全教育培训。', '加强安全生产监管。']);
  });

  it('fills in a sentence seen once only where the text before the typed characters matches it too', () => {
    const index = new SentenceIndex([corpus([sentence('提高|政治|站位|，|增强|责任|意识|。', { before: ['\n第一，'] })])]);
    assert.deepEqual(offered(index, '第一，提高'), [['提高政治站位，增强责任意识。', 3]]);
    // Two typed characters in a context the corpus does not hold: one occurrence is not enough.
    assert.deepEqual(offered(index, '我们要提高'), []);
    // A sentence seen often is likely even so.
    const often = new SentenceIndex([corpus([sentence('提高|政治|站位|，|增强|责任|意识|。', { count: 8, before: ['\n第一，'] })])]);
    assert.deepEqual(offered(often, '我们要提高'), [['提高政治站位，增强责任意识。', 3]]);
    // And so is the user's own, seen once.
    const own = new SentenceIndex([corpus([sentence('提高|政治|站位|，|增强|责任|意识|。', { before: ['\n第一，'] })], true)]);
    assert.deepEqual(offered(own, '我们要提高'), [['提高政治站位，增强责任意识。', 3]]);
  });

  it('takes a paragraph start in the draft for a sentence start after 。 in the corpus', () => {
    const index = new SentenceIndex([corpus([sentence('下面|，|我|讲|三点|意见|：', { count: 3, before: ['今天召开会议。'] })])]);
    assert.deepEqual(offered(index, '下面'), [['下面，我讲三点意见：', 0]]);
    // In the middle of a sentence the same two characters have no such support: no long run.
    assert.ok(offered(index, '我们下面').every(([text]) => text.length < '下面，我讲'.length));
  });

  it('offers nothing when nothing is likely', () => {
    const index = new SentenceIndex([corpus(['甲', '乙', '丙', '丁', '戊'].map(ch => sentence(`提高|${ch}${ch}|。`)))]);
    assert.deepEqual(offered(index, '要提高'), []);
  });

  it('offers one item per distinct continuation', () => {
    const index = new SentenceIndex([corpus([sentence('提高|政治|站位|。', { count: 5 })]), corpus([sentence('提高|政治|站位|。', { count: 5 })])]);
    assert.deepEqual(offered(index, '要提高'), [['提高政治站位。', 1]]);
  });

  it('ranks the user\'s own sentence before a more frequent shipped one', () => {
    const index = new SentenceIndex([
      corpus([sentence('疫情|防控|要求|。', { before: ['\n同志们：'] })], true),
      corpus([sentence('疫情|防控|工作|。', { count: 20, before: ['\n同志们：'] })]),
    ]);
    const [first] = sentenceCompletionsAt(new LineIndex('同志们：疫情'), 6, index);
    assert.equal(first.text, '疫情防控要求。');
    assert.equal(first.fromUser, true);
    assert.deepEqual([first.source.title, first.source.line, first.source.context], ['讲话', 2, '疫情防控要求。']);
  });

  it('keeps a list whole across 、 and stops at the sentence end', () => {
    const index = new SentenceIndex([corpus([sentence('克服|麻痹|思想|、|厌战|情绪|。|', { before: ['\n我们要'] })])]);
    assert.deepEqual(offered(index, '我们要克服'), [['克服麻痹思想、厌战情绪。', 3]]);
  });

  it('never splits a surrogate pair', () => {
    const index = new SentenceIndex([corpus([sentence('𠮷|祥|如意|。', { before: ['\n大家'] })])]);
    assert.deepEqual(offered(index, '大家𠮷祥'), [['𠮷祥如意。', 2]]);
    for (const [, start] of offered(index, '𠮷')) assert.equal(start, 0);
  });

  it('offers nothing right after punctuation or in text without Chinese', () => {
    const index = new SentenceIndex([corpus([sentence('下面|，|我|讲|。')])]);
    assert.deepEqual(offered(index, '下面，'), []);
    assert.deepEqual(offered(index, 'abc'), []);
    assert.deepEqual(offered(index, ''), []);
  });
});
