// Mining with the real segmenter: nodejieba is built by npm ci, and its output is deterministic.
// `npm test` runs this file a second time with SPEECH_DRAFT_SEGMENTER=portable: the same index from jieba-wasm.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanSpeechText, formatMinedIndex, MinedIndex, snippetsFileText } from '../../core/src';
import { chooseSegmenter, minedFromCache, mineFolders, readCorpusFile, Segmenter } from '../../host/src';
import { writeUserCorpus } from '../userCorpusFixture';

const ROOT = path.resolve(__dirname, '../../..');

/** The first line where two texts differ, to keep a failure readable; undefined when equal. */
function firstDifference(actual: string, expected: string): string | undefined {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  if (i < 0 && a.length === b.length) return undefined;
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `line ${at + 1}:\n  mined:     ${a[at]?.slice(0, 200)}\n  committed: ${b[at]?.slice(0, 200)}`;
}

/** Every entry's every source must be a line (as cleaned) that holds the entry's text. */
async function misplacedSources(index: MinedIndex, root: string): Promise<string[]> {
  const lines = new Map<string, string[]>();
  for (const { file } of index.speeches) {
    const read = await readCorpusFile(path.join(root, file));
    assert.ok(read.ok);
    lines.set(file, cleanSpeechText(read.text));
  }
  const entries: [string, string[]][] = [
    ...index.phrases.map(p => [p.text, p.sources] as [string, string[]]),
    ...index.slogans.map(s => [s.items.join('、'), s.sources] as [string, string[]]),
    ...index.summaries.map(s => [s.text, s.sources] as [string, string[]]),
    ...[...index.openings, ...index.closings].map(o => [o.text, o.sources] as [string, string[]]),
  ];
  return entries.flatMap(([text, sources]) => sources.filter(source => {
    const [file, line] = source.split(':');
    return !lines.get(file)?.[Number(line) - 1]?.includes(text);
  }).map(source => `${text} @ ${source}`));
}

