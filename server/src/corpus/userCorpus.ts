import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Connection } from 'vscode-languageserver';
import { CandidateIndex, candidatesOf, MinedIndex } from '../../../core/src';
import { CorpusReport } from '../../../protocol';
import type { MiningJob, MiningMessage } from './miningWorker';

/** The index mined from the shipped corpus, next to the bundle: dist/../corpus/mined.json. */
const SHIPPED_INDEX = path.join(__dirname, '..', 'corpus', 'mined.json');
const WORKER = path.join(__dirname, 'miningWorker.js');

/**
 * The corpus completion draws on: the shipped index, read on first use, merged with the index
 * mined from the user's own speeches (`speechDraft.corpus.paths`) in a worker thread.
 */
export class CorpusService {
  private shipped?: MinedIndex;
  private user?: MinedIndex;
  private merged?: CandidateIndex;
  private paths: string[] = [];
  private job: Promise<CorpusReport | undefined> = Promise.resolve(undefined);
  supportsProgress = false;
  workspaceFolders: string[] = [];
  cacheDir = path.join(os.homedir(), '.cache', 'speech-draft', 'corpus');

  constructor(private readonly connection: Connection) {}

  candidates(): CandidateIndex {
    if (!this.merged) {
      this.shipped ??= JSON.parse(fs.readFileSync(SHIPPED_INDEX, 'utf8')) as MinedIndex;
      this.merged = new CandidateIndex(this.user ? candidatesOf(this.user, true) : [], candidatesOf(this.shipped, false));
    }
    return this.merged;
  }

  /** `~` and folders relative to the (first) workspace folder, as a user writes them in settings. */
  private resolve(paths: string[]): string[] {
    return paths.map(p => p.replace(/^~(?=$|[\\/])/, os.homedir()))
      .map(p => (path.isAbsolute(p) || !this.workspaceFolders.length ? path.resolve(p) : path.resolve(this.workspaceFolders[0], p)));
  }

  /** Mines the folders if the setting changed; resolves when done. */
  setPaths(paths: string[]): Promise<CorpusReport | undefined> {
    const resolved = this.resolve(paths);
    if (JSON.stringify(resolved) === JSON.stringify(this.paths)) return this.job;
    return this.rebuild(paths);
  }

  /** Mines the folders again, one job at a time; unchanged files come from the cache. */
  rebuild(paths: string[]): Promise<CorpusReport | undefined> {
    this.paths = this.resolve(paths);
    this.job = this.job.then(() => this.runJob());
    return this.job;
  }

  private async runJob(): Promise<CorpusReport> {
    const paths = this.paths;
    const empty: CorpusReport = { paths, files: 0, segmented: 0, fromCache: 0, skipped: [], phrases: 0, slogans: 0, summaries: 0 };
    if (!paths.length) {
      this.user = undefined;
      this.merged = undefined;
      return empty;
    }
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('讲稿助手：分析语料', 0, paths.join('; '));
    const job: MiningJob = { paths, cacheDir: this.cacheDir };
    const message = await new Promise<MiningMessage>(resolve => {
      const worker = new Worker(WORKER, { workerData: job });
      worker.on('message', (m: MiningMessage) => {
        if (m.type === 'progress') progress?.report(Math.floor((100 * m.done) / Math.max(1, m.total)), m.file);
        else resolve(m);
      });
      worker.on('error', error => resolve({ type: 'failed', error: error.message }));
      worker.on('exit', code => resolve({ type: 'failed', error: `mining stopped (exit code ${code})` }));
    });
    let report: CorpusReport;
    if (message.type === 'done') {
      const { index, report: mined } = message.result;
      this.user = index;
      this.merged = undefined;
      report = { ...empty, ...mined, phrases: index.phrases.length, slogans: index.slogans.length, summaries: index.summaries.length };
    } else {
      report = { ...empty, error: message.type === 'failed' ? message.error : 'no result' };
    }
    const summary = report.error ?? `${report.files} 篇讲话（${report.fromCache} 篇来自缓存）：短语 ${report.phrases}、排比提法 ${report.slogans}、数字概括 ${report.summaries}；跳过 ${report.skipped.length} 个文件`;
    this.connection.console.info(`corpus: ${summary}${report.skipped.map(s => `\n  skipped ${s.file}: ${s.reason}`).join('')}`);
    progress?.done();
    return report;
  }
}
