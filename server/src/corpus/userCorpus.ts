import { ChildProcess, fork } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { CorpusKnowledge, Locale, localize, MinedIndex } from '../../../core/src';
import { CorpusGeneration } from '../analyses';
import { CorpusReport } from '../../../protocol';
import type { MiningJob, MiningMessage } from './miningProcess';
import { DEFAULT_MINING_LIMITS, minedFromCache, MiningLimits, readMinedIndex, resolveCorpusPaths, SegmenterChoice, segmenterChoice, segmenterNames, shippedIndexFile } from '../../../host/src';

const MINING_PROCESS = path.join(__dirname, 'miningProcess.js');

type MiningOutcome = Exclude<MiningMessage, { type: 'progress' }>;

/** What the settings say to mine: folders of past speeches and the size limits. */
export interface CorpusSources {
  paths: string[];
  limits: MiningLimits;
  /** `speechDraft.corpus.segmenter`. */
  segmenter?: SegmenterChoice;
}

/** A job replaced by a newer one before it finished. */
const SUPERSEDED = Symbol('superseded');

/**
 * The corpus completion draws on: the shipped index, read on first use, merged with the index
 * mined from the user's own speeches (`speechDraft.corpus.paths`) in a child process.
 */
export class CorpusService implements CorpusGeneration {
  private shipped?: MinedIndex;
  private readonly listeners: (() => void)[] = [];
  /** Changes whenever the user's index does. */
  generation = 0;
  private user?: MinedIndex;
  private merged?: CorpusKnowledge;
  private paths: string[] = [];
  private limits = DEFAULT_MINING_LIMITS;
  private segmenter?: SegmenterChoice;
  private unresolved: { file: string; reason: string }[] = [];
  /** The newest job's report: what callers of an older, stopped job get too. */
  private job: Promise<CorpusReport | undefined> = Promise.resolve(undefined);
  private latestJob = 0;
  private running?: ChildProcess;
  /** Resolves when the running child process (if any) has exited. */
  private childExit: Promise<void> = Promise.resolve();
  supportsProgress = false;
  workspaceFolders: string[] = [];
  cacheDir = path.join(os.homedir(), '.cache', 'speech-draft', 'corpus');
  locale: Locale = 'zh-cn';

  constructor(private readonly connection: Connection) {}

  /** What the user's speeches and the shipped corpus know, merged on first use after each change. */
  knowledge(): CorpusKnowledge {
    this.shipped ??= this.readShippedIndex();
    this.merged ??= CorpusKnowledge.of(this.user, this.shipped);
    return this.merged;
  }

  /** Called after the user's index changed, for analyses to be made again. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private setUserIndex(index: MinedIndex | undefined): void {
    if (!index && !this.user) return;
    this.user = index;
    this.merged = undefined;
    this.generation++;
    for (const listener of this.listeners) listener();
  }

  private readShippedIndex(): MinedIndex | undefined {
    try {
      return readMinedIndex(shippedIndexFile(__dirname));
    } catch (error) {
      this.connection.console.error(`corpus: ${(error as Error).message}`);
      return undefined;
    }
  }

  private resolve(written: string[]): string[] {
    const { folders, unresolved } = resolveCorpusPaths(written, { workspace: this.workspaceFolders[0], home: os.homedir() });
    this.unresolved = unresolved;
    return folders;
  }

  /** Mines the folders if the settings changed; resolves when done. */
  setSources(sources: CorpusSources): Promise<CorpusReport | undefined> {
    const before = JSON.stringify([this.paths, this.limits, this.segmenter]);
    const unresolvedBefore = this.unresolved;
    const resolved = this.resolve(sources.paths);
    if (JSON.stringify([resolved, sources.limits, sources.segmenter]) === before) {
      this.unresolved = unresolvedBefore;
      return this.job;
    }
    return this.rebuild(sources);
  }

  /**
   * Mines the folders again; unchanged files come from the cache. A job still running is stopped,
   * and its callers get the result of this newer one. Each job waits only for the previous
   * child process to exit, never for the previous job's result, so jobs cannot wait on each other.
   */
  rebuild({ paths, limits, segmenter }: CorpusSources): Promise<CorpusReport | undefined> {
    this.paths = this.resolve(paths);
    this.limits = limits;
    this.segmenter = segmenter;
    const id = ++this.latestJob;
    this.running?.kill();
    const previousExit = this.childExit;
    const job = previousExit.then(() => (id === this.latestJob ? this.runJob(id) : SUPERSEDED));
    this.job = job.then(result => (result === SUPERSEDED ? this.job : result));
    return this.job;
  }

