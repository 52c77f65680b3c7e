/**
 * The kinds of runs this server executes in the background (see ./jobs.ts). Sweeps run on worker
 * threads (src/sweep/executors/threads.ts), so that the server keeps answering while they compute;
 * `executeSweep` sets the run's status, beats its heartbeat and writes its summary, exactly as for
 * `concord sweep` — a run started in the lab can be resumed with `concord sweep --resume ID` and
 * the other way round.
 */
import { availableParallelism } from 'node:os';
import type { Executor } from '../sweep/executors/executor.js';
import { executeSweep } from '../sweep/run.js';
import type { RunKind } from './jobs.js';

/** Worker threads per sweep: every core but one, which stays with the server (at least one). */
export function sweepThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function sweepKind(threads = sweepThreads()): RunKind {
  return {
    kind: 'sweep',
    managesStatus: true,
    async execute({ store, run, signal, onBatch }) {
      // piscina is loaded only when a sweep runs.
      const { threadsExecutor } = await import('../sweep/executors/threads.js');
      const executor: Executor = threadsExecutor(threads);
      await executeSweep(store, run.id, executor, { signal, onBatch: () => onBatch() });
    },
  };
}

export const RUN_KINDS: readonly RunKind[] = [sweepKind()];
