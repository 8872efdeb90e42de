// npm run bench: the figures of the README's performance section, written to bench/results.json.
// Each figure is a median (and p95 for latencies) over repeated runs in this one process run.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchCompletionUsefulness } from './completion.mjs';
import { benchRecognition } from './recognition.mjs';
import { median, percentile, random, ROOT, round, speechText } from './inputs.mjs';

const require = createRequire(import.meta.url);
const core = require(path.join(ROOT, 'out/core/src/index.js'));
const { mineFolders } = require(path.join(ROOT, 'out/host/src/index.js'));
const { jiebaSegmenter, portableSegmenter } = require(path.join(ROOT, 'out/host/src/index.js'));
// LspClient gives the servers it starts a code cache folder of this process's, not the user's.
const { LspClient, PULL_CAPABILITIES } = require(path.join(ROOT, 'out/test/lsp/lspClient.js'));
const { CODE_CACHE_FOLDER_VARIABLE } = require(path.join(ROOT, 'out/protocol/index.js'));

const now = () => performance.now();
const time = fn => { const start = now(); fn(); return now() - start; };
const results = {
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memory_gb: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
};
const table = [];
const row = (name, value, target) => {
  table.push({ benchmark: name, result: value, target: target ?? '' });
  if (process.env.BENCH_ONLY) console.log(`${name}: ${value}`);
};
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-bench-'));

/** One plain pass over the text's characters and lines: the least any analysis must do. */
function floorPass(text) {
  let lines = 0;
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lines++;
    sum += code;
  }
  return lines + sum;
}

/** The 1M text with every line made its own (its number appended): no line is read once for several. */
function distinctLines(text) {
  return text.split('\n').map((line, i) => (line ? `${line}${i}` : line)).join('\n');
}

function benchAnalyze() {
  results.analyze = {};
  for (const [name, length, runs] of [['10k', 1e4, 50], ['100k', 1e5, 20], ['1m', 1e6, 15], ['1m_distinct_lines', 1e6, 15]]) {
    const text = name === '1m_distinct_lines' ? distinctLines(speechText(length)) : speechText(length);
    // Both warmed up first (a floor measured on cold code would flatter the ratio), then timed in
    // turns, so that a spell of a slower machine slows both alike.
    const withFloor = name.startsWith('1m');
    for (let i = 0; i < (withFloor ? 5 : 1); i++) {
      core.analyze(text);
      if (withFloor) floorPass(text);
    }
    const times = [];
    const floors = [];
    for (let i = 0; i < runs; i++) {
      times.push(time(() => core.analyze(text)));
      if (withFloor) floors.push(time(() => floorPass(text)));
    }
    const entry = { median_ms: round(median(times)) };
    if (withFloor) Object.assign(entry, { floor_ms: round(median(floors)), ratio: round(median(times) / median(floors)) });
    results.analyze[name] = entry;
    const label = name === '1m_distinct_lines' ? '1M, every line distinct' : name === '1m' ? '1M (the corpus repeated: 425 distinct lines of 5,487)' : name;
    row(`analyze ${label} (median)`, `${entry.median_ms} ms${entry.ratio ? ` (${entry.ratio}× the ${entry.floor_ms} ms plain pass)` : ''}`, name.startsWith('1m') ? '≤ 20× a plain pass' : '');
  }
}

/**
 * didChange to fresh diagnostics (and, with `outline`, the outline too, as an editor with its outline
 * view open asks), for single-character edits at random places.
 */
async function benchEdits(client, uri, text, edits, next, { outline = true } = {}) {
  await client.open(uri, text);
  await client.diagnostics(uri, 600000);
  const lines = text.split('\n');
  const times = [];
  for (let i = 0; i < edits; i++) {
    const line = Math.floor(next() * lines.length);
    const character = Math.floor(next() * (lines[line].length + 1));
    lines[line] = lines[line].slice(0, character) + '新' + lines[line].slice(character);
    const start = now();
    const version = await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: '新' }]);
    const [, symbols] = await Promise.all([client.diagnostics(uri, 600000), outline && client.request('textDocument/documentSymbol', { textDocument: { uri } })]);
    times.push(now() - start);
    // Pulled diagnostics are the current version's; pushed ones say which version they are for.
    const published = client.publishedVersion(uri);
    if ((outline && !Array.isArray(symbols)) || (published !== undefined && published !== version)) throw new Error('stale results');
  }
  await client.close(uri);
  return { p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)) };
}

