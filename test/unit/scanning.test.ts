import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charSet, CodeTest, curatedDictionary, FormulaDictionary, inlineMarkers, isHan, isHanAt } from '../../core/src';
import { WHITE_SPACE } from '../../core/src/whiteSpace';
import { pick, random } from '../support/random';

/**
 * The analysis reads characters by code where it once ran a regex on each (see charSet, CodeTest,
 * NameFinder): these read the same as the regexes they stand for.
 */

/** What the regex of every name (longest first, as the name finder replaced) finds in a text. */
function regexNames(names: string[], text: string): string[] {
  const sorted = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(sorted.map(name => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return [...text.matchAll(pattern)].map(match => `${match.index}:${match[0]}`);
}

function finderNames(dictionary: FormulaDictionary, text: string): string[] {
  const finder = dictionary.nameFinder();
  const found: string[] = [];
  for (let start = finder.find(text, 0); start >= 0; start = finder.find(text, Math.max(finder.end, start + 1))) found.push(`${start}:${finder.name}`);
  return found;
}

describe('the name finder', () => {
  it('finds what the regex of every name finds: the first place one starts, the longest there', () => {
    const dictionary = curatedDictionary();
    const names = dictionary.entries.flatMap(entry => [entry.name, ...(entry.aliases ?? [])]);
    // Texts of names, their beginnings and ends, run together (overlapping, a name inside a longer one) and apart.
    const pieces = [...names, ...names.map(name => name.slice(0, -1)), ...names.map(name => name.slice(1)), '、', '“', '”', '，', '的', '𠮷', 'x'];
    const next = random(15);
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let k = Math.floor(next() * 12); k > 0; k--) text += pick(next, pieces);
      assert.deepEqual(finderNames(dictionary, text), regexNames(names, text), text);
    }
  });

  it('finds one-character names and names that begin others', () => {
    const names = ['双', '双碳', '双碳目标', '碳'];
    const dictionary = new FormulaDictionary(names.map(name => ({ name, items: [], status: 'current' as const, source: 'test', origin: 'user' as const })));
    for (const text of ['双', '双碳目', '实现双碳目标', '碳双碳', '双双碳碳', '']) assert.deepEqual(finderNames(dictionary, text), regexNames(names, text), text);
  });

  it('finds names of two characters or more wherever they start, reading every other character', () => {
    const names = ['碳达', '达峰', '碳中和', '中和'];
    const dictionary = new FormulaDictionary(names.map(name => ({ name, items: [], status: 'current' as const, source: 'test', origin: 'user' as const })));
    // Every text of up to five of these characters: names at odd and even offsets, next to each other, at the end.
    let texts = [''];
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap(text => [...'碳达峰中和x'].map(ch => text + ch));
      for (const text of texts) assert.deepEqual(finderNames(dictionary, text), regexNames(names, text), text);
    }
  });
});

describe('the scan for run-in markers, which reads every other character', () => {
  it('finds them at odd and even offsets, and a clause end as the line’s last character', () => {
    for (let shift = 0; shift < 4; shift++) {
      const line = `${'要'.repeat(shift)}工作有要求。一是抓好落实。二是压实责任；三是加强督查。\u3000（一）总体要求。`;
      assert.deepEqual(inlineMarkers(line, 0, line.length).map(m => `${m.label}@${m.start - shift}`), ['一是@6', '（一）@28'], line);
    }
    const labels = (line: string) => inlineMarkers(line, 0, line.length).map(m => m.label);
    assert.deepEqual(['。', '要。', '一是甲。二', '甲。二是乙'].map(labels), [[], [], [], ['二是']]);
  });
});

describe('tests by character code', () => {
  it('read every code unit as the regex reads it as a one-character string', () => {
    const space = new CodeTest(/[\s\u3000]/);
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      assert.equal(isHanAt(ch, 0), isHan(ch), `isHan U+${code.toString(16)}`);
      assert.equal(space.at(ch, 0), /[\s\u3000]/.test(ch), `space U+${code.toString(16)}`);
    }
    assert.equal(isHanAt('中', 1), false);
    assert.equal(isHanAt('中', -1), false);
  });

  it('list as white space what \\s matches, and nothing else', () => {
    const listed = new Set(WHITE_SPACE);
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      assert.equal(listed.has(ch), /\s/.test(ch), `U+${code.toString(16)}`);
    }
  });

  it('find a set’s characters and nothing else, past the end of the text neither', () => {
    const set = charSet('，。、；');
    for (const ch of '，。、；') assert.equal(set[ch.charCodeAt(0)], 1);
    for (const ch of 'a,.中　') assert.notEqual(set[ch.charCodeAt(0)], 1);
    assert.notEqual(set['。'.charCodeAt(1)], 1);
  });
});
