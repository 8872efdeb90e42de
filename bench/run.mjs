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
const { LspClient } = require(path.join(ROOT, 'out/test/lsp/lspClient.js'));

const now = () => performance.now();
const time = fn => { const start = now(); fn(); return now() - start; };
const results = {
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memory_gb: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
};
const table = [];
const row = (name, value, target) => table.push({ benchmark: name, result: value, target: target ?? '' });
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

function benchAnalyze() {
  results.analyze = {};
  for (const [name, length, runs] of [['10k', 1e4, 50], ['100k', 1e5, 20], ['1m', 1e6, 10]]) {
    const text = speechText(length);
    core.analyze(text);
    const times = Array.from({ length: runs }, () => time(() => core.analyze(text)));
    const entry = { median_ms: round(median(times)) };
    if (name === '1m') {
      const floor = median(Array.from({ length: runs }, () => time(() => floorPass(text))));
      Object.assign(entry, { floor_ms: round(floor), ratio: round(median(times) / floor) });
    }
    results.analyze[name] = entry;
    row(`analyze ${name} (median)`, `${entry.median_ms} ms${entry.ratio ? ` (${entry.ratio}× the ${entry.floor_ms} ms floor)` : ''}`);
  }
}

/** didChange to refreshed diagnostics and outline, for single-character edits at random places. */
async function benchEdits(client, uri, text, edits, next) {
  await client.open(uri, text);
  await client.diagnostics(uri, 60000);
  const lines = text.split('\n');
  const times = [];
  for (let i = 0; i < edits; i++) {
    const line = Math.floor(next() * lines.length);
    const character = Math.floor(next() * (lines[line].length + 1));
    lines[line] = lines[line].slice(0, character) + '新' + lines[line].slice(character);
    const start = now();
    const version = await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: '新' }]);
    const [, symbols] = await Promise.all([client.diagnostics(uri, 60000), client.request('textDocument/documentSymbol', { textDocument: { uri } })]);
    times.push(now() - start);
    if (!Array.isArray(symbols) || client.publishedVersion(uri) !== version) throw new Error('stale results');
  }
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

async function benchServer() {
  const client = new LspClient();
  await client.initialize();
  const next = random(6);
  results.edit = {
    '10k': await benchEdits(client, 'file:///bench/10k.speech', speechText(1e4), 200, next),
    '1m': await benchEdits(client, 'file:///bench/1m.speech', speechText(1e6), 200, next),
  };
  row('edit 10k (p50 / p95)', `${results.edit['10k'].p50_ms} / ${results.edit['10k'].p95_ms} ms`, 'p95 ≤ 5 ms');
  row('edit 1M (p50 / p95)', `${results.edit['1m'].p50_ms} / ${results.edit['1m'].p95_ms} ms`, 'p95 ≤ 50 ms');
  const busy = rssMb(client.process.pid);
  // Resident memory once the drafter pauses: the server collects its garbage after a second idle.
  await new Promise(resolve => setTimeout(resolve, 2500));
  results.memory = { server_rss_mb: rssMb(client.process.pid), server_rss_busy_mb: busy };
  await client.shutdown();
}

async function benchStartup() {
  const text = speechText(1e4);
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = now();
    const client = new LspClient();
    await client.initialize();
    await client.open('file:///bench/startup.speech', text);
    await client.diagnostics('file:///bench/startup.speech', 60000);
    times.push(now() - start);
    await client.shutdown();
  }
  results.startup = { median_ms: round(median(times)) };
  row('startup to first diagnostics, 10k (median)', `${results.startup.median_ms} ms`, '≤ 300 ms');
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
  await client.initialize(undefined, { initializationOptions: { storagePath: path.join(scratch, 'storage') } });
  // The mining process's memory, sampled while it runs.
  let workerRss = 0;
  const sampler = setInterval(() => {
    for (const pid of childPids(client.process.pid)) workerRss = Math.max(workerRss, rssMb(pid));
  }, 100);
  await client.until(() => client.progress.some(p => p.kind === 'end'), 'mining of the 5 MB user corpus', 600000);
  clearInterval(sampler);
  results.memory.worker_rss_mb = workerRss;
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

benchAnalyze();
const recognition = benchRecognition();
results.recognition = recognition.result;
table.push(...recognition.table);
await benchServer();
await benchStartup();
await benchCompletion();
await benchMining();
await benchSegmenters();
const usefulness = await benchCompletionUsefulness();
results.completion_usefulness = usefulness.result;
row('server memory with 1M open (after a pause; right after the edits)', `${results.memory.server_rss_mb} MB (${results.memory.server_rss_busy_mb} MB)`, '≤ 150 MB');
row('mining process memory (peak)', `${results.memory.worker_rss_mb} MB`);
fs.rmSync(scratch, { recursive: true, force: true });
fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
console.log(`${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gb} GB, Node ${results.machine.node}`);
console.table(table);
console.table(usefulness.table);
