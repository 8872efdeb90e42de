// npm run bench:archive: an office's archive as the user's corpus. 10,000 generated speeches
// (~50 MB: the shipped corpus's sentences recombined, each speech with a sentence of its own) in
// five folders of 2,000, given to the server in speechDraft.corpus.paths. Measures the background
// indexing, the reopening from the cache, the server's added memory and completion latency on a
// 100k-character draft. Slow (minutes), so not part of `npm run bench`.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusSpeeches, percentile, random, ROOT, round, speechText } from './inputs.mjs';

const require = createRequire(import.meta.url);
const { LspClient, PULL_CAPABILITIES } = require(path.join(ROOT, 'out/test/lsp/lspClient.js'));

const SPEECHES = 10000;
const FOLDERS = 5;
const TARGET_BYTES = 50 * 2 ** 20;

function rssMb(pid) {
  const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return round(Number(rss[1]) / 1024);
}

/** The corpus's sentences, and 10,000 speeches made of them, ~50 MB in all. */
export function writeArchive(root) {
  const sentences = corpusSpeeches().flatMap(text => text.split('\n').slice(1))
    .flatMap(line => line.match(/[^。！？；]+[。！？；]?/g) ?? []).map(s => s.trim()).filter(Boolean);
  const next = random(10);
  const pick = () => sentences[Math.floor(next() * sentences.length)];
  const perSpeech = TARGET_BYTES / SPEECHES;
  const folders = Array.from({ length: FOLDERS }, (_, i) => path.join(root, `${2015 + i}年`));
  let bytes = 0;
  for (let n = 0; n < SPEECHES; n++) {
    const lines = [`在第${n + 1}次工作会议上的讲话`, '同志们：', `今天是${2015 + (n % FOLDERS)}年${(n % 12) + 1}月，我们召开第${n + 1}次工作会议。`];
    let size = 0;
    while (size < perSpeech) {
      const paragraph = Array.from({ length: 2 + Math.floor(next() * 5) }, pick).join('');
      lines.push(paragraph);
      size += Buffer.byteLength(paragraph) + 1;
    }
    const text = lines.join('\n');
    const folder = folders[n % FOLDERS];
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `讲话-${String(n + 1).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { folders, bytes };
}

/** A server with the archive as the user's corpus: indexing time, memory and completion latency. */
async function openArchive(folders, storage, draft) {
  const client = new LspClient();
  client.settings = { corpus: { paths: folders } };
  const start = performance.now();
  await client.initialize(PULL_CAPABILITIES, { initializationOptions: { storagePath: storage } });
  // The server has started; from here it reads the setting, mines (or reads its cache) and indexes.
  const started = performance.now();
  await client.until(() => client.progress.some(p => p.kind === 'end'), 'indexing the archive', 30 * 60000);
  const indexed = performance.now() - started;
  const startup = started - start;
  const uri = 'file:///bench/archive-draft.speech';
  await client.open(uri, draft);
  await client.diagnostics(uri, 60000);
  const lines = draft.split('\n');
  const firstStart = performance.now();
  await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
  const first = performance.now() - firstStart;
  const next = random(11);
  const times = [];
  for (let i = 0; i < 300; i++) {
    const line = Math.floor(next() * lines.length);
    const character = Math.floor(next() * (lines[line].length + 1));
    const t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    times.push(performance.now() - t);
  }
  // Memory once the drafter pauses: the server collects its garbage after a second idle.
  await new Promise(resolve => setTimeout(resolve, 2500));
  const rss = rssMb(client.process.pid);
  await client.shutdown();
  return { indexed, startup, first, times, rss };
}

/** The same server and draft without a user corpus: the baseline of the added memory. */
async function baselineRss(draft) {
  const client = new LspClient();
  await client.initialize(PULL_CAPABILITIES);
  const uri = 'file:///bench/archive-draft.speech';
  await client.open(uri, draft);
  await client.diagnostics(uri, 60000);
  await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
  await new Promise(resolve => setTimeout(resolve, 2500));
  const rss = rssMb(client.process.pid);
  await client.shutdown();
  return rss;
}

export async function benchArchive() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-bench-archive-'));
  try {
    const { folders, bytes } = writeArchive(path.join(scratch, 'archive'));
    const storage = path.join(scratch, 'storage');
    const draft = speechText(1e5);
    const cold = await openArchive(folders, storage, draft);
    const reopened = await openArchive(folders, storage, draft);
    const baseline = await baselineRss(draft);
    return {
      speeches: SPEECHES, megabytes: round(bytes / 2 ** 20),
      indexed_s: round(cold.indexed / 1000), reopened_ms: round(reopened.indexed), server_start_ms: round(reopened.startup), first_completion_ms: round(reopened.first),
      server_rss_mb: reopened.rss, baseline_rss_mb: baseline, added_mb: round(reopened.rss - baseline),
      completion_p50_ms: round(percentile(reopened.times, 50)), completion_p95_ms: round(percentile(reopened.times, 95)),
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchArchive();
  const file = path.join(ROOT, 'bench/results.json');
  const results = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  results.archive = result;
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.table([
    { benchmark: `archive of ${result.speeches} speeches, ${result.megabytes} MB: indexed in the background`, result: `${result.indexed_s} s`, target: '< 120 s' },
    { benchmark: 'reopened from the cache (initialized to the end of progress, sentence index built)', result: `${result.reopened_ms} ms (+ ${result.server_start_ms} ms server start)`, target: '< 1000 ms' },
    { benchmark: 'first completion after it', result: `${result.first_completion_ms} ms`, target: '' },
    { benchmark: 'server memory added by the archive', result: `${result.added_mb} MB (${result.server_rss_mb} vs ${result.baseline_rss_mb} MB)`, target: '≤ 150 MB' },
    { benchmark: 'completion on a 100k draft (p50 / p95)', result: `${result.completion_p50_ms} / ${result.completion_p95_ms} ms`, target: 'p95 < 10 ms' },
  ]);
}
