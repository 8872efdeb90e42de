import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  CorpusDocument, CorpusKnowledge, createLanguageService, DEFAULT_SETTINGS, LanguageServiceHost, mineCorpus, parseSettings, Settings, sourcePlace, SpeechDocument,
} from '../../core/src';
import { readMinedIndex } from '../../host/src';

const ROOT = path.join(__dirname, '..', '..', '..');
const shipped = readMinedIndex(path.join(ROOT, 'corpus', 'mined.json'));

/** A user's speech as the miner sees it, each Han character a token (enough for sentences and summaries). */
function userSpeech(file: string, lines: string[]): CorpusDocument {
  return { file, title: lines[0], lines, bodyStart: 1, tokens: lines.map(line => [...line]) };
}

const userIndex = mineCorpus([
  userSpeech('mine/2024.txt', ['在全县安全生产会议上的讲话', '我们要坚持“三个到位”（思想到位、措施到位、责任到位），压实责任。', '落实“三个到位”（思想到位、措施到位、责任到位）。']),
  userSpeech('mine/2025.txt', ['在全县安全生产推进会上的讲话', '同志们：', '我们要坚持“三个到位”（思想到位、措施到位、责任到位），压实责任。']),
], 'test');

/** A host whose corpus can be swapped, as the server's is when mining ends. */
function hostWith(knowledge: CorpusKnowledge): LanguageServiceHost & { knowledge: CorpusKnowledge } {
  return { knowledge, corpus() { return this.knowledge; }, clientLocale: 'zh-cn' };
}

let versions = 0;
const documentOf = (text: string, uri = 'untitled:speech'): SpeechDocument => ({ uri, version: ++versions, languageId: 'speech', getText: () => text });
const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });

describe('the language service', () => {
  it('analyses a document with the formulas the corpora spell out, and again when the corpus changes', () => {
    const host = hostWith(CorpusKnowledge.of(undefined, shipped));
    const service = createLanguageService(host);
    const text = '一、抓好安全\n要做到“三个到位”（思想到位、措施到位、责任到位）。\n';
    const entryOf = () => service.analyze(documentOf(text), settings()).formulas.find(f => f.name === '三个到位')?.entry;
    assert.equal(entryOf(), undefined, 'unknown to the shipped corpus');
    host.knowledge = CorpusKnowledge.of(userIndex, shipped);
    assert.deepEqual(entryOf()?.items, ['思想到位', '措施到位', '责任到位'], 'spelled out by the user\'s corpus');
    assert.equal(entryOf()?.origin, 'corpus');
  });

  it('reports only what the settings want, with their quick fixes', () => {
    const service = createLanguageService(hostWith(CorpusKnowledge.of(undefined, shipped)));
    const text = '一、第一部分\n三、第三部分\n请于x月x日前报送。\n';
    const analysis = service.analyze(documentOf(text), settings());
    const codes = (s: Settings) => service.diagnostics(analysis, s).map(d => d.code).sort();
    assert.deepEqual(codes(settings()), ['numbering-gap', 'placeholder']);
    assert.deepEqual(codes(settings({ numberingEnabled: false })), ['placeholder']);
    const fixes = service.quickFixes(analysis, settings(), { start: text.indexOf('三、'), end: text.indexOf('三、') + 1 });
    assert.ok(fixes.length && fixes.every(f => f.diagnostic.code === 'numbering-gap'));
    assert.deepEqual(service.quickFixes(analysis, settings({ numberingEnabled: false }), { start: text.indexOf('三、'), end: text.indexOf('三、') + 1 }), []);
  });

  it('lists at most maxNumberOfProblems diagnostics in text order, then a note at the first left out', () => {
    const service = createLanguageService(hostWith(CorpusKnowledge.of(undefined, shipped)));
    const text = ['一、第一部分', '三、第三部分', '请于x月x日前报送。', '由xx负责。', '报告人：××'].join('\n');
    const analysis = service.analyze(documentOf(text), settings());
    const listed = (max: number) => service.diagnostics(analysis, settings({ maxNumberOfProblems: max })).map(d => [d.code, d.range.start]);
    assert.deepEqual(listed(0), [['numbering-gap', 7], ['placeholder', text.indexOf('x月')], ['placeholder', text.indexOf('xx')], ['placeholder', text.indexOf('××')]]);
    assert.deepEqual(listed(1000), listed(0));
    assert.deepEqual(listed(4), listed(0));
    assert.deepEqual(listed(2), [['numbering-gap', 7], ['placeholder', text.indexOf('x月')], ['problems-omitted', text.indexOf('xx')]]);
    const [note] = service.diagnostics(analysis, settings({ maxNumberOfProblems: 2 })).slice(2);
    assert.equal(note.severity, 'information');
    assert.equal(note.message, '此处起还有 2 处问题未列出（最多列出 2 处，可在设置 speechDraft.maxNumberOfProblems 中调整）');
    assert.deepEqual(note.fixes, []);
    assert.deepEqual([7, 0, -1, 2.5, '5', null].map(max => parseSettings({ maxNumberOfProblems: max }).maxNumberOfProblems), [7, 0, 1000, 1000, 1000, 1000]);
    // Quick fixes still come from every problem, listed or not.
    assert.equal(service.quickFixes(analysis, settings({ maxNumberOfProblems: 1 }), { start: text.indexOf('三、'), end: text.indexOf('三、') + 1 }).length > 0, true);
  });

  it('gives the outline nested and cut to a limit, deeper levels first', () => {
    const service = createLanguageService(hostWith(CorpusKnowledge.of(undefined, shipped)));
    const text = '一、甲\n（一）子\n（二）丑\n二、乙\n（一）寅\n';
    const analysis = service.analyze(documentOf(text), settings());
    const names = (symbols: ReturnType<typeof service.outline>): unknown => symbols.map(s => [s.name, names(s.children)]);
    assert.deepEqual(names(service.outline(analysis)), [['一、甲', [['（一）子', []], ['（二）丑', []]]], ['二、乙', [['（一）寅', []]]]]);
    assert.deepEqual(names(service.outline(analysis, 3)), [['一、甲', []], ['二、乙', []]]);
    assert.deepEqual(service.sectionFolds(analysis, 1), [{ startLine: 0, endLine: 2 }]);
  });

  it('completes from the user\'s speeches first, with the place each item comes from', () => {
    const service = createLanguageService(hostWith(CorpusKnowledge.of(userIndex, shipped)));
    const text = '我们要坚持“三个';
    const analysis = service.analyze(documentOf(text), settings());
    const [first] = service.completions(analysis, settings(), text.length).filter(c => c.kind === 'sentence');
    assert.ok(first && first.kind === 'sentence');
    assert.match(first.text, /^三个到位/);
    assert.equal(first.sentence.fromUser, true);
    assert.equal(first.sentence.source.title, '在全县安全生产会议上的讲话');
    assert.equal(first.sentence.source.line, 2);
  });

  it('hovers over a formula with where the corpora use it, and not when formulas are off', () => {
    const service = createLanguageService(hostWith(CorpusKnowledge.of(userIndex, shipped)));
    const text = '坚持“三个到位”。';
    const analysis = service.analyze(documentOf(text), settings());
    const hover = service.hover(analysis, settings(), text.indexOf('三个'));
    assert.ok(hover);
    assert.match(hover.contents, /思想到位、措施到位、责任到位/);
    assert.match(hover.contents, /在全县安全生产会议上的讲话/);
    assert.equal(service.hover(analysis, settings({ formulasEnabled: false }), text.indexOf('三个')), undefined);
  });

  it('stops an analysis whose token is cancelled', () => {
    const service = createLanguageService(hostWith(CorpusKnowledge.of(undefined, shipped)));
    const document = documentOf('一、甲\n'.repeat(5000));
    assert.equal(service.analyzeUnlessCancelled(document, settings(), { isCancellationRequested: true }), undefined);
    assert.equal(service.analyzeUnlessCancelled(document, settings(), { isCancellationRequested: false })?.headings.length, 5000);
  });
});

describe('corpus knowledge', () => {
  it('reads a stored source once, whatever the file name holds', () => {
    assert.deepEqual(sourcePlace('speech-01.txt:12'), { file: 'speech-01.txt', line: 12 });
    assert.deepEqual(sourcePlace('C:\\讲话\\a:b.txt:3'), { file: 'C:\\讲话\\a:b.txt', line: 3 });
  });

  it('ranks the user\'s index first and names speeches by their titles', () => {
    const knowledge = CorpusKnowledge.of(userIndex, shipped);
    const [first] = knowledge.minedFormulas();
    assert.equal(first.name, '三个到位');
    assert.deepEqual(first.items, ['思想到位', '措施到位', '责任到位']);
    assert.match(first.source, /《在全县安全生产会议上的讲话》第 2 行/);
    const usage = knowledge.usage('三个到位');
    assert.equal(usage?.count, 3);
    assert.deepEqual(usage?.places.map(p => p.line), [2, 3, 3]);
  });

  it('puts the corpora\'s habit first among the kinds under a heading', () => {
    const habits = CorpusKnowledge.of(undefined, shipped).childKinds();
    const underFirst = shipped.headingPatterns.filter(p => p.childKind).sort((a, b) => b.count - a.count)[0];
    assert.equal(habits[underFirst.kind as keyof typeof habits]?.[0], underFirst.childKind);
  });
});
