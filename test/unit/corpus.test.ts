import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, Heading, importSeedPage, toSimplified } from '../../core/src';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.join(ROOT, 'corpus');
const files = fs.readdirSync(CORPUS).filter(f => /^speech-\d\d\.txt$/.test(f)).sort();
const read = (file: string) => fs.readFileSync(path.join(CORPUS, file), 'utf8');

function outline(text: string, depth = 2): string[] {
  const lines: string[] = [];
  const visit = (h: Heading) => {
    if (h.level > depth) return;
    lines.push(`${'  '.repeat(h.level - 1)}${h.marker.label}${h.text.slice(0, 8)}`);
    h.children.forEach(visit);
  };
  analyze(text).headings.forEach(visit);
  return lines;
}

describe('the shipped corpus', () => {
  it('holds the 19 speeches of the seed page', () => {
    assert.equal(files.length, 19);
  });

  it('is exactly what the importer makes of the seed page (committed output does not drift)', () => {
    const result = importSeedPage(fs.readFileSync(path.join(ROOT, 'test/fixtures/seed-page.txt'), 'utf8'));
    assert.equal(result.speeches.length, 19);
    for (const speech of result.speeches) {
      assert.equal(read(`speech-${String(speech.number).padStart(2, '0')}.txt`), `${speech.title}\n${speech.text}`);
    }
  });

  it('is clean: simplified, no pinyin, no half-width , : between Chinese, no furniture', () => {
    for (const file of files) {
      const text = read(file);
      assert.equal(toSimplified(text), text, `${file} has traditional characters`);
      assert.doesNotMatch(text, /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/, `${file} has a pinyin reading`);
      assert.doesNotMatch(text, /\p{Script=Han}[,:]\p{Script=Han}/u, `${file} has half-width punctuation`);
      assert.doesNotMatch(text, /小编|<[a-z]+|公\.?文\.?思|当前第|免费视频|乱码/, `${file} has page furniture`);
    }
  });

  it('keeps the placeholders of the templates', () => {
    assert.match(read('speech-01.txt'), /第x次专题会议/);
  });
});

describe('structure of the corpus speeches', () => {
  it('finds headings in every speech but the three written without markers (2, 5, 14)', () => {
    const without = files.filter(file => analyze(read(file)).headings.length === 0);
    assert.deepEqual(without, ['speech-02.txt', 'speech-05.txt', 'speech-14.txt']);
  });

  it('nests 一、 > （一） > 一要 (speech 4)', () => {
    assert.deepEqual(outline(read('speech-04.txt'), 3).slice(0, 9), [
      '一、务必认清形势，政', '二、务必抓住重点，工', '  （一）市委要求要坚决落', '    一要错时返学校',
      '    二要开展“回头看”', '    三要开好家长会', '    四要上好第一课', '    五要防控常态化', '  （二）应急预案要做得更',
    ]);
  });

  it('puts 第一， at the top with 一要 under it (speech 6)', () => {
    assert.deepEqual(outline(read('speech-06.txt')).slice(0, 5), [
      '第一，着力推动实体经济', '  一要切实提高抓实体经', '  二要及时兑现政策最大', '  三要为实体经济发展解', '第二，着力推动产业园区',
    ]);
  });

  it('nests 一是 inline under （n） under 一、 (speech 18)', () => {
    const analysis = analyze(read('speech-18.txt'));
    const second = analysis.headings.find(h => h.marker.label === '二、')!;
    assert.deepEqual(second.children.map(h => h.marker.label), ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);
    assert.deepEqual(second.children[0].children.map(h => [h.marker.label, h.inline]), [['一是', true], ['二是', true]]);
  });

  it('never takes 第一时间 or 第一责任人 for a marker', () => {
    for (const file of files) {
      for (const heading of analyze(read(file)).allHeadings) {
        assert.doesNotMatch(heading.marker.label + heading.text, /^第一(时间|责任人)/, file);
      }
    }
  });

  it('gives no placeholder warning on a speech without placeholders (speech 14)', () => {
    assert.deepEqual(analyze(read('speech-14.txt')).placeholders, []);
  });
});
