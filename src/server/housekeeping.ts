/**
 * Memory back after a burst. Measured (`npm run bench -- attacks`, the server's own heap and
 * mappings read through bench/server-probe.ts): after 20 s of thousands of refused heavy requests
 * the main thread's JS heap stood at 121 MiB used of 153 MiB, and 30 s of idleness later it was
 * the same — V8 collects when the program allocates, and an idle server allocates nothing, so the
 * garbage of the burst (33 MiB live after a collection) kept the process 110 MiB above where it
 * started. One full collection then brought it back to within 30 MiB.
 *
 * So: once the server has been quiet for a while (few requests, no computation running) after
 * enough activity to have grown the heap, it runs one full collection. It costs one pause of the
 * event loop of some tens of milliseconds, taken only when the server has nothing else to do.
 * The worker pool's threads leave after their own idle timeout (./compute.ts); this is the main
 * thread's share.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFn: (() => void) | null | undefined;

/**
 * V8's full collection: `globalThis.gc` when node runs with --expose-gc; else the flag is set at
 * run time and a fresh context gives the function (V8 installs `gc` in contexts created once the
 * flag is on). Null where neither works.
 */
export function fullCollection(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') {
    gcFn = g as () => void;
    return gcFn;
  }
  try {
    setFlagsFromString('--expose-gc');
    const f = runInNewContext('gc') as unknown;
    gcFn = typeof f === 'function' ? (f as () => void) : null;
  } catch {
    gcFn = null;
  }
  return gcFn;
}

export interface IdleCollectorOptions {
  /** How long the server must be quiet before it collects (ms, default 5,000). */
  readonly quietMs?: number;
  /** At most this many requests in the quiet window still count as quiet (health checks; default 10). */
  readonly quietRequests?: number;
  /** Growth of the JS heap since the last collection that makes one worth it (MiB, default 16). */
  readonly growthMiB?: number;
  /** True while computations run or wait (the pool): never collect then. */
  readonly busy: () => boolean;
}

export interface IdleCollector {
  /** Counts a request (an onRequest hook). */
  noteRequest(): void;
  /** Collections run so far. */
  readonly collections: number;
  stop(): void;
}

const MiB = 1024 * 1024;

export function idleCollector(o: IdleCollectorOptions): IdleCollector {
  const quietMs = o.quietMs ?? 5000;
  const quietRequests = o.quietRequests ?? 10;
  const growth = (o.growthMiB ?? 16) * MiB;
  let inWindow = 0;
  let baseline = process.memoryUsage().heapTotal;
  let collections = 0;
  let shrinking = false;
  const timer = setInterval(() => {
    // Each tick closes a window of quietMs: quiet when it saw few requests.
    const quiet = inWindow <= quietRequests;
    inWindow = 0;
    if (!quiet || o.busy()) return;
    const { heapTotal } = process.memoryUsage();
    // Collect when the heap grew since the last collection, and again while collections still
    // shrink it (V8 sizes the heap after a collection with room for the allocation rate it saw
    // last: a second one, when idle, gives that room back too).
    if (heapTotal - baseline < growth && !shrinking) return;
    const gc = fullCollection();
    if (!gc) return;
    gc();
    collections++;
    baseline = process.memoryUsage().heapTotal;
    shrinking = heapTotal - baseline >= growth / 2;
  }, quietMs);
  timer.unref();
  return {
    noteRequest() {
      inWindow++;
    },
    get collections() {
      return collections;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
