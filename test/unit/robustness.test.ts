import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyze, Analysis, AnalysisCache, applyEdits, CandidateIndex, continuationsAt, corpusMatchesAt, formatEdits,
} from '../../core/src';
import { layoutSpeech } from '../../core/src/export/layout';
import { LineIndex, UnchangedEnds } from '../../core/src/text';
import { decodeText } from '../../host/src';
import { random, randomEdit, speechLike } from '../support/random';

/** What the editor shows of an analysis, for comparing two of them. */
function shown(analysis: Analysis) {
  return {
    headings: analysis.allHeadings.map(h => [h.kind, h.level, h.marker.start, h.start, h.end, h.text]),
    diagnostics: analysis.diagnostics.map(d => [d.range.start, d.range.end, d.code, d.message, d.fixes.map(f => f.edits)]),
    formulas: analysis.formulas.map(f => [f.name, f.start, f.end, f.expansion?.items.map(i => [i.start, i.end])]),
    placeholders: analysis.placeholders.map(p => [p.start, p.end]),
    stats: analysis.stats,
    sections: analysis.allHeadings.map(h => analysis.counter.count(h.start, h.end)),
  };
}

/** Every range an analysis reports lies within the text. */
function assertInside(analysis: Analysis, what: string) {
  const length = analysis.text.length;
  const inside = (start: number, end: number) => 0 <= start && start <= end && end <= length;
  for (const h of analysis.allHeadings) assert.ok(inside(h.start, h.end) && inside(h.marker.start, h.marker.end), `${what}: heading`);
  for (const d of analysis.diagnostics) {
    assert.ok(inside(d.range.start, d.range.end), `${what}: diagnostic ${d.code}`);
    for (const fix of d.fixes) for (const e of fix.edits) assert.ok(inside(e.start, e.end), `${what}: fix of ${d.code}`);
  }
  for (const f of analysis.formulas) assert.ok(inside(f.start, f.end), `${what}: formula`);
  for (const p of analysis.placeholders) assert.ok(inside(p.start, p.end), `${what}: placeholder`);
}

const EDIT_SEQUENCES = 1500;
const EDITS_PER_SEQUENCE = 8;

