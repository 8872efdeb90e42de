// Mines a user's corpus off the server's main thread; nodejieba is loaded here and nowhere else
// in the server, and the worker ends with the job, returning its memory.
import { parentPort, workerData } from 'worker_threads';
import { loadJieba } from '../../../core/src/corpus/jieba';
import { mineFolders } from '../../../core/src/corpus/mineFolders';

export interface MiningJob {
  paths: string[];
  cacheDir: string;
}

export type MiningMessage =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'done'; result: Awaited<ReturnType<typeof mineFolders>> }
  | { type: 'failed'; error: string };

const post = (message: MiningMessage) => parentPort!.postMessage(message);
const job = workerData as MiningJob;

mineFolders(job.paths, {
  segmenter: loadJieba(),
  cacheDir: job.cacheDir,
  onProgress: (done, total, file) => post({ type: 'progress', done, total, file }),
}).then(result => post({ type: 'done', result }), (error: Error) => post({ type: 'failed', error: error.message }));
