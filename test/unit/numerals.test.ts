import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatChineseNumeral, parseChineseNumeral } from '../../core/src';

describe('Chinese numerals', () => {
  it('reads every numeral from 一 to 九十九, as it writes them', () => {
    for (let value = 1; value <= 99; value++) assert.equal(parseChineseNumeral(formatChineseNumeral(value)), value);
    assert.equal(parseChineseNumeral('二十'), 20);
    assert.equal(parseChineseNumeral('十三'), 13);
  });

  it('reads nothing else as one', () => {
    for (const text of ['', '〇', '零', '两', '百', '一百', '十十', '二三', '三十四五', '一十一一', '十a', 'a', '1', '二𠮷']) {
      assert.equal(parseChineseNumeral(text), undefined, text);
    }
  });
});
