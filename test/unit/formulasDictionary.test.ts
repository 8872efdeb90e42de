import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, curatedFormulas, Diagnostic, FormulaEntry } from '../../core/src';

/**
 * Generated over the whole curated dictionary: every entry's canonical wording, in each shape a
 * drafter writes it, is silent; each single mutation of it gives exactly one diagnostic whose fix
 * restores the canonical text.
 */

const formulaCodes = (d: Diagnostic) => d.code.startsWith('formula') || d.code === 'announced-count';
const check = (text: string) => analyze(text).diagnostics.filter(formulaCodes);
const describeAll = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${d.code}: ${d.message}`).join('; ') || 'none';

const entries = curatedFormulas();
/** Items are joined as the sources join them: by ； when they hold a ， (四种形态), by ， when they hold a 、 (两个维护). */
const separator = (entry: FormulaEntry) => (entry.items.some(item => item.includes('，')) ? '；'
  : entry.items.some(item => item.includes('、')) ? '，' : '、');
/** An entry named by its own items (外防输入、内防反弹) has no name to spell out. */
const namedByItems = (entry: FormulaEntry) => entry.name === entry.items.join('、');

/** The shapes a text spells a formula out in, each a function of the items written. */
function shapes(entry: FormulaEntry): { shape: string; explicit: boolean; text: (items: string[]) => string }[] {
  const joined = (items: string[]) => items.join(separator(entry));
  const list = { shape: 'list', explicit: false, text: (items: string[]) => `我们要坚持${joined(items)}。` };
  if (namedByItems(entry)) return [list];
  // Unnamed lists are read within a clause: a formula whose items are joined by ， (两个维护) is
  // found by its name only.
  const unnamed = separator(entry) === '、' ? [list] : [];
  return [
    ...unnamed,
    { shape: 'before', explicit: false, text: items => `坚持${joined(items)}的“${entry.name}”。` },
    { shape: 'brackets', explicit: true, text: items => `深入贯彻“${entry.name}”（${joined(items)}）要求。` },
    { shape: 'namely', explicit: true, text: items => `全面落实“${entry.name}”，即${joined(items)}。` },
    { shape: 'unquoted namely', explicit: true, text: items => `全面落实${entry.name}，即${joined(items)}。` },
  ];
}

/** A character not in the item, for a one-character change. */
function changedCharacter(item: string): string {
  const at = item.length - 1;
  const replacement = [...'甲乙丙丁'].find(c => !item.includes(c))!;
  return item.slice(0, at) + replacement + item.slice(at + 1);
}

/** Applies every fix of the diagnostics (one edit set each) to the text. */
function fixedText(text: string, diagnostics: Diagnostic[]): string {
  return applyEdits(text, diagnostics.flatMap(d => d.fixes[0]?.edits ?? []));
}

function expectOne(text: string, code: string, canonical: string) {
  const diagnostics = check(text);
  assert.equal(diagnostics.length, 1, `${text} → ${describeAll(diagnostics)}`);
  assert.equal(diagnostics[0].code, code, `${text} → ${describeAll(diagnostics)}`);
  assert.ok(diagnostics[0].fixes.length, `${text}: no fix`);
  assert.equal(fixedText(text, diagnostics), canonical, text);
}

const listed = entries.filter(e => e.items.length >= 2 && e.status !== 'superseded');

describe('the curated dictionary', () => {
  it('holds at least 100 entries, each with a category and a source', () => {
    assert.ok(entries.length >= 100, `${entries.length} entries`);
    for (const entry of entries) {
      assert.ok(entry.category, `${entry.name}: category`);
      assert.ok(entry.source, `${entry.name}: source`);
      if (entry.status === 'superseded') assert.ok(entry.supersededOn && entry.replacedBy, `${entry.name}: when and by what`);
      for (const [variant, item] of Object.entries(entry.variants ?? {})) assert.ok(entry.items.includes(item), `${entry.name}: ${variant} → ${item}`);
    }
  });
});

describe('the pages the dictionary cites', () => {
  it('are official or state media pages only: the hover shows them to the drafter', () => {
    const official = /(^|\.)(gov\.cn|people\.com\.cn|people\.cn|xinhuanet\.com|news\.cn|qstheory\.cn|china\.org\.cn|china\.com\.cn|rmlt\.com\.cn|taiwan\.cn|edu\.cn|news\.hebei\.com\.cn|fjsen\.com|kankanews\.com|qizhiwang\.org\.cn|cntv\.cn|rmzxb\.com\.cn|nxrb\.cn|cnhubei\.com|fjdaily\.com|e23\.cn|hznews\.com|chinatoday\.com\.cn|chinadaily\.com\.cn|xuexi\.cn|dahe\.cn|cjyun\.org|pdnews\.cn|cgtn\.com|chinagate\.cn|wenming\.cn|yanews\.cn|gmw\.cn|ce\.cn|hubeidaily\.net|zmdnews\.cn|legaldaily\.com\.cn)$/;
    for (const entry of entries) {
      if (entry.url) assert.match(new URL(entry.url).hostname, official, entry.name);
    }
  });
});

describe('the README', () => {
  it('states the entry count by status and category as the dictionary has them', () => {
    const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8').replace(/\s+/g, ' ');
    const count = (key: (e: FormulaEntry) => string) => {
      const counts = new Map<string, number>();
      for (const entry of entries) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
      return counts;
    };
    assert.ok(readme.includes(`holds **${entries.length} entries**`), 'total');
    for (const [status, n] of count(e => e.status)) assert.ok(readme.includes(`${status} ${n}`), `${status} ${n}`);
    for (const [category, n] of count(e => e.category!)) assert.ok(readme.includes(`${category} ${n}`), `${category} ${n}`);
  });
});

describe('every entry in every shape', () => {
  for (const entry of listed) {
    describe(entry.name, () => {
      for (const { shape, explicit, text } of shapes(entry)) {
        const canonical = text(entry.items);

        it(`${shape}: the canonical wording is silent`, () => {
          assert.deepEqual(check(canonical).map(d => d.message), [], canonical);
        });

        it(`${shape}: two items swapped are put back in order`, () => {
          const swapped = [entry.items[1], entry.items[0], ...entry.items.slice(2)];
          expectOne(text(swapped), 'formula-order', canonical);
        });

        // Exclusion: an unnamed list of two items, one misworded, has a single item to be known by;
        // it is checked when the name is there.
        const pairWithoutName = shape === 'list' && entry.items.length === 2;
        if (!pairWithoutName) it(`${shape}: a one-character change is corrected`, () => {
          for (const k of [0, entry.items.length - 1]) {
            const changed = entry.items.map((item, i) => (i === k ? changedCharacter(item) : item));
            expectOne(text(changed), 'formula-wording', canonical);
          }
        });

        if (explicit) {
          it(`${shape}: a dropped item is named and restored`, () => {
            for (const k of [0, entry.items.length - 1]) expectOne(text(entry.items.filter((_, i) => i !== k)), 'formula-items', canonical);
          });
        }

        if (entry.variants) {
          it(`${shape}: accepted variants are silent`, () => {
            const byCanonical = new Map(Object.entries(entry.variants!).map(([variant, item]) => [item, variant]));
            const written = text(entry.items.map(item => byCanonical.get(item) ?? item));
            assert.deepEqual(check(written).map(d => d.message), [], written);
          });
        }

        for (const previous of entry.previousItems ?? []) {
          it(`${shape}: the wording before ${previous.until} is pointed out, item by item`, () => {
            const old = text(previous.items);
            const diagnostics = check(old);
            const changed = previous.items.filter(item => !entry.items.includes(item));
            assert.deepEqual(diagnostics.map(d => d.code), changed.map(() => 'formula-superseded'), `${old} → ${describeAll(diagnostics)}`);
            assert.equal(fixedText(old, diagnostics), canonical);
          });
        }
      }
    });
  }

  for (const entry of entries.filter(e => e.status === 'superseded')) {
    it(`${entry.name}: superseded, pointed out once by name`, () => {
      const spelledOut = entry.items.length && !namedByItems(entry) ? `（${entry.items.join(separator(entry))}）` : '';
      const text = `继续坚持“${entry.name}”${spelledOut}。`;
      const diagnostics = check(text);
      assert.deepEqual(diagnostics.map(d => d.code), ['formula-superseded'], `${text} → ${describeAll(diagnostics)}`);
    });
  }
});

describe('plain counting next to the dictionary', () => {
  it('stays silent', () => {
    for (const text of ['用三个月时间集中整治。', '会议开了两个小时。', '全县五个乡镇全部完成任务。', '第一时间到岗到位。',
      '存在四个方面的问题。', '主要存在四个方面的问题：一是学习不够，二是调研不深，三是落实不力，四是作风不实。']) {
      assert.deepEqual(analyze(text).formulas.map(f => f.name), [], text);
      assert.deepEqual(check(text), [], text);
    }
  });
});
