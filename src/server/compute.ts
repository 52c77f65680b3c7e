/**
 * Heavy work off the event loop. A route that computes (models, power indices, capacity,
 * backtests, alignment) declares its computation as `work` (./route.ts); the server validates the
 * request on the main thread, then runs the computation on a pool of worker threads (piscina) under
 * a time budget. When the budget runs out, or the client goes away, the task is aborted: piscina
 * terminates the worker running it (a queued task is dropped), so an abandoned or runaway request
 * never keeps computing. The main thread only parses, validates and serializes, so `/api/health`
 * answers at once whatever the workers do.
 *
 * The worker file is the compiled dist/src/server/compute-worker.js (`npm run build`), as for the
 * sweeps' threads; with `threads: 0` (or without the compiled file) work runs inline on the event
 * loop, without budgets — for tests of the routes themselves only.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { loadDataset, packageRoot } from '../data/load.js';
import { ConcordError, type ErrorCode, type ErrorValues, type ValidationIssue } from '../errors.js';
import { loadOrganizations } from '../org/load.js';
import type { WorkContext } from './route.js';

/** What a worker is asked: the route (by operation id) and its validated input. */
export interface ComputeTask {
  readonly operationId: string;
  readonly input: { readonly params: unknown; readonly query: unknown; readonly body: unknown };
  /**
   * Send back the answer as text, serialized on the worker (JSON, or the route's CSV), instead of
   * the value: a string crosses to the main thread as one copy, where an object of a few hundred
   * thousand numbers (the power indices of 400 players: 0.9 MB of JSON) costs a structured clone
   * and a JSON.stringify on the event loop — measured stalls of 10–50 ms on a loaded machine.
   */
  readonly answer?: 'json' | 'csv';
}

/** What a worker answers: the value, or the error (ConcordErrors keep code, path and hint). */
export type ComputeResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly error:
        | {
            readonly code: ErrorCode;
            readonly message: string;
            readonly path?: string;
            readonly hint?: string;
            /** For translation (ConcordError's key, values and schema issues). */
            readonly key?: string;
            readonly values?: ErrorValues;
            readonly issues?: readonly ValidationIssue[];
          }
        | { readonly internal: string };
    };

export interface ComputeOptions {
  /** Worker threads (default: every core but one, at least one); 0 runs work inline (tests). */
  readonly threads?: number;
  /** Tasks waiting for a worker before new ones are refused with 503 (default 4 per thread). */
  readonly maxQueue?: number;
  /** Heap of one worker (MiB): a computation that needs more is stopped (default 1024). */
  readonly maxHeapMb?: number;
}

export function computeThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function computeWorkerFile(): string | null {
  const file = join(packageRoot(), 'dist', 'src', 'server', 'compute-worker.js');
  return existsSync(file) ? pathToFileURL(file).href : null;
}

/** Turns a worker's answer into the value, or throws the error it describes. */
export function unwrapResult(r: ComputeResult): unknown {
  if (r.ok) return r.value;
  const e = r.error;
  if ('internal' in e) throw new Error(`worker: ${e.internal}`);
  throw new ConcordError(e.code, e.message, {
    ...(e.path ? { path: e.path } : {}),
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.key ? { key: e.key } : {}),
    ...(e.values ? { values: e.values } : {}),
    ...(e.issues ? { issues: e.issues } : {}),
  });
}

/** Runs a task's work function and wraps its outcome for the trip back from the worker. */
export async function runWork(
  work: (ctx: WorkContext) => unknown,
  ctx: WorkContext,
  serialize?: (value: unknown) => string,
): Promise<ComputeResult> {
  try {
    const value = await work(ctx);
    return { ok: true, value: serialize ? serialize(value) : value };
  } catch (e) {
    if (e instanceof ConcordError) {
      return {
        ok: false,
        error: {
          code: e.code,
          message: e.message,
          ...(e.path ? { path: e.path } : {}),
          ...(e.hint ? { hint: e.hint } : {}),
          ...(e.key ? { key: e.key } : {}),
          ...(e.values ? { values: e.values } : {}),
          ...(e.issues ? { issues: e.issues } : {}),
        },
      };
    }
    return { ok: false, error: { internal: e instanceof Error ? (e.stack ?? e.message) : String(e) } };
  }
}

/** The serializer a task asks for (ComputeTask.answer), given its route's CSV form. */
export function answerSerializer(
  task: ComputeTask,
  csv: ((answer: unknown) => string) | undefined,
): ((value: unknown) => string) | undefined {
  if (task.answer === 'json') return (v) => JSON.stringify(v);
  if (task.answer === 'csv') {
    if (!csv) throw new Error(`${task.operationId} has no CSV form`);
    return csv;
  }
  return undefined;
}

let inlineCtx: WorkContext | undefined;
/** The library data a computation reads (loaded once per thread). */
export function workContext(): WorkContext {
  inlineCtx ??= { registry: loadOrganizations(), ds: loadDataset() };
  return inlineCtx;
}

/**
 * The errors catalogue's entries for a route's own hint on E_TIMEOUT and on E_LIMIT (memory): the
 * message of each is the generic one, its `hint.` entry the route's `timeoutHint` in each language.
 */
