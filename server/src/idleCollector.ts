import * as v8 from 'v8';
import * as vm from 'vm';

const IDLE_MS = 1000;

/**
 * After a burst of edits V8 keeps the garbage of every analysis (for a 1M-character draft, 1.4 MB of
 * JSON per keystroke) and grows the heap; one full collection once the drafter pauses gives the
 * memory back. Call `busy()` on each edit; the collection runs once per pause.
 */
export function idleCollector(): { busy(): void } {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    busy() {
      if (!collect) return;
      clearTimeout(timer);
      timer = setTimeout(collect, IDLE_MS);
      timer.unref();
    },
  };
}
