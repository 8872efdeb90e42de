// npm run bench:completion: how many keystrokes completion saves, against a plain character n-gram.
// Leave-one-out over the 19 shipped speeches: each is held out in turn, the other 18 are mined with
// the core's miner (segmentation cached on disk) and indexed as the server indexes them, and the
// held-out speech is typed clause by clause. Deterministic: no randomness, no timing in the scores.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { percentile, ROOT, round } from './inputs.mjs';

const require = createRequire(import.meta.url);
const core = require(path.join(ROOT, 'out/core/src/index.js'));
const { mineFolders } = require(path.join(ROOT, 'out/host/src/index.js'));
const { jiebaSegmenter } = require(path.join(ROOT, 'out/host/src/index.js'));

/** A trigger is a clause start followed by at least this many Han characters. */
const MIN_FOLLOWING = 6;
const CLAUSE_PUNCTUATION = '，。、：；！？';
const TOP = 5;
const NGRAM_CONTEXT = 3;
const NGRAM_LONGEST = 16;
const NGRAM_STOP = new Set([...core.CJK_PUNCTUATION, '\n']);

const CORPUS = path.join(ROOT, 'corpus');
const FILES = fs.readdirSync(CORPUS).filter(f => /^speech-\d\d\.txt$/.test(f)).sort();
const UNLIKE = path.join(ROOT, 'test/fixtures/unlike');
const UNLIKE_FILES = [path.join(ROOT, 'samples/sample.speech'), ...fs.readdirSync(UNLIKE).filter(f => f.endsWith('.txt')).sort().map(f => path.join(UNLIKE, f))];
const TITLES = new Map(JSON.parse(fs.readFileSync(path.join(CORPUS, 'index.json'), 'utf8')).speeches.map(s => [s.file, s.title]));

/** Lines of a speech after its title line. */
function bodyLines(file) {
  return fs.readFileSync(path.join(CORPUS, file), 'utf8').split('\n').slice(1);
}

/** Clause starts followed by ≥ 6 Han characters: [line, character]. */
function triggersOf(lines) {
  const found = [];
  lines.forEach((line, lineNumber) => {
    const indent = /^[\s\u3000]*/.exec(line)[0].length;
    for (let at = indent; at < line.length; at++) {
      if (at !== indent && !CLAUSE_PUNCTUATION.includes(line[at - 1])) continue;
      const following = [...line.slice(at, at + MIN_FOLLOWING * 2)].slice(0, MIN_FOLLOWING);
      if (following.length === MIN_FOLLOWING && following.every(ch => core.isHan(ch))) found.push([lineNumber, at]);
    }
  });
  return found;
}

/** The plain character n-gram: most frequent continuations of the typed text, backing off its left context. */
class CharacterNgram {
  constructor(speechLines) {
    this.text = speechLines.map(line => `\n${line}`).join('') + '\n';
  }

  complete(context, typed) {
    const items = [];
    for (let length = Math.min(NGRAM_CONTEXT, context.length); length >= 0 && items.length < TOP; length--) {
      const key = context.slice(context.length - length) + typed;
      const counts = new Map();
      for (let at = this.text.indexOf(key); at >= 0; at = this.text.indexOf(key, at + 1)) {
        let end = at + key.length;
        while (end < this.text.length && end - at - key.length < NGRAM_LONGEST && !NGRAM_STOP.has(this.text[end])) end++;
        const continuation = this.text.slice(at + key.length, end);
        if (continuation) counts.set(continuation, (counts.get(continuation) ?? 0) + 1);
      }
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([text]) => text);
      for (const continuation of ranked) if (items.length < TOP && !items.includes(continuation)) items.push(continuation);
    }
    return items;
  }
}

const commonPrefix = (a, b) => { let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++; return i; };

/**
 * Scores of one system over its triggers, each item's inserted text against the true rest of the
 * line. The drafter takes, of the top 5, the item that nets the most characters (true characters
 * inserted minus the wrong ones left to delete), or none when none nets any; `net_top1` instead
 * always takes the first item.
 */
