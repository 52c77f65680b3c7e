/**
 * Worker threads on every core (piscina): batches are computed in parallel threads and written to
 * the store by the main thread as they arrive, in whatever order. The worker file is the compiled
 * dist/src/sweep/executors/thread-worker.js (built by `npm run build`), also when Concord runs from
 * its TypeScript sources (tests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { packageRoot } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { type ExecJob, type Executor, workerName } from './executor.js';

export { defaultThreads } from './executor.js';

import type { BatchTask, BatchTaskResult } from './thread-task.js';

export function threadWorkerFile(): string {
  const file = join(packageRoot(), 'dist', 'src', 'sweep', 'executors', 'thread-worker.js');
  if (!existsSync(file))
    throw new ConcordError('E_UNAVAILABLE', `the worker-thread file ${file} is missing`, {
      hint: 'Run `npm run build` (it compiles the worker file to dist/), or use --executor inline.',
      key: 'sweep.workerFileMissing',
      values: { file },
    });
  return pathToFileURL(file).href;
}

export function createPool(threads: number): Piscina<BatchTask, BatchTaskResult> {
  return new Piscina<BatchTask, BatchTaskResult>({
    filename: threadWorkerFile(),
    // No minimum: with one, aborting a running batch (a cancelled sweep) makes piscina start a
    // replacement thread at once, which the pool's destroy() can miss — measured in a server, one
    // idle thread (and its heap) left behind by every cancelled sweep. Threads start on demand
    // (piscina spawns up to maxThreads while tasks are queued) and leave when idle.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 10_000,
    // A larger young generation than the worker default: a replicate allocates small, short-lived
    // objects, and fewer scavenges measurably speed the threads up.
    resourceLimits: { maxYoungGenerationSizeMb: 32 },
  });
}

export function threadsExecutor(threads: number): Executor {
  const pool = createPool(threads);
  return {
    name: 'threads',
    async run(job: ExecJob) {
      const me = workerName(`threads×${threads}`);
      const queue = [...job.batches];
      // At most two batches in flight per thread: memory stays bounded whatever the run's size.
      const inFlight = threads * 2;
      let failure: unknown = null;
      const worker = async () => {
        while (queue.length && !job.signal.aborted && !failure) {
          const b = queue.shift()!;
          try {
            // Aborting (shutdown, cancellation) terminates the threads mid-batch: it stops at once.
            const r = await pool.run(
              { params: job.params, idx: b.idx, first: b.first, count: b.count },
              { signal: job.signal },
            );
            if (job.signal.aborted) return;
            await job.store.noteAttempt(job.runId, b.idx, me);
            await job.store.completeBatch(job.runId, b.idx, r.rows ?? [], me, { aggregate: r.aggregate });
            job.onBatch(b.count);
          } catch (e) {
            if (!job.signal.aborted) failure ??= e;
          }
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      if (failure) throw failure;
    },
    async close() {
      await pool.destroy();
    },
  };
}