  private async createProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.supportsProgress) return undefined;
    try {
      return await this.connection.window.createWorkDoneProgress();
    } catch {
      return undefined;
    }
  }

  private async runJob(id: number): Promise<CorpusReport | typeof SUPERSEDED> {
    const paths = this.paths;
    const empty: CorpusReport = { paths, files: 0, segmented: 0, fromCache: 0, skipped: [...this.unresolved], sentences: 0, slogans: 0, summaries: 0 };
    if (!paths.length) {
      this.setUserIndex(undefined);
      return empty;
    }
    const progress = await this.createProgress();
    try {
      progress?.begin(localize(this.locale, 'corpus-progress'), 0, paths.join('; '));
      // A newer job may have started while the progress was being created.
      if (id !== this.latestJob) return SUPERSEDED;
      const job = { paths, cacheDir: this.cacheDir, limits: this.limits, segmenter: this.segmenter };
      // An unchanged corpus comes from the cache here, without starting a process and copying the
      // index across (a third of reopening a 10,000-speech archive); anything else is mined there.
      const cached = this.fromCache(job);
      const message = cached ? { type: 'done' as const, result: cached } : await this.mineInChildProcess(id, job, progress);
      if (message === SUPERSEDED) return SUPERSEDED;
      let report: CorpusReport;
      let segmenter = '';
      if (message.type === 'done') {
        segmenter = `; ${message.result.report.segmenter}`;
        const { index, report: mined } = message.result;
        this.setUserIndex(index);
        // Built now rather than on the next keystroke.
        this.knowledge().sentences();
        report = { ...empty, ...mined, skipped: [...empty.skipped, ...mined.skipped], sentences: index.sentences.length, slogans: index.slogans.length, summaries: index.summaries.length };
      } else {
        report = { ...empty, error: message.error };
      }
      const summary = report.error ?? `${report.files} speeches (${report.fromCache} from the cache): ${report.sentences} sentences, ${report.slogans} slogans, ${report.summaries} summaries; ${report.skipped.length} skipped${segmenter}`;
      this.connection.console.info(`corpus: ${summary}${report.skipped.map(s => `\n  skipped ${s.file}: ${s.reason}`).join('')}`);
      return report;
    } finally {
      progress?.done();
    }
  }

  private fromCache(job: MiningJob): ReturnType<typeof minedFromCache> {
    try {
      // Any segmenter the choice may use: each is jieba with the same dictionary.
      for (const segmenterName of segmenterNames(segmenterChoice(job.segmenter))) {
        const cached = minedFromCache(job.paths, { segmenterName, cacheDir: job.cacheDir, limits: job.limits, phrases: false });
        if (cached) return cached;
      }
      return undefined;
    } catch {
      // The mining process reports what went wrong.
      return undefined;
    }
  }

  private mineInChildProcess(id: number, job: MiningJob, progress: WorkDoneProgressServerReporter | undefined): Promise<MiningOutcome | typeof SUPERSEDED> {
    // Structured clone carries a large index across in half the time of JSON.
    // With Node's own options: the server's are for an editor's latency (and a debugger's port would clash).
    const child = fork(MINING_PROCESS, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', execArgv: [] });
    this.running = child;
    let exited!: () => void;
    this.childExit = new Promise(resolve => { exited = resolve; });
    return new Promise(resolve => {
      let stderr = '';
      let result: MiningOutcome | undefined;
      child.stderr!.on('data', chunk => { stderr += chunk; });
      child.on('message', (message: MiningMessage) => {
        if (message.type === 'progress') progress?.report(Math.floor((100 * message.done) / Math.max(1, message.total)), message.file);
        else result = message;
      });
      child.on('error', error => { result ??= { type: 'failed', error: error.message }; });
      child.on('close', (code, signal) => {
        if (this.running === child) this.running = undefined;
        exited();
        if (id !== this.latestJob) resolve(SUPERSEDED);
        else if (result?.type === 'done') resolve(result);
        // Killed before it read the job, the send fails too (EPIPE): the kill is what to report.
        else if (signal) resolve({ type: 'failed', error: `the mining process was stopped (${signal}): run Rebuild Corpus Index again` });
        else if (result) resolve(result);
        else resolve({ type: 'failed', error: `mining stopped (exit code ${code}): ${stderr.trim().split('\n').pop() ?? ''}` });
      });
      child.send(job);
    });
  }
}