class Score {
  constructor() { Object.assign(this, { triggers: 0, shown: 0, hit1: 0, hit5: 0, gained: 0, net: 0, netTop1: 0, items: 0, wrongFirst: 0, times: [] }); }

  add(inserted, truth) {
    this.triggers++;
    const top = inserted.slice(0, TOP);
    if (!top.length) return;
    this.shown++;
    const right = top.map(text => text.length > 0 && truth.startsWith(text));
    if (right[0]) this.hit1++;
    if (right.some(Boolean)) this.hit5++;
    const outcomes = top.map(text => { const gained = commonPrefix(text, truth); return { gained, net: gained - (text.length - gained) }; });
    const taken = outcomes.reduce((best, o) => (o.net > best.net ? o : best), { gained: 0, net: 0 });
    this.gained += taken.gained;
    this.net += taken.net;
    this.netTop1 += outcomes[0].net;
    for (const text of top) {
      this.items++;
      if (text[0] !== truth[0]) this.wrongFirst++;
    }
  }

  summary() {
    const per = value => round(value / this.triggers);
    const pct = (value, of) => round((100 * value) / Math.max(1, of));
    return {
      triggers: this.triggers, shown: pct(this.shown, this.triggers), hit1: pct(this.hit1, this.triggers), hit5: pct(this.hit5, this.triggers),
      gained: per(this.gained), net: per(this.net), net_top1: per(this.netTop1), wrong_first: pct(this.wrongFirst, this.items),
      p50_ms: round(percentile(this.times, 50)), p95_ms: round(percentile(this.times, 95)),
    };
  }
}

/** The inserted texts of the product's items, as VS Code applies them: the range's text replaced by newText. */
function productInserts(document, offset, index, formulas) {
  const analysis = core.analyze(document);
  const start = performance.now();
  const items = core.completionsAt(analysis.lines, offset, analysis.headings, { sentences: index, formulas });
  const elapsed = performance.now() - start;
  const inserts = items.slice(0, TOP).map(item => {
    const replaced = document.slice(item.start, item.end);
    if (item.end !== offset || !item.text.startsWith(replaced)) throw new Error(`item ${item.text} does not begin with the text it replaces (${replaced})`);
    return item.text.slice(replaced.length);
  });
  return { inserts, elapsed };
}

/** Types a speech's triggers with k characters each and scores the product and the n-gram. */
function typeSpeech(lines, index, ngram, formulas, ks, scores) {
  for (const [line, character] of triggersOf(lines)) {
    const before = lines.slice(0, line).join('\n') + (line ? '\n' : '');
    const lineText = lines[line];
    for (const [name, [k]] of Object.entries(ks)) {
      const typed = lineText.slice(character, character + k);
      const truth = lineText.slice(character + k);
      const document = before + lineText.slice(0, character) + typed;
      const product = productInserts(document, document.length, index, formulas);
      scores[name].product.add(product.inserts, truth);
      scores[name].product.times.push(product.elapsed);
      const ngramStart = performance.now();
      const ngramItems = ngram.complete(`\n${lineText.slice(0, character)}`, typed);
      scores[name].ngram.times.push(performance.now() - ngramStart);
      scores[name].ngram.add(ngramItems, truth);
    }
  }
}

async function mineFold(heldOut, asUser, segmenter, scratch) {
  const folder = path.join(scratch, `${asUser ? 'user' : 'shipped'}-${heldOut}`);
  fs.mkdirSync(folder, { recursive: true });
  const kept = FILES.filter(f => f !== heldOut);
  for (const file of kept) fs.copyFileSync(path.join(CORPUS, file), path.join(folder, file));
  // The shipped corpus has the importer's index.json; a user's folder has none.
  if (!asUser) fs.writeFileSync(path.join(folder, 'index.json'), JSON.stringify({ speeches: kept.map(file => ({ file, title: TITLES.get(file) })) }));
  // As the CLI mines the shipped corpus, or as the server's mining process mines a user's folders.
  const { index } = await mineFolders([folder], { segmenter, cacheDir: path.join(os.tmpdir(), 'speech-draft-bench-segments'), phrases: !asUser });
  return index;
}