/** Resident memory of a process, 0 once it has gone (or while it is exiting). */
function rssMb(pid) {
  try {
    const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? round(Number(rss[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * The trivial incremental server (bench/trivialServer.mjs), bundled as the real one is, so that
 * both load one file: what any language server costs on this machine, to compare the real one with.
 */
async function bundleTrivialServer() {
  const esbuild = await import('esbuild');
  const outfile = path.join(scratch, 'trivialServer.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'bench/trivialServer.mjs')], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' });
  return outfile;
}

const ratio = (ours, theirs) => (theirs > 0 ? round(ours / theirs) : undefined);
const compared = (ours, theirs, unit = 'ms') => `${ours} ${unit} (trivial ${theirs} ${unit}, ${ratio(ours, theirs)}×)`;

/** Memory once the drafter pauses: the server collects its garbage after a second idle. */
async function settledRss(client) {
  await new Promise(resolve => setTimeout(resolve, 2500));
  return rssMb(client.process.pid);
}

/**
 * Edits at 10k and 1M, to fresh diagnostics and to diagnostics and outline, and the memory with the
 * 1M draft open, for one server. Many edits at 10k, where one takes a millisecond or two: a p95 of
 * 200 would be the tenth-slowest, set by whatever else the machine did then.
 */
async function editsOf(server) {
  const client = new LspClient({ server });
  await client.initialize(PULL_CAPABILITIES);
  const next = random(6);
  const edit = {};
  for (const [size, length, count] of [['10k', 1e4, 1000], ['1m', 1e6, 200]]) {
    edit[size] = await benchEdits(client, `file:///bench/${size}-diagnostics.speech`, speechText(length), count, next, { outline: false });
    edit[`${size}_outline`] = await benchEdits(client, `file:///bench/${size}.speech`, speechText(length), count, next);
  }
  // The 1M draft open again, edited, then left alone: what the server holds.
  await benchEdits(client, 'file:///bench/1m-open.speech', speechText(1e6), 20, next, { outline: false });
  const busy = rssMb(client.process.pid);
  const memory = { rss_mb: await settledRss(client), rss_busy_mb: busy };
  await client.shutdown();
  return { edit, memory };
}

/** 1.7 MB of formula lists, one after another: every line holds formulas to recognise and check. */
function denseFormulaText(length) {
  const lines = [
    '增强“四个意识”（政治意识、全局意识、核心意识、看齐意识），坚定“四个自信”（道路自信、理论自信、制度自信、文化自信），做到“两个维护”。',
    '坚持道路自信、理论自信、制度自信、文化自信，增强政治意识、大局意识、核心意识、看齐意识。',
    '贯彻新发展理念（创新、协调、绿色、开放、共享），落实“三个一百”（一是百日攻坚，二是百村示范，三是百企帮扶）。',
  ];
  let text = '';
  for (let i = 0; text.length < length; i++) text += lines[i % lines.length] + '\n';
  return text.slice(0, length);
}

async function denseEditsOf(server) {
  const client = new LspClient({ server });
  await client.initialize(PULL_CAPABILITIES);
  const result = await benchEdits(client, 'file:///bench/formulas.speech', denseFormulaText(1.7e6), 40, random(8));
  await client.shutdown();
  return result;
}

/** 1M heading lines (一、标题, 5M characters: the most the server analyses): the open document's memory, and the outline within the client's limits. */
async function hugeOutlineOf(server) {
  const client = new LspClient({ server });
  await client.initialize({ ...PULL_CAPABILITIES, textDocument: { ...PULL_CAPABILITIES.textDocument, foldingRange: { rangeLimit: 5000 } } });
  const uri = 'file:///bench/outline.speech';
  const text = Array.from({ length: 1e6 }, () => '一、标题').join('\n');
  let start = now();
  await client.open(uri, text);
  await client.diagnostics(uri, 600000);
  const analysed = now() - start;
  start = now();
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const outline = now() - start;
  const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
  const busy = rssMb(client.process.pid);
  const result = { first_diagnostics_ms: round(analysed), outline_ms: round(outline), symbols: symbols?.length ?? 0, folds: folds?.length ?? 0, rss_mb: await settledRss(client), rss_busy_mb: busy };
  await client.shutdown();
  return result;
}

async function benchServer(trivial) {
  if (runs('edits')) await benchPlainEdits(trivial);
  if (runs('dense')) await benchDenseEdits(trivial);
  if (runs('outline')) await benchHugeOutline(trivial);
}

/** The 4,217 problems of the 1M draft all listed, not the first 1,000: each keystroke that moves one sends them all. */
async function allListedEdits() {
  const client = new LspClient();
  client.settings = { maxNumberOfProblems: 0 };
  await client.initialize(PULL_CAPABILITIES);
  const result = await benchEdits(client, 'file:///bench/1m-all-listed.speech', speechText(1e6), 200, random(6), { outline: false });
  await client.shutdown();
  return result;
}

async function benchPlainEdits(trivial) {
  const ours = await editsOf();
  const theirs = await editsOf(trivial);
  ours.edit['1m_all_listed'] = await allListedEdits();
  results.edit = {};
  for (const size of ['10k', '1m', '10k_outline', '1m_outline']) {
    results.edit[size] = { ...ours.edit[size], trivial: theirs.edit[size], p95_ratio: ratio(ours.edit[size].p95_ms, theirs.edit[size].p95_ms) };
    const what = size.endsWith('_outline') ? 'diagnostics + outline' : 'fresh diagnostics';
    row(`edit ${size.startsWith('1m') ? '1M' : '10k'} → ${what} (p50 / p95)`,
      `${ours.edit[size].p50_ms} / ${ours.edit[size].p95_ms} ms (trivial ${theirs.edit[size].p50_ms} / ${theirs.edit[size].p95_ms} ms; p95 ${results.edit[size].p95_ratio}×)`, 'p95 ≤ 3× trivial');
  }
  const allListed = ours.edit['1m_all_listed'];
  results.edit['1m_all_listed'] = { ...allListed, trivial: theirs.edit['1m'], p95_ratio: ratio(allListed.p95_ms, theirs.edit['1m'].p95_ms) };
  row('edit 1M → fresh diagnostics, all 4,217 problems listed (maxNumberOfProblems 0; p50 / p95)',
    `${allListed.p50_ms} / ${allListed.p95_ms} ms (trivial ${theirs.edit['1m'].p50_ms} / ${theirs.edit['1m'].p95_ms} ms; p95 ${results.edit['1m_all_listed'].p95_ratio}×)`);
  results.memory = { server_rss_mb: ours.memory.rss_mb, server_rss_busy_mb: ours.memory.rss_busy_mb, trivial_rss_mb: theirs.memory.rss_mb };
}

async function benchDenseEdits(trivial) {
  const dense = await denseEditsOf();
  const denseTrivial = await denseEditsOf(trivial);
  results.edit ??= {};
  results.edit.dense_formulas = { ...dense, trivial: denseTrivial, p95_ratio: ratio(dense.p95_ms, denseTrivial.p95_ms) };
  row('edit 1.7 MB of formula lists (p50 / p95)', `${dense.p50_ms} / ${dense.p95_ms} ms (trivial ${denseTrivial.p50_ms} / ${denseTrivial.p95_ms} ms; p95 ${results.edit.dense_formulas.p95_ratio}×)`);
}

async function benchHugeOutline(trivial) {
  const outline = await hugeOutlineOf();
  const outlineTrivial = await hugeOutlineOf(trivial);
  results.huge_outline = { ...outline, trivial: outlineTrivial };
  row('1M heading lines: first diagnostics, outline', `${outline.first_diagnostics_ms} ms, ${outline.outline_ms} ms (${outline.symbols} symbols, ${outline.folds} folds)`);
}

/** Seven starts; the first makes the code cache (in a folder of its own), as a user's first start does. */
async function startupOf(server) {
  const text = speechText(1e4);
  const env = { ...process.env, [CODE_CACHE_FOLDER_VARIABLE]: path.join(scratch, 'startup-code-cache') };
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = now();
    const client = new LspClient({ server, env });
    await client.initialize(PULL_CAPABILITIES);
    await client.open('file:///bench/startup.speech', text);
    await client.diagnostics('file:///bench/startup.speech', 60000);
    times.push(now() - start);
    await client.shutdown();
  }
  return { median: round(median(times)), first: round(times[0]) };
}

async function benchStartup(trivial) {
  const ours = await startupOf();
  const theirs = await startupOf(trivial);
  results.startup = { median_ms: ours.median, first_ms: ours.first, trivial_median_ms: theirs.median, ratio: ratio(ours.median, theirs.median) };
  row('startup to first diagnostics, 10k (median)', compared(ours.median, theirs.median), '≤ 2× trivial');
  row('startup, the very first (no code cache yet)', compared(ours.first, theirs.first));
}

/** A user corpus of about `megabytes` MB: the shipped speeches, repeated in files of their own. */
function writeUserCorpus(folder, megabytes) {
  fs.mkdirSync(folder, { recursive: true });
  const speeches = fs.readdirSync(path.join(ROOT, 'corpus')).filter(f => /^speech-\d\d\.txt$/.test(f)).sort();
  let bytes = 0;
  for (let copy = 0; bytes < megabytes * 2 ** 20; copy++) {
    for (const file of speeches) {
      const data = fs.readFileSync(path.join(ROOT, 'corpus', file));
      fs.writeFileSync(path.join(folder, `${copy}-${file}`), data);
      bytes += data.length;
    }
  }
  return bytes;
}

async function benchCompletion() {
  const folder = path.join(scratch, 'user-corpus');
  writeUserCorpus(folder, 5);
  const client = new LspClient();
  client.settings = { corpus: { paths: [folder] } };
  await client.initialize(PULL_CAPABILITIES, { initializationOptions: { storagePath: path.join(scratch, 'storage') } });
  // The mining process's memory, sampled while it runs.
  let workerRss = 0;
  const sampler = setInterval(() => {
    for (const pid of childPids(client.process.pid)) workerRss = Math.max(workerRss, rssMb(pid));
  }, 100);
  await client.until(() => client.progress.some(p => p.kind === 'end'), 'mining of the 5 MB user corpus', 600000);
  clearInterval(sampler);
  results.memory = { ...results.memory, worker_rss_mb: workerRss };
  const uri = 'file:///bench/100k.speech';
  const text = speechText(1e5);
  await client.open(uri, text);
  await client.diagnostics(uri, 60000);
  const lines = text.split('\n');
  const next = random(7);
  const times = [];
  for (let i = 0; i < 200; i++) {
    const line = Math.floor(next() * lines.length);
    const character = Math.floor(next() * (lines[line].length + 1));
    const start = now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    times.push(now() - start);
  }
  results.completion = { p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)) };
  row('completion, 100k + 5 MB user corpus (p50 / p95)', `${results.completion.p50_ms} / ${results.completion.p95_ms} ms`, 'p95 ≤ 10 ms');
  await client.shutdown();
}

function childPids(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function benchMining() {
  const folder = path.join(scratch, 'mine-corpus');
  const bytes = writeUserCorpus(folder, 10);
  const segmenter = jiebaSegmenter();
  segmenter.cut('预热');
  const texts = fs.readdirSync(folder).map(f => fs.readFileSync(path.join(folder, f), 'utf8'));
  const cut = time(() => { for (const text of texts) for (const line of text.split('\n')) if (line) segmenter.cut(line); });
  const cacheDir = path.join(scratch, 'mine-cache');
  let start = now();
  await mineFolders([folder], { segmenter, cacheDir });
  const mine = now() - start;
  start = now();
  const reopened = await mineFolders([folder], { segmenter, cacheDir });
  const cached = now() - start;
  if (reopened.report.segmented !== 0) throw new Error('the cache was not used');
  const megabytes = bytes / 2 ** 20;
  results.mine = { mb_per_s: round(megabytes / (mine / 1000)), raw_cut_mb_per_s: round(megabytes / (cut / 1000)), ratio: round(mine / cut), cached_reopen_ms: round(cached) };
  row(`mine ${round(megabytes)} MB (MB/s, raw cut MB/s)`, `${results.mine.mb_per_s}, ${results.mine.raw_cut_mb_per_s} (${results.mine.ratio}×)`, '≤ 2× raw cut');
  row('reopen with the corpus unchanged', `${results.mine.cached_reopen_ms} ms`, '< 1000 ms');
}

/** A segmenter's first cut in a process of its own: loading it (and its dictionaries), and the memory that takes. */
function loadInChild(make) {
  const script = `const host = require(${JSON.stringify(path.join(ROOT, 'out/host/src/index.js'))});
    const before = process.memoryUsage().rss; const segmenter = host.${make}(); const start = performance.now();
    segmenter.cut('预热'); console.log(JSON.stringify({ ms: performance.now() - start, mb: (process.memoryUsage().rss - before) / 2 ** 20 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', chunk => { out += chunk; });
    child.on('close', code => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${make}: exit ${code}`))));
  });
}