describe('incremental analysis', () => {
  it(`equals a fresh analysis after every step of ${EDIT_SEQUENCES} random edit sequences`, () => {
    const next = random(42);
    for (let sequence = 0; sequence < EDIT_SEQUENCES; sequence++) {
      let text = speechLike(next, 10 + Math.floor(next() * 40));
      const cache = new AnalysisCache();
      analyze(text, { cache });
      for (let step = 0; step < EDITS_PER_SEQUENCE; step++) {
        const edit = randomEdit(next, text);
        text = applyEdits(text, [edit]);
        assert.deepEqual(shown(analyze(text, { cache })), shown(analyze(text, { cache: false })), `sequence ${sequence}, step ${step}: ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('incremental analysis of what lines do not bound', () => {
  it('finds placeholders across a line break and in lines ending in a lone \\r as a fresh analysis does', () => {
    const texts = ['一、开头\n【\n】xx\n', '***\rabc***\n（一）xx', '一、开头\r\n【 】\r\n20xx年\r\n'];
    for (const text of texts) {
      const cache = new AnalysisCache();
      analyze('一、开头', { cache });
      assert.deepEqual(shown(analyze(text, { cache })), shown(analyze(text, { cache: false })), JSON.stringify(text));
      const edited = text.replace('开头', '开头新');
      assert.deepEqual(shown(analyze(edited, { cache })), shown(analyze(edited, { cache: false })), JSON.stringify(edited));
    }
  });

  it('counts any stretch of a section as the sum of its parts, wherever a section ends in its line', () => {
    const text = '一、总体要求abc def。一是压实责任，二是强化ab监管。\n（一）xx县 12 项任务\n同志们，Word 文档';
    const analysis = analyze(text);
    const markers = analysis.allHeadings.map(h => h.marker);
    const alnum = (i: number) => /[A-Za-z0-9]/.test(text[i] ?? '');
    const inMarker = (i: number) => markers.some(m => m.start <= i && i < m.end);
    // The rule, one character at a time: no blanks, no markers, a run of letters or digits once.
    const counted = (i: number) => !inMarker(i) && !/[\s\u3000]/.test(text[i]) && !(alnum(i) && i > 0 && alnum(i - 1) && !inMarker(i - 1));
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        assert.equal(analysis.counter.count(start, end), analysis.counter.count(0, end) - analysis.counter.count(0, start), `${start}-${end}`);
      }
    }
    for (let end = 0; end <= text.length; end++) {
      let expected = 0;
      for (let i = 0; i < end; i++) if (counted(i)) expected++;
      assert.equal(analysis.counter.count(0, end), expected, `0-${end}`);
    }
  });
});

describe('the line index of an edited text', () => {
  it('equals a fresh index after every step of 3,000 random edits, line breaks of every kind included, told what they left alone or not', () => {
    const next = random(43);
    const pieces = ['\n', '\r', '\r\n', '\n\n', '一、', '安全', 'a', '', '。'];
    for (let sequence = 0; sequence < 300; sequence++) {
      let text = Array.from({ length: Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      let index = new LineIndex(text);
      for (let line = 0; line < index.lineCount; line += 2) index.lineText(line);
      // Also told what the edits left alone, as the server counts it, over one or two edits at a time.
      let told = index;
      let unchanged: UnchangedEnds = { since: text, start: text.length, end: text.length };
      for (let step = 0; step < 10; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 4));
        const inserted = Array.from({ length: Math.floor(next() * 3) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
        unchanged.start = Math.min(unchanged.start, start);
        unchanged.end = Math.min(unchanged.end, text.length - end);
        text = text.slice(0, start) + inserted + text.slice(end);
        index = new LineIndex(text, index);
        const fresh = new LineIndex(text);
        const what = `sequence ${sequence}, step ${step}: ${JSON.stringify(text)}`;
        assert.deepEqual(index.lineStarts, fresh.lineStarts, what);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(index.lineText(line), fresh.lineText(line), what);
        if (next() < 0.5) continue;
        told = new LineIndex(text, told, unchanged);
        unchanged = { since: text, start: text.length, end: text.length };
        assert.deepEqual(told.lineStarts, fresh.lineStarts, `${what} (told)`);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(told.lineText(line), fresh.lineText(line), `${what} (told)`);
      }
    }
  });
});

describe('the line index of a long text', () => {
  it('equals a fresh index after edits over long stretches and short ones, with \\r in them or only far after them', () => {
    const next = random(47);
    const breaks = ['\n', '\r\n', '\r'];
    const lineOf = (i: number) => `第${i}行${'安全生产'.repeat(Math.floor(next() * 6))}`;
    // Line feeds only, then every kind of break far after them: a short stretch's search must stop at its end.
    let text = Array.from({ length: 3000 }, (_, i) => lineOf(i)).join('\n') + Array.from({ length: 300 }, (_, i) => lineOf(i) + breaks[i % 3]).join('');
    let index = new LineIndex(text);
    for (let step = 0; step < 40; step++) {
      const start = Math.floor(next() * text.length);
      const end = Math.min(text.length, start + (next() < 0.3 ? Math.floor(next() * 20000) : Math.floor(next() * 3)));
      const inserted = next() < 0.5 ? '' : Array.from({ length: 1 + Math.floor(next() * 3) }, () => breaks[Math.floor(next() * 3)] + lineOf(step)).join('');
      const unchanged = { since: text, start, end: text.length - end };
      text = text.slice(0, start) + inserted + text.slice(end);
      index = new LineIndex(text, index, unchanged);
      assert.deepEqual(index.lineStarts, new LineIndex(text).lineStarts, `step ${step}`);
    }
  });
});

describe('fuzzing the core', { timeout: 120000 }, () => {
  const index = new CandidateIndex([{ text: '克服麻痹思想', kind: 'formula', count: 1, fromUser: false }]);

  function exercise(text: string, what: string, next: () => number) {
    const analysis = analyze(text);
    assertInside(analysis, what);
    const formatted = applyEdits(text, formatEdits(text));
    assert.equal(formatted.replace(/[\p{P}\p{Zs}\t]/gu, ''), text.replace(/[\p{P}\p{Zs}\t]/gu, ''), `${what}: format`);
    layoutSpeech(analysis);
    for (let k = 0; k < 5; k++) {
      const offset = Math.floor(next() * (text.length + 1));
      for (const match of corpusMatchesAt(analysis.lines, offset, index)) assert.ok(match.start >= 0 && match.end === offset, `${what}: completion`);
      for (const c of continuationsAt(analysis.lines, offset, analysis.headings)) assert.ok(c.start <= c.end && c.end === offset, `${what}: continuation`);
    }
  }

  it('survives 2,000 random Unicode texts and random bytes', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(next() * 300);
      let text = '';
      for (let k = 0; k < length; k++) {
        const r = next();
        const code = r < 0.5 ? 0x4e00 + Math.floor(next() * 0x5000) : r < 0.8 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 0x10000);
        text += String.fromCharCode(code);
      }
      exercise(text, `random text ${i}`, next);
      const bytes = Uint8Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256));
      const decoded = decodeText(bytes);
      assert.ok(decoded.ok ? typeof decoded.text === 'string' : decoded.reason.length > 0);
    }
  });

  it('survives pathological drafts', () => {
    const next = random(8);
    const cases: [string, string][] = [
      ['a 1 MB line without a full stop', '安全生产'.repeat(250_000)],
      ['a million 一、 lines', '一、\n'.repeat(1_000_000)],
      ['deeply nested markers', Array.from({ length: 20_000 }, (_, i) => ['一、', '（一）', '1.', '（1）', '一是'][i % 5] + '内容').join('\n')],
      ['unbalanced brackets and quotes', '（（（“““《《【'.repeat(50_000) + '）”'.repeat(10)],
      ['only placeholders', 'xx××***___某某'.repeat(50_000)],
      ['only line breaks', '\r\n'.repeat(200_000)],
      ['lone surrogates', '\ud842\ud842\udfb7\udfb7'.repeat(50_000)],
    ];
    for (const [what, text] of cases) exercise(text, what, next);
  });
});
