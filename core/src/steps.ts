/**
 * Work done in steps: a generator that yields between slices of a long loop, so that a caller
 * (the language server) can spread the analysis of a huge document over several turns of its
 * event loop and drop it when the document changes. `runSteps` does it all at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Lines or items handled between two yields: well under a millisecond of work. */
export const STEP = 1000;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
