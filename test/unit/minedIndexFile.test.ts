// Reading a mined index: the shipped one's lists parsed when first used, every layout read the same.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readMinedIndex } from '../../host/src';

const SHIPPED = path.resolve(__dirname, '../../../corpus/mined.json');
const shippedText = fs.readFileSync(SHIPPED, 'utf8');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-mined-index-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

function written(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

const isUnread = (index: object, key: string) => !!Object.getOwnPropertyDescriptor(index, key)?.get;

describe('readMinedIndex', () => {
  it('reads the shipped index\'s scalars and small lists at once, its phrases and sentences when first used', () => {
    const index = readMinedIndex(SHIPPED);
    assert.equal(index.version, 2);
    for (const list of ['speeches', 'slogans', 'summaries', 'openings', 'closings', 'headingPatterns']) assert.ok(!isUnread(index, list), list);
    assert.ok(isUnread(index, 'phrases') && isUnread(index, 'sentences'));
    assert.ok(index.sentences.length > 0);
    assert.ok(!isUnread(index, 'sentences'));
    assert.ok(isUnread(index, 'phrases'), 'reading one list leaves the others');
    assert.equal(index.sentences, index.sentences, 'a list is parsed once');
  });

  it('gives what JSON.parse gives, for the layout `corpus mine` writes, 2-space JSON and JSON on one line', () => {
    const whole = JSON.parse(shippedText);
    for (const [name, text] of [['mined.json', shippedText], ['pretty.json', JSON.stringify(whole, null, 2)], ['compact.json', JSON.stringify(whole)]]) {
      assert.deepEqual({ ...readMinedIndex(written(name, text)) }, whole, name);
    }
    // Read whole: two top-level keys on one line, a key on the brace's line, 4-space indents.
    const joined = shippedText.replace('"version": 2,\n  "segmenter"', '"version": 2, "segmenter"');
    const onBraceLine = shippedText.replace('{\n  "version"', '{"version"');
    for (const [name, text] of [['joined.json', joined], ['brace-line.json', onBraceLine], ['indented-4.json', JSON.stringify(whole, null, 4)]]) {
      const index = readMinedIndex(written(name, text));
      assert.ok(!isUnread(index, 'phrases'), name);
      assert.deepEqual({ ...index }, whole, name);
    }
    // \r\n line ends (a Windows checkout), and an empty list: still list by list.
    const crlf = readMinedIndex(written('crlf.json', shippedText.replace(/\n/g, '\r\n')));
    assert.ok(isUnread(crlf, 'phrases'));
    assert.deepEqual({ ...crlf }, whole);
    const openings = shippedText.indexOf('"openings": [');
    const emptied = `${shippedText.slice(0, openings)}"openings": []${shippedText.slice(shippedText.indexOf('\n  ]', openings) + 4)}`;
    assert.deepEqual(readMinedIndex(written('empty-list.json', emptied)).openings, []);
  });

  it('says which file is not a mined index, and why', () => {
    assert.throws(() => readMinedIndex(path.join(folder, 'missing.json')), /cannot read the mined index .*missing\.json/);
    assert.throws(() => readMinedIndex(written('not-json.json', '{\n  "version": 2,\n  "phrases": [\n')), /cannot read the mined index .*not-json\.json/);
    assert.throws(() => readMinedIndex(written('old.json', shippedText.replace('"version": 2', '"version": 1'))), /old\.json is not a mined index of version 2/);
    assert.throws(() => readMinedIndex(written('no-list.json', shippedText.replace('"sentences": [', '"sentences": 0, "x": ['))), /no-list\.json is not a mined index of version 2/);
    assert.throws(() => readMinedIndex(written('trailing.json', `${shippedText}x`)), /cannot read the mined index .*trailing\.json/);
    // A small list is read with the file, a large one when first used: each error names the file.
    assert.throws(() => readMinedIndex(written('bad-summaries.json', shippedText.replace('"summaries": [\n    {', '"summaries": [\n    {,'))), /cannot read the mined index .*bad-summaries\.json/);
    const broken = readMinedIndex(written('broken.json', shippedText.replace('"phrases": [\n    {', '"phrases": [\n    {,')));
    assert.ok(broken.summaries.length > 0, 'the other lists still read');
    assert.throws(() => broken.phrases, /cannot read the mined index .*broken\.json: phrases: /);
  });
});
