// The two segmenters: nodejieba where its binary loads, jieba-wasm (the same dictionary) elsewhere.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanSpeechText, formatMinedIndex } from '../../core/src';
import {
  chooseSegmenter, jiebaSegmenter, jiebaSegmenterName, minedFromCache, mineFolders, nativeSegmenterError,
  portableSegmenter, portableSegmenterName, SEGMENTER_ENV, segmenterChoice, segmenterNames,
} from '../../host/src';
import type { MiningJob, MiningMessage } from '../../server/src/corpus/miningProcess';
import { writeUserCorpus } from '../userCorpusFixture';

const ROOT = path.resolve(__dirname, '../../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-segmenter-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs `body` with SPEECH_DRAFT_SEGMENTER set to `value` (or unset), then restores it. */
function withEnv<T>(value: string | undefined, body: () => T): T {
  const saved = process.env[SEGMENTER_ENV];
  if (value === undefined) delete process.env[SEGMENTER_ENV]; else process.env[SEGMENTER_ENV] = value;
  try {
    return body();
  } finally {
    if (saved === undefined) delete process.env[SEGMENTER_ENV]; else process.env[SEGMENTER_ENV] = saved;
  }
}

describe('choosing the segmenter', () => {
  it('takes the setting, unless SPEECH_DRAFT_SEGMENTER=portable forces the portable one', () => {
    withEnv(undefined, () => {
      assert.equal(segmenterChoice(), 'auto');
      assert.equal(segmenterChoice('portable'), 'portable');
      assert.equal(chooseSegmenter('auto').name, jiebaSegmenterName(), 'nodejieba loads here');
      assert.equal(chooseSegmenter('auto').fallbackReason, undefined);
      assert.match(chooseSegmenter('portable').fallbackReason!, /chosen in the settings/);
    });
    withEnv('portable', () => {
      assert.equal(segmenterChoice('auto'), 'portable');
      assert.equal(chooseSegmenter().name, portableSegmenterName());
      assert.equal(chooseSegmenter().fallbackReason, 'SPEECH_DRAFT_SEGMENTER=portable');
    });
    withEnv('native', () => assert.equal(segmenterChoice(), 'auto', 'only `portable` forces anything'));
  });

  it('names both without loading either: nodejieba first, the portable one with the dictionary it uses', () => {
    assert.equal(nativeSegmenterError(), undefined);
    assert.match(jiebaSegmenterName(), /^nodejieba \d+\.\d+\.\d+$/);
    assert.match(portableSegmenterName(), /^jieba-wasm \d+\.\d+\.\d+ \(nodejieba \d+\.\d+\.\d+'s dictionary\)$/);
    withEnv(undefined, () => {
      assert.deepEqual(segmenterNames('auto'), [jiebaSegmenterName(), portableSegmenterName()]);
      assert.deepEqual(segmenterNames('portable'), [portableSegmenterName()]);
    });
  });
});

describe('the portable segmenter', () => {
  const native = jiebaSegmenter();
  const portable = portableSegmenter();

  it('cuts every line of the shipped corpus as nodejieba does', () => {
    const files = fs.readdirSync(path.join(ROOT, 'corpus')).filter(f => /^speech-\d+\.txt$/.test(f));
    assert.ok(files.length >= 10);
    let lines = 0;
    for (const file of files) {
      for (const line of cleanSpeechText(fs.readFileSync(path.join(ROOT, 'corpus', file), 'utf8'))) {
        if (!line) continue;
        lines++;
        assert.deepEqual(portable.cut(line), native.cut(line), `${file}: ${line.slice(0, 40)}`);
      }
    }
    assert.ok(lines > 400);
  });

  it('has nodejieba\'s dictionary and user words, and cuts runs of letters and digits as it does', () => {
    for (const text of ['发展云计算和区块链产业', '张力很大，张华同志', '推进5G网络，2022年目标，xx同志', 'AT&T公司做B超']) {
      assert.deepEqual(portable.cut(text), native.cut(text), text);
    }
  });
});

describe('the segmentation cache', () => {
  it('keeps each segmenter\'s files and index apart', async () => {
    const folder = path.join(scratch, 'keyed');
    await writeUserCorpus(folder);
    const cacheDir = path.join(scratch, 'keyed-cache');
    const first = await mineFolders([folder], { segmenter: jiebaSegmenter(), cacheDir, phrases: false });
    const second = await mineFolders([folder], { segmenter: portableSegmenter(), cacheDir, phrases: false });
    assert.deepEqual([second.report.segmented, second.report.fromCache], [2, 0], 'nodejieba\'s segmentation is not the portable one\'s');
    assert.match(second.report.segmenter, /^segmenter: jieba-wasm/);
    assert.equal(second.index.segmenter, portableSegmenterName());
    for (const [name, mined] of [[jiebaSegmenterName(), first], [portableSegmenterName(), second]] as const) {
      const cached = minedFromCache([folder], { segmenterName: name, cacheDir, phrases: false });
      assert.equal(cached?.index.segmenter, name);
      assert.equal(formatMinedIndex(cached!.index), formatMinedIndex(mined.index));
    }
  });
});

/**
 * The files of node_modules that the .vsix holds, by .vscodeignore's allowlist (`!node_modules/...`
 * lines; `*` within a file name), copied under `to`, except those `leaveOut` matches.
 */
function copyPackagedModules(to: string, leaveOut: RegExp): string[] {
  const copied: string[] = [];
  for (const line of fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n')) {
    const pattern = line.trim().match(/^!(node_modules\/.+)$/)?.[1];
    if (!pattern) continue;
    const dir = path.posix.dirname(pattern);
    const name = new RegExp(`^${path.posix.basename(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    const files = fs.existsSync(path.join(ROOT, dir)) ? fs.readdirSync(path.join(ROOT, dir)).filter(f => name.test(f)) : [];
    for (const file of files.map(f => `${dir}/${f}`).filter(f => !leaveOut.test(f))) {
      fs.mkdirSync(path.join(to, path.dirname(file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(to, file));
      copied.push(file);
    }
  }
  return copied;
}

describe('an installed copy without nodejieba\'s binary', () => {
  it('mines the user\'s corpus in the mining process with the portable segmenter, and says why', async () => {
    // The extension as installed from a .vsix: the mining process and the node_modules it ships, less the .node file.
    const installed = path.join(scratch, 'installed');
    const copied = copyPackagedModules(installed, /\.node$/);
    assert.ok(copied.includes('node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm_bg.wasm'), copied.join('\n'));
    assert.ok(!copied.some(file => file.endsWith('.node')));
    fs.mkdirSync(path.join(installed, 'dist/lazy'), { recursive: true });
    for (const file of ['dist/miningProcess.js', ...fs.readdirSync(path.join(ROOT, 'dist/lazy')).map(f => `dist/lazy/${f}`).filter(f => f.endsWith('.js'))]) {
      fs.copyFileSync(path.join(ROOT, file), path.join(installed, file));
    }
    const folder = path.join(scratch, 'user');
    await writeUserCorpus(folder);

    const env = { ...process.env };
    delete env[SEGMENTER_ENV];
    delete env.NODE_PATH;
    const child = fork(path.join(installed, 'dist/miningProcess.js'), [], { cwd: installed, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += chunk; });
    const done = new Promise<MiningMessage>((resolve, reject) => {
      child.on('message', (message: MiningMessage) => { if (message.type !== 'progress') resolve(message); });
      child.on('exit', code => reject(new Error(`exited (${code}) without a result: ${stderr}`)));
    });
    child.send({ paths: [folder], cacheDir: path.join(scratch, 'installed-cache'), limits: { maxFileBytes: 2 ** 20, maxTotalBytes: 2 ** 30 } } satisfies MiningJob);
    const message = await done;
    assert.equal(message.type, 'done', JSON.stringify(message));
    if (message.type !== 'done') return;
    assert.match(message.result.report.segmenter, /^segmenter: jieba-wasm [\d.]+ \(nodejieba [\d.]+'s dictionary\) \(nodejieba's native binary does not load here/);
    assert.equal(message.result.report.files, 2);
    assert.ok(message.result.index.sentences.some(s => s.tokens.split('\t').join('') === '要坚持安全第一、预防为主、综合治理，压紧压实安全生产责任。'));
  });
});
