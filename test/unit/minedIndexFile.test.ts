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
  it('reads the shipped index\'s scalars at once and each list when first used', () => {
    const index = readMinedIndex(SHIPPED);
    assert.equal(index.version, 2);
    for (const list of ['speeches', 'phrases', 'slogans', 'summaries', 'openings', 'closings', 'headingPatterns', 'sentences']) assert.ok(isUnread(index, list), list);
    assert.ok(index.summaries.length > 0);
    assert.ok(!isUnread(index, 'summaries'));
    assert.ok(isUnread(index, 'phrases'), 'reading one list leaves the others');
    assert.equal(index.summaries, index.summaries, 'a list is parsed once');
  });

  it('gives what JSON.parse gives, for the layout `corpus mine` writes, 2-space JSON and JSON on one line', () => {
    const whole = JSON.parse(shippedText);
    for (const [name, text] of [['mined.json', shippedText], ['pretty.json', JSON.stringify(whole, null, 2)], ['compact.json', JSON.stringify(whole)]]) {
      assert.deepEqual({ ...readMinedIndex(written(name, text)) }, whole, name);
    }
    // Two top-level keys on one line: read whole.
    const joined = shippedText.replace('"version": 2,\n  "segmenter"', '"version": 2, "segmenter"');
    assert.deepEqual({ ...readMinedIndex(written('joined.json', joined)) }, whole);
  });

  it('says which file is not a mined index, and why', () => {
    assert.throws(() => readMinedIndex(path.join(folder, 'missing.json')), /cannot read the mined index .*missing\.json/);
    assert.throws(() => readMinedIndex(written('not-json.json', '{\n  "version": 2,\n  "phrases": [\n')), /cannot read the mined index .*not-json\.json/);
    assert.throws(() => readMinedIndex(written('old.json', shippedText.replace('"version": 2', '"version": 1'))), /old\.json is not a mined index of version 2/);
    assert.throws(() => readMinedIndex(written('no-list.json', shippedText.replace('"sentences": [', '"sentences": 0, "x": ['))), /no-list\.json is not a mined index of version 2/);
    const broken = readMinedIndex(written('broken.json', shippedText.replace('"phrases": [\n    {', '"phrases": [\n    {,')));
    assert.ok(broken.summaries.length > 0, 'the other lists still read');
    assert.throws(() => broken.phrases, /cannot read the mined index .*broken\.json: phrases: /);
  });
});