/**
 * nodejieba and the portable segmenter (jieba-wasm) side by side: loading, raw cut and mining
 * throughput on the corpus repeated to 10 MB (no cache), and how far the index mined from the
 * shipped corpus differs (the share of nodejieba's phrase entries the portable index has too, and of
 * its sentences cut into the same tokens).
 */
async function benchSegmenters() {
  const folder = path.join(scratch, 'segmenter-corpus');
  const megabytes = writeUserCorpus(folder, 10) / 2 ** 20;
  const lines = fs.readdirSync(folder).flatMap(f => fs.readFileSync(path.join(folder, f), 'utf8').split('\n')).filter(Boolean);
  const entries = {};
  const shipped = {};
  for (const [key, make] of [['nodejieba', 'jiebaSegmenter'], ['portable', 'portableSegmenter']]) {
    const load = await loadInChild(make);
    const segmenter = { jiebaSegmenter, portableSegmenter }[make]();
    segmenter.cut('预热');
    const cut = time(() => { for (const line of lines) segmenter.cut(line); });
    const start = now();
    await mineFolders([folder], { segmenter });
    const mine = now() - start;
    shipped[key] = (await mineFolders([path.join(ROOT, 'corpus')], { segmenter })).index;
    entries[key] = { name: segmenter.name, load_ms: round(load.ms), load_mb: Math.round(load.mb), raw_cut_mb_per_s: round(megabytes / (cut / 1000)), mine_mb_per_s: round(megabytes / (mine / 1000)) };
    row(`${segmenter.name}: load; raw cut, mine ${round(megabytes)} MB`, `${Math.round(load.ms)} ms, ${entries[key].load_mb} MB; ${entries[key].raw_cut_mb_per_s} MB/s, ${entries[key].mine_mb_per_s} MB/s`);
  }
  const share = (entries, others, key) => {
    const other = new Set(others.map(key));
    return round((100 * entries.filter(e => other.has(key(e))).length) / entries.length);
  };
  const { nodejieba, portable } = shipped;
  const agreement = {
    phrases: nodejieba.phrases.length,
    phrases_in_common_pct: share(nodejieba.phrases, portable.phrases, p => p.text),
    portable_phrases_in_nodejieba_pct: share(portable.phrases, nodejieba.phrases, p => p.text),
    sentences: nodejieba.sentences.length,
    sentences_same_tokens_pct: share(nodejieba.sentences, portable.sentences, s => s.tokens),
  };
  results.segmenters = { ...entries, shipped_corpus: agreement };
  row('portable vs nodejieba on corpus/: phrases in common; sentences cut the same', `${agreement.phrases_in_common_pct} % of ${agreement.phrases}; ${agreement.sentences_same_tokens_pct} % of ${agreement.sentences}`, '≥ 95 %');
}

