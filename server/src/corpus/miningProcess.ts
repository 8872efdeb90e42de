// Mines a user's corpus in a child process of the server: nodejieba is loaded here and nowhere
// else in the server, and its memory (which it never frees) goes back to the system when this
// process exits after the job.
import { jiebaSegmenter, mineFolders, MiningLimits } from '../../../host/src';

export interface MiningJob {
  paths: string[];
  cacheDir: string;
  limits: MiningLimits;
}

export type MiningMessage =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'done'; result: Awaited<ReturnType<typeof mineFolders>> }
  | { type: 'failed'; error: string };

const post = (message: MiningMessage) => new Promise<void>(resolve => process.send!(message, () => resolve()));

// A server that is killed cannot stop its child: the closed channel tells it to stop.
process.once('disconnect', () => process.exit(1));

process.once('message', (job: MiningJob) => {
  mineFolders(job.paths, {
    segmenter: jiebaSegmenter(),
    cacheDir: job.cacheDir,
    // Completion draws on sentences: phrases would be most of a large archive's index, unused.
    phrases: false,
    limits: job.limits,
    onProgress: (done, total, file) => void post({ type: 'progress', done, total, file }),
  })
    .then(result => post({ type: 'done', result }), (error: Error) => post({ type: 'failed', error: error.message }))
    .finally(() => process.exit(0));
});