describe('mining the shipped corpus', () => {
  let segmenter: Segmenter;
  let index: MinedIndex;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-user-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  before(async () => {
    segmenter = chooseSegmenter();
    ({ index } = await mineFolders([path.join(ROOT, 'corpus')], { segmenter }));
  });

  it('gives exactly the committed index and snippets (run `npm run corpus` after changing the miner)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'corpus/mined.json'), 'utf8');
    // Whichever segmenter mined it (the portable one when forced), the index is nodejieba's.
    const segmenter = (JSON.parse(committed) as MinedIndex).segmenter;
    assert.equal(firstDifference(formatMinedIndex({ ...index, segmenter }), committed), undefined, 'corpus/mined.json drifted');
    assert.equal(firstDifference(snippetsFileText(index), fs.readFileSync(path.join(ROOT, 'snippets/speech.code-snippets'), 'utf8')), undefined, 'snippets drifted');
  });

  it(`segments with ${process.env.SPEECH_DRAFT_SEGMENTER === 'portable' ? 'jieba-wasm (SPEECH_DRAFT_SEGMENTER=portable)' : 'nodejieba'}`, () => {
    assert.match(segmenter.name, process.env.SPEECH_DRAFT_SEGMENTER === 'portable' ? /^jieba-wasm / : /^nodejieba /);
  });

  it('is deterministic', async () => {
    const again = await mineFolders([path.join(ROOT, 'corpus')], { segmenter });
    assert.equal(formatMinedIndex(again.index), formatMinedIndex(index));
  });

  it('finds multi-word phrases from jieba tokens, with frequency and every source', () => {
    const phrase = index.phrases.find(p => p.text === '克服麻痹思想、厌战情绪、侥幸心理、松劲心态');
    assert.ok(phrase);
    assert.equal(phrase.count, 4);
    assert.deepEqual(phrase.sources.map(s => s.split(':')[0]), ['speech-01.txt', 'speech-04.txt', 'speech-05.txt', 'speech-09.txt']);
    // Phrases are runs of whole tokens: 防控工作 but never a half word such as 控工.
    assert.ok(index.phrases.some(p => p.text === '疫情防控工作'));
    assert.ok(!index.phrases.some(p => p.text.startsWith('控工')));
    assert.ok(index.phrases.every(p => p.speeches >= 2));
  });

  it('points every source at the line that holds the entry', async () => {
    assert.deepEqual(await misplacedSources(index, path.join(ROOT, 'corpus')), []);
  });

  it('finds parallel slogans by their shared shape', () => {
    const shapes = new Map(index.slogans.map(s => [s.items.join('、'), s.shape]));
    assert.equal(shapes.get('早发现、早报告、早隔离、早治疗'), '早□□');
    assert.equal(shapes.get('严而又严、实而又实、细而又细'), '甲而又甲');
    assert.equal(shapes.get('守土有责、守土担责、守土尽责'), '守土□责');
    assert.equal(shapes.get('外防输入、内防反弹'), '□防□□');
    assert.equal(shapes.get('麻痹思想、厌战情绪、侥幸心理、松劲心态'), undefined, 'items without a shared shape are no slogan');
  });

  it('expands numeric summaries as the corpus does', () => {
    const summary = index.summaries.find(s => s.text === '四早');
    assert.deepEqual(summary?.expansions[0].items, ['早发现', '早报告', '早隔离', '早治疗']);
    assert.deepEqual(index.summaries.find(s => s.text === '两个至上')?.expansions[0].items, ['人民至上', '生命至上']);
  });

  it('finds how speeches open and close', () => {
    const salutations = index.openings.filter(o => o.role === 'salutation');
    assert.equal(salutations[0].text, '同志们：');
    assert.ok(salutations[0].count >= 5);
    const announcements = index.openings.filter(o => o.role === 'announcement').map(o => o.text);
    assert.equal(announcements[0], '下面，我讲三点意见：');
    assert.ok(announcements.length >= 8);
    assert.ok(index.closings.filter(c => c.text.startsWith('同志们，')).length >= 5);
  });

  it('records heading patterns per level', () => {
    const top = index.headingPatterns.find(p => p.level === 1 && p.kind === 'cn-dun');
    assert.equal(top?.childKind, 'cn-paren');
    assert.ok(top!.count >= 20);
    assert.match(top!.examples[0].text, /^一、/);
  });

  it('mines a user folder with a GBK .txt and a .docx, skipping the binary files with a reason', async () => {
    await writeUserCorpus(folder);
    const cacheDir = path.join(folder, '.cache');
    const { index: user, report } = await mineFolders([folder], { segmenter, cacheDir });
    assert.deepEqual(user.speeches, [
      { file: '旧讲话.txt', title: '在全县安全生产会议上的讲话' },
      { file: '防汛讲话.docx', title: '在防汛工作会议上的讲话' },
    ]);
    assert.deepEqual(report.skipped, [
      { file: 'scan.bin', reason: 'not a speech file (.bin): only .txt, .speech, .md and .docx are read' },
      { file: 'scan.txt', reason: 'binary file (contains NUL bytes)' },
    ]);
    assert.ok(user.phrases.some(p => p.text === '坚持安全第一、预防为主、综合治理' && p.count === 2));
    assert.ok(user.slogans.some(s => s.shape === '守土□责'));
    const again = await mineFolders([folder], { segmenter, cacheDir });
    assert.deepEqual([again.report.segmented, again.report.fromCache], [0, 2]);
    assert.equal(formatMinedIndex(again.index), formatMinedIndex(user));
    assert.deepEqual(await misplacedSources(user, folder), []);
  });

  it('gives an unchanged folder\'s index from the cache without segmenting, and nothing once a file changed', async () => {
    const corpus = path.join(folder, 'reopened');
    await writeUserCorpus(corpus);
    const cacheDir = path.join(folder, '.reopen-cache');
    const { index } = await mineFolders([corpus], { segmenter, cacheDir, phrases: false });
    const cached = minedFromCache([corpus], { segmenterName: segmenter.name, cacheDir, phrases: false });
    assert.equal(formatMinedIndex(cached!.index), formatMinedIndex(index));
    assert.deepEqual([cached!.report.segmented, cached!.report.fromCache], [0, 2]);
    // Phrases mined or not are two different indexes.
    assert.equal(minedFromCache([corpus], { segmenterName: segmenter.name, cacheDir }), undefined);
    fs.appendFileSync(path.join(corpus, '旧讲话.txt'), '\n要坚持问题导向。');
    assert.equal(minedFromCache([corpus], { segmenterName: segmenter.name, cacheDir, phrases: false }), undefined);
  });

  it('tells two folders of the same name apart', async () => {
    for (const side of ['a', 'b']) await writeUserCorpus(path.join(folder, side, 'speeches'));
    const { index: both } = await mineFolders([path.join(folder, 'a', 'speeches'), path.join(folder, 'b', 'speeches')], { segmenter });
    assert.deepEqual(both.speeches.map(s => s.file), ['speeches-1/旧讲话.txt', 'speeches-1/防汛讲话.docx', 'speeches-2/旧讲话.txt', 'speeches-2/防汛讲话.docx']);
  });
});
