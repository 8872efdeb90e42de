// Mines a user's corpus in a child process of the server: the segmenter (nodejieba, or the portable
// one where nodejieba's binary does not load) is loaded here and nowhere else in the server, and its
// memory (which nodejieba never frees) goes back to the system when this process exits after the job.
import { chooseSegmenter, mineFolders, MiningLimits, segmenterChoice, SegmenterChoice } from '../../../host/src';

export interface MiningJob {
  paths: string[];
  cacheDir: string;
  limits: MiningLimits;
  /** The setting; SPEECH_DRAFT_SEGMENTER=portable overrides it. */
  segmenter?: SegmenterChoice;
}

export type MiningMessage =
  | { type: 'progress'; done: number; total: number; file: string }
  | { type: 'done'; result: Awaited<ReturnType<typeof mineFolders>> }
  | { type: 'failed'; error: string };

const post = (message: MiningMessage) => new Promise<void>(resolve => process.send!(message, () => resolve()));

// A server that is killed cannot stop its child: the closed channel tells it to stop.
process.once('disconnect', () => process.exit(1));

process.once('message', (job: MiningJob) => {
  const segmenter = chooseSegmenter(segmenterChoice(job.segmenter));
  mineFolders(job.paths, {
    segmenter,
    cacheDir: job.cacheDir,
    // Completion draws on sentences: phrases would be most of a large archive's index, unused.
    phrases: false,
    limits: job.limits,
    onProgress: (done, total, file) => void post({ type: 'progress', done, total, file }),
  })
    .then(result => post({ type: 'done', result }), (error: Error) => post({ type: 'failed', error: error.message }))
    .finally(() => process.exit(0));
});