export async function benchCompletionUsefulness() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-bench-completion-'));
  const segmenter = jiebaSegmenter();
  const formulas = new core.CandidateIndex(core.formulaCandidates(new core.FormulaDictionary(core.curatedFormulas())));
  const runs = { loo: { k1: [1], k2: [2], k3: [3] }, loo_user_corpus: { k2: [2] } };
  const scores = {};
  for (const [run, ks] of Object.entries(runs)) {
    scores[run] = Object.fromEntries(Object.keys(ks).map(k => [k, { product: new Score(), ngram: new Score() }]));
  }
  let indexTimes = [];
  for (const heldOut of FILES) {
    const lines = bodyLines(heldOut);
    const ngram = new CharacterNgram(FILES.filter(f => f !== heldOut).flatMap(bodyLines));
    for (const [run, ks] of Object.entries(runs)) {
      const asUser = run === 'loo_user_corpus';
      const mined = await mineFold(heldOut, asUser, segmenter, scratch);
      const start = performance.now();
      const index = new core.SentenceIndex([{ sentences: mined.sentences, speeches: mined.speeches, fromUser: asUser }]);
      indexTimes.push(performance.now() - start);
      typeSpeech(lines, index, ngram, formulas, ks, scores[run]);
    }
  }
  // Text unlike the corpus: the sample speech and the speeches written for the benchmark on other
  // topics (test/fixtures/unlike), against all 19 speeches.
  const shipped = await mineFolders([CORPUS], { segmenter, cacheDir: path.join(os.tmpdir(), 'speech-draft-bench-segments') });
  const unlike = { k1: [1], k2: [2], k3: [3] };
  scores.unlike = Object.fromEntries(Object.keys(unlike).map(k => [k, { product: new Score(), ngram: new Score() }]));
  const shippedIndex = new core.SentenceIndex([{ sentences: shipped.index.sentences, speeches: shipped.index.speeches, fromUser: false }]);
  const shippedNgram = new CharacterNgram(FILES.flatMap(bodyLines));
  for (const file of UNLIKE_FILES) {
    typeSpeech(fs.readFileSync(file, 'utf8').split('\n').slice(1), shippedIndex, shippedNgram, formulas, unlike, scores.unlike);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  const result = {};
  const table = [];
  for (const [run, ks] of Object.entries(scores)) {
    result[run] = {};
    for (const [k, { product, ngram }] of Object.entries(ks)) {
      const entry = { product: product.summary(), ngram: ngram.summary() };
      entry.net_ratio = round(entry.product.net / entry.ngram.net);
      result[run][k] = entry;
      for (const [system, s] of [['product', entry.product], ['n-gram', entry.ngram]]) {
        table.push({ run, k, system, triggers: s.triggers, shown: `${s.shown} %`, 'hit@1': `${s.hit1} %`, 'hit@5': `${s.hit5} %`, gained: s.gained, net: s.net, 'net top-1': s.net_top1, 'wrong 1st': `${s.wrong_first} %`, 'p50/p95 ms': `${s.p50_ms}/${s.p95_ms}` });
      }
    }
  }
  result.loo_user_corpus.k2.vs_shipped_net = round(result.loo_user_corpus.k2.product.net / result.loo.k2.product.net);
  result.index_build_ms = round(percentile(indexTimes, 50));
  return { result, table };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { result, table } = await benchCompletionUsefulness();
  const file = path.join(ROOT, 'bench/results.json');
  const results = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  results.completion_usefulness = result;
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.table(table);
  const { loo, loo_user_corpus: user } = result;
  console.log(`net ratio product / n-gram: k1 ${loo.k1.net_ratio}, k2 ${loo.k2.net_ratio} (target ≥ 1.5), k3 ${loo.k3.net_ratio}; user corpus k2 ${user.k2.net_ratio}, its net / the shipped run's ${user.k2.vs_shipped_net} (target 0.9–1.1); unlike the corpus (${result.unlike.k2.product.triggers} triggers) k1 ${result.unlike.k1.net_ratio}, k2 ${result.unlike.k2.net_ratio}, k3 ${result.unlike.k3.net_ratio} (target > 1 at k1, k2)`);
}
