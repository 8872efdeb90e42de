import * as v8 from 'v8';
import * as vm from 'vm';

const IDLE_MS = 1000;

/**
 * After a burst of edits V8 keeps the garbage of every analysis (for a 1M-character draft, 1.4 MB of
 * JSON per keystroke) and grows the heap; one full collection once the drafter pauses gives the
 * memory back. Call `busy()` on each edit; the collection runs once per pause.
 */
export function idleCollector(): { busy(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    busy() {
      // One timer, pushed back on each edit: refresh() allocates no new one.
      // The collector is made at the first pause, not at start-up: a new V8 context costs some 25 ms.
      // Twice: V8 sweeps the pages the first collection empties after it returns, and the second
      // gives them back (with one, a million-heading draft's server stayed 40 MB larger now and then).
      timer ??= setTimeout(() => {
        collector()?.();
        collector()?.();
      }, IDLE_MS).unref();
      timer.refresh();
    },
  };
}

let gc: (() => void) | undefined | null = null;

/**
 * V8's collector: exposed by the server's Node options (--expose-gc), so that no flag changes while
 * the server runs (V8 would then reject the code cache this process makes); started without them, the
 * process exposes it itself. Undefined where it cannot be.
 */
function collector(): (() => void) | undefined {
  if (gc === null) {
    gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as (() => void) | undefined;
    }
  }
  return gc;
}
