/**
 * Scale-out on Redis with BullMQ. The coordinator (`concord sweep --executor bullmq --redis URL`)
 * creates the run in the shared store and enqueues one job per pending batch; workers
 * (`concord worker --redis URL --store …`, on any number of machines) take jobs, compute the batch
 * in worker threads, and write it to the shared store with the atomic, idempotent `completeBatch`.
 * The coordinator follows progress in the store and, when every batch is done, computes the summary
 * from the stored aggregates in batch order — the same summary a local run gives.
 *
 * Failure handling is BullMQ's: a worker that dies mid-batch stops renewing its job's lock; after
 * `lockDuration` another worker's stalled-job check puts the job back in the queue and it is
 * retried. If the dead worker had in fact stored the batch before dying, the retry's
 * `completeBatch` returns false and writes nothing: a batch is never counted twice.
 */
import { hostname } from 'node:os';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { ConcordError } from '../../errors.js';
import type { RunStore } from '../../store/store.js';
import type { SweepParams } from '../engine.js';
import { sweepParamsOf } from '../run.js';
import type { ExecJob, Executor } from './executor.js';
import { createPool } from './threads.js';

export const QUEUE_NAME = 'concord-sweeps';

export interface BatchJobData {
  readonly runId: string;
  readonly idx: number;
  readonly first: number;
  readonly count: number;
}

export function redactRedis(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

function connection(url: string) {
  return { url, maxRetriesPerRequest: null };
}

/** Fails fast, with a clear error, when Redis is not reachable at `url`. */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  if (!/^rediss?:\/\//.test(url))
    throw new ConcordError('E_VALIDATION', `--redis: "${redactRedis(url)}" is not a redis:// URL`, {
      path: '--redis',
      hint: 'Give a URL such as redis://127.0.0.1:6379.',
      key: 'sweep.notRedisUrl',
      values: { url: redactRedis(url) },
    });
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new ConcordError(
      'E_UNAVAILABLE',
      `cannot connect to Redis at ${redactRedis(url)}: ${(e as Error).message}`,
      {
        hint: 'Check that redis-server runs and the URL (host, port, password) is right.',
        cause: e,
        key: 'sweep.redisUnreachable',
        values: { url: redactRedis(url), detail: (e as Error).message },
      },
    );
  } finally {
    client.disconnect();
  }
}

export interface BullmqExecutorOptions {
  readonly url: string;
  /** How often the coordinator reads progress from the store. */
  readonly pollMs?: number;
  /** Attempts per batch before the run fails (a stalled job counts as a retry, not an attempt). */
  readonly attempts?: number;
  readonly log?: (line: string) => void;
}

export function bullmqExecutor(o: BullmqExecutorOptions): Executor {
  let queue: Queue | null = null;
  let events: QueueEvents | null = null;
  return {
    name: 'bullmq',
    async run(job: ExecJob) {
      await checkRedis(o.url);
      queue = new Queue(QUEUE_NAME, { connection: connection(o.url) });
      events = new QueueEvents(QUEUE_NAME, { connection: connection(o.url) });
      const attempts = o.attempts ?? 5;
      let failure: string | null = null;
      const prefix = `${job.runId}.`;
      events.on('failed', async ({ jobId, failedReason }) => {
        if (!jobId.startsWith(prefix) || !queue) return;
        const j = await queue.getJob(jobId).catch(() => null);
        if (!j || j.attemptsMade >= (j.opts.attempts ?? 1))
          failure ??= `batch ${jobId.slice(prefix.length)}: ${failedReason}`;
      });
      await events.waitUntilReady();
      for (let i = 0; i < job.batches.length; i += 500) {
        await queue.addBulk(
          job.batches.slice(i, i + 500).map((b) => ({
            name: 'batch',
            data: { runId: job.runId, idx: b.idx, first: b.first, count: b.count } satisfies BatchJobData,
            opts: {
              jobId: `${job.runId}.${b.idx}`,
              attempts,
              backoff: { type: 'exponential', delay: 1000 },
              removeOnComplete: true,
              removeOnFail: 1000,
            },
          })),
        );
      }
      o.log?.(
        `queued ${job.batches.length} batches on ${redactRedis(o.url)} (queue ${QUEUE_NAME}); workers: concord worker --redis URL --store STORE`,
      );
      let last = (await job.store.progress(job.runId)).replicatesDone;
      const poll = o.pollMs ?? 500;
      for (;;) {
        if (job.signal.aborted) return;
        if (failure)
          throw new ConcordError('E_UNAVAILABLE', `a worker failed: ${failure}`, {
            hint: 'See the worker logs; fix the cause and resume the run.',
            key: 'sweep.workerFailed',
            values: { failure },
          });
        const p = await job.store.progress(job.runId);
        if (p.replicatesDone > last) {
          job.onBatch(p.replicatesDone - last);
          last = p.replicatesDone;
        }
        if (p.done >= p.batches) return;
        await new Promise((r) => setTimeout(r, poll));
      }
    },
    async close() {
      await events?.close().catch(() => {});
      await queue?.close().catch(() => {});
    },
  };
}

export interface WorkerOptions {
  readonly url: string;
  readonly store: RunStore;
  readonly threads: number;
  /** BullMQ lock duration: a dead worker's batch is retried after about this long. */
  readonly lockMs?: number;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

/** `concord worker`: consumes batches until the signal aborts. Returns the number of batches stored. */
export async function runWorker(o: WorkerOptions): Promise<{ stored: number; duplicates: number }> {
  await checkRedis(o.url);
  const pool = createPool(o.threads);
  const me = `worker:${hostname()}:${process.pid}`;
  const runs = new Map<string, SweepParams>();
  let stored = 0;
  let duplicates = 0;
  const lockDuration = o.lockMs ?? 30_000;
  const worker = new Worker<BatchJobData>(
    QUEUE_NAME,
    async (job) => {
      const { runId, idx, first, count } = job.data;
      let params = runs.get(runId);
      if (!params) {
        const run = await o.store.getRun(runId);
        if (!run)
          throw new UnrecoverableError(
            `no run ${runId} in the store ${o.store.location}: give workers the coordinator's store (--store)`,
          );
        params = sweepParamsOf(run);
        runs.set(runId, params);
      }
      o.log(`batch ${idx} of run ${runId.slice(0, 8)} started (attempt ${job.attemptsMade + 1})`);
      await o.store.noteAttempt(runId, idx, me);
      const r = await pool.run({ params, idx, first, count });
      const ok = await o.store.completeBatch(runId, idx, r.rows ?? [], me, { aggregate: r.aggregate });
      if (ok) stored++;
      else duplicates++;
      o.log(
        `batch ${idx} of run ${runId.slice(0, 8)} ${ok ? 'stored' : 'was already stored: duplicate ignored'}`,
      );
      return { stored: ok };
    },
    {
      connection: connection(o.url),
      concurrency: o.threads,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 10,
    },
  );
  worker.on('failed', (job, err) => o.log(`batch ${job?.data.idx ?? '?'} failed: ${err.message}`));
  worker.on('error', (err) => o.log(`worker error: ${err.message}`));
  await worker.waitUntilReady();
  o.log(
    `worker ${me} ready: ${o.threads} thread(s), queue ${QUEUE_NAME} on ${redactRedis(o.url)}, store ${o.store.location}`,
  );
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) resolve();
    else o.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.close();
  await pool.destroy();
  return { stored, duplicates };
}
