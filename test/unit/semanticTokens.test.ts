import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, Analysis, DEFAULT_SETTINGS, semanticTokens } from '../../core/src';
import { random, speechLike } from '../support/random';

const ROOT = path.join(__dirname, '..', '..', '..');
const corpusSpeeches = fs.readdirSync(path.join(ROOT, 'corpus')).filter(f => f.endsWith('.txt')).map(f => fs.readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));

/** What colouring must hold on any text: it shows the analysis, no more, no less, in tokens an editor can take. */
function checkAgreement(text: string, analysis: Analysis): void {
  const tokens = semanticTokens(analysis, DEFAULT_SETTINGS);
  for (let i = 0; i < tokens.length; i++) {
    assert.ok(tokens[i].end > tokens[i].start, 'no empty token');
    assert.ok(!text.slice(tokens[i].start, tokens[i].end).includes('\n'), 'no token crosses a line');
    if (i) assert.ok(tokens[i].start >= tokens[i - 1].end, 'tokens are disjoint and in order');
  }
  const spans = (type: string) => tokens.filter(t => t.type === type || (type === 'marker' && t.type === 'parallelMarker') || (type === 'marker' && t.type === 'headingMarker')).map(t => `${t.start}-${t.end}`);
  assert.deepEqual(spans('marker'), analysis.allHeadings.map(h => `${h.marker.start}-${h.marker.end}`), 'every marker of the outline, and nothing else');
  assert.deepEqual(spans('placeholder'), analysis.placeholders.map(p => `${p.start}-${p.end}`), 'every placeholder reported, and nothing else');
}

describe('semantic tokens agree with the analysis', () => {
  it('on every speech of the shipped corpus', () => {
    for (const text of corpusSpeeches) checkAgreement(text, analyze(text));
    assert.ok(corpusSpeeches.length >= 19);
  });

  it('on random speech-like text', () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const text = speechLike(next, 30);
      checkAgreement(text, analyze(text));
    }
  });

  it('colours a heading\'s text around the formulas and placeholders inside it', () => {
    const text = '一、树牢“四个意识”，做好xx工作\n（一）要点\n一是落实。\n';
    const analysis = analyze(text);
    const tokens = semanticTokens(analysis, DEFAULT_SETTINGS).map(t => [text.slice(t.start, t.end), t.type, t.modifiers.join()]);
    assert.deepEqual(tokens, [
      ['一、', 'headingMarker', 'level1'], ['树牢“', 'heading', 'level1'], ['四个意识', 'formula', ''], ['”，做好', 'heading', 'level1'],
      ['xx', 'placeholder', ''], ['工作', 'heading', 'level1'], ['（一）', 'headingMarker', 'level2'], ['要点', 'heading', 'level2'],
      ['一是', 'parallelMarker', ''],
    ]);
  });

  it('leaves out formulas and placeholders whose checks are off', () => {
    const text = '一、树牢“四个意识”，做好xx工作\n';
    const types = semanticTokens(analyze(text), { ...DEFAULT_SETTINGS, formulasEnabled: false, placeholdersEnabled: false }).map(t => t.type);
    assert.deepEqual(types, ['headingMarker', 'heading']);
  });
});
