// Input that once made the analysis take minutes or hang. Each test has a timeout far above what
// the work takes (milliseconds): it catches a hang, it does not time the code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, formatEdits } from '../../core/src';

const HANG = { timeout: 60_000 };

describe('input that must not hang the analysis', () => {
  it('formats a long run of letters (no mail address in it) at once', HANG, () => {
    assert.deepEqual(formatEdits('甲' + 'a'.repeat(400_000) + ',乙'), [{ start: 400_001, end: 400_002, newText: '，' }]);
  });

  it('still keeps a mail address after a long run of letters and dots', HANG, () => {
    const text = `联系：${'a.'.repeat(100_000)}b@example.cn,谢谢`;
    const edits = formatEdits(text);
    assert.deepEqual(edits.map(e => e.newText), ['，']);
    assert.equal(edits[0].start, text.indexOf(',谢谢'));
  });

  it('matches ignore patterns in linear time: a catastrophic pattern cannot hang the server', HANG, () => {
    const analysis = analyze(`请填写${'_'.repeat(40)}，并于xx日前报送。`, { placeholderIgnore: ['(_+)+!', 'x+'] });
    assert.deepEqual(analysis.placeholders.map(p => p.text), ['_'.repeat(40)]);
  });

  it('reports a pattern RE2 cannot run (look-around, back-reference) once, and skips it', () => {
    const analysis = analyze('xx县', { placeholderIgnore: ['(?<=a)x', '(x)\\1'] });
    assert.equal(analysis.optionErrors.length, 2);
    assert.deepEqual(analysis.placeholders.map(p => p.text), ['xx']);
  });

  it('reads a flattened paste of 20,000 formula lists on one line', HANG, () => {
    const list = '增强“四个意识”（政治意识、全局意识、核心意识、看齐意识），坚定“四个自信”（道路自信、理论自信、制度自信、文化自信）。';
    const analysis = analyze(list.repeat(20_000));
    assert.equal(analysis.formulas.length, 40_000);
    assert.equal(analysis.diagnostics.filter(d => d.code === 'formula-wording').length, 20_000);
  });
});