const RESULTS = path.join(ROOT, 'bench/results.json');
if (process.argv.includes('--segmenters-only')) {
  // node bench/run.mjs --segmenters-only: this section alone, merged into the last full run's results.
  await benchSegmenters();
  const previous = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')) : {};
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.writeFileSync(RESULTS, JSON.stringify({ ...previous, machine: results.machine, segmenters: results.segmenters }, null, 2) + '\n');
  console.log(`${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gb} GB, Node ${results.machine.node}`);
  console.table(table);
  process.exit(0);
}


/** BENCH_ONLY=analyze,recognition,server,startup,completion,mining,segmenters,usefulness runs only those parts (for a quick look; the README's figures come from a whole run). */
const only = process.env.BENCH_ONLY?.split(',');
const runs = part => !only || only.includes(part) || (['edits', 'dense', 'outline'].includes(part) && only.includes('server'));
const trivial = await bundleTrivialServer();
if (runs('analyze')) benchAnalyze();
if (runs('recognition')) {
  const recognition = benchRecognition();
  results.recognition = recognition.result;
  table.push(...recognition.table);
}
if (runs('server') || runs('edits') || runs('dense') || runs('outline')) await benchServer(trivial);
if (runs('startup')) await benchStartup(trivial);
if (runs('completion')) await benchCompletion();
if (runs('mining')) await benchMining();
if (runs('segmenters')) await benchSegmenters();
let usefulnessTable;
if (runs('usefulness')) {
  const usefulness = await benchCompletionUsefulness();
  results.completion_usefulness = usefulness.result;
  usefulnessTable = usefulness.table;
}
if (results.memory) {
  row('server memory with 1M open (after a pause; right after the edits)', `${compared(results.memory.server_rss_mb, results.memory.trivial_rss_mb, 'MB')} (${results.memory.server_rss_busy_mb} MB)`, '≤ 150 MB');
}
if (results.huge_outline) {
  const { rss_mb, rss_busy_mb, trivial: t } = results.huge_outline;
  row('server memory with 1M heading lines open (after a pause; right after)', `${compared(rss_mb, t.rss_mb, 'MB')} (${rss_busy_mb} MB)`, '≤ 150 MB');
}
if (results.memory?.worker_rss_mb) row('mining process memory (peak)', `${results.memory.worker_rss_mb} MB`);
fs.rmSync(scratch, { recursive: true, force: true });
if (!only) fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
console.log(`${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gb} GB, Node ${results.machine.node}`);
console.table(table);
if (usefulnessTable) console.table(usefulnessTable);
