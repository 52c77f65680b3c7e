/** The in-process executor: batches one after another on the main thread. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { getAdapter } from '../adapters.js';
import { SweepContext } from '../engine.js';
import { type ExecJob, type Executor, workerName } from './executor.js';

export function inlineExecutor(): Executor {
  return {
    name: 'inline',
    async run(job: ExecJob) {
      const ctx = new SweepContext(getAdapter(job.params.adapter), job.params);
      const me = workerName('inline');
      for (const b of job.batches) {
        if (job.signal.aborted) return;
        const r = ctx.computeBatch(b.idx, b.first, b.count);
        await job.store.noteAttempt(job.runId, b.idx, me);
        await job.store.completeBatch(job.runId, b.idx, r.rows ?? [], me, {
          aggregate: JSON.stringify(r.aggregate),
        });
        job.onBatch(b.count);
        await yieldToLoop();
      }
    },
    async close() {},
  };
}