export const TIMEOUT_KEYS = {
  power: ['server.compute.timeout.power', 'server.compute.outOfMemory.power'],
  capacity: ['server.compute.timeout.capacity', 'server.compute.outOfMemory.capacity'],
  quota: ['server.compute.timeout.quota', 'server.compute.outOfMemory.quota'],
  reform: ['server.compute.timeout.reform', 'server.compute.outOfMemory.reform'],
  forecast: ['server.compute.timeout.forecast', 'server.compute.outOfMemory.forecast'],
} as const;
export type TimeoutKey = keyof typeof TIMEOUT_KEYS;

export interface RunOptions {
  /** Aborts the task (client gone). */
  readonly signal?: AbortSignal;
  /** Time from now until the task is stopped with E_TIMEOUT (waiting for a worker included). */
  readonly budgetMs: number;
  /** For the message: what the client can do instead. */
  readonly hint?: string;
  /** The catalogue entries that word `hint` in each language (TIMEOUT_KEYS). */
  readonly hintKey?: TimeoutKey;
}

export class ComputePool {
  readonly threads: number;
  private readonly pool: Piscina<ComputeTask, ComputeResult> | null;
  private inline: ((task: ComputeTask) => Promise<ComputeResult>) | null = null;
  /** Tasks stopped by their budget, and by their client's leaving, since the start. */
  readonly stats = { run: 0, timedOut: 0, abandoned: 0, refused: 0 };

  constructor(o: ComputeOptions = {}, inline?: (task: ComputeTask) => Promise<ComputeResult>) {
    const file = o.threads === 0 ? null : computeWorkerFile();
    this.threads = file ? (o.threads ?? computeThreads()) : 0;
    this.inline = inline ?? null;
    this.pool = file
      ? new Piscina<ComputeTask, ComputeResult>({
          filename: file,
          // Threads start on demand and leave after 20 s idle, giving their memory back.
          minThreads: 0,
          maxThreads: this.threads,
          idleTimeout: 20_000,
          maxQueue: o.maxQueue ?? this.threads * 4,
          resourceLimits: { maxOldGenerationSizeMb: o.maxHeapMb ?? 1024, stackSizeMb: 4 },
        })
      : null;
  }

  /** Tasks waiting for a thread, and threads working. */
  get load(): { queued: number; running: number; threads: number } {
    if (!this.pool) return { queued: 0, running: 0, threads: 0 };
    return {
      queued: this.pool.queueSize,
      running: this.pool.threads.length ? Math.round(this.pool.utilization * this.threads) : 0,
      threads: this.pool.threads.length,
    };
  }

  async run(task: ComputeTask, o: RunOptions): Promise<unknown> {
    this.stats.run++;
    if (!this.pool) {
      if (!this.inline) throw new Error('no compute worker and no inline runner');
      return unwrapResult(await this.inline(task));
    }
    const budget = AbortSignal.timeout(o.budgetMs);
    const signal = o.signal ? AbortSignal.any([budget, o.signal]) : budget;
    try {
      return unwrapResult(await this.pool.run(task, { signal }));
    } catch (e) {
      if (e instanceof ConcordError) throw e;
      const err = e as Error & { code?: string };
      if (err.name === 'AbortError') {
        if (o.signal?.aborted) {
          this.stats.abandoned++;
          throw new ConcordError(
            'E_UNAVAILABLE',
            'the client closed the connection; the computation was stopped',
            { key: 'server.compute.clientGone' },
          );
        }
        this.stats.timedOut++;
        throw new ConcordError(
          'E_TIMEOUT',
          `the computation did not finish within the server's budget of ${(o.budgetMs / 1000).toFixed(0)} s and was stopped`,
          {
            hint:
              o.hint ??
              'Ask for less (fewer actors, issues or players), or use the CLI, which has no budget.',
            // The route's own hint is worded by its TIMEOUT_KEYS (without one it stays English).
            key: o.hintKey
              ? TIMEOUT_KEYS[o.hintKey][0]
              : o.hint
                ? 'server.compute.timeoutOwnHint'
                : 'server.compute.timeout',
            values: { seconds: (o.budgetMs / 1000).toFixed(0) },
          },
        );
      }
      if (/queue is at limit/i.test(err.message)) {
        this.stats.refused++;
        throw new ConcordError('E_UNAVAILABLE', 'the server is busy computing other requests', {
          hint: 'Retry in a few seconds; the CLI computes the same answers locally.',
          key: 'server.compute.busy',
        });
      }
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new ConcordError(
          'E_LIMIT',
          'the computation needs more memory than the server gives a request',
          {
            hint: o.hint ?? 'Ask for less, or use the CLI.',
            key: o.hintKey
              ? TIMEOUT_KEYS[o.hintKey][1]
              : o.hint
                ? 'server.compute.outOfMemoryOwnHint'
                : 'server.compute.outOfMemory',
          },
        );
      }
      throw e;
    }
  }

  /** Runs a task whose answer is serialized on the worker (ComputeTask.answer): the text. */
  async runText(task: ComputeTask & { readonly answer: 'json' | 'csv' }, o: RunOptions): Promise<string> {
    return (await this.run(task, o)) as string;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
