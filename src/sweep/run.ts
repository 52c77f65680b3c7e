/**
 * Running a sweep against the store: plan it (validate, size it, refuse absurd sizes), create the
 * run with its manifest, have an executor compute the pending batches, then fold the stored batch
 * aggregates — in batch order — into the summary, and mark the run complete only when every batch
 * is done. `resumeSweep` does the same for an interrupted run: only its pending batches are
 * computed, and the summary, being a function of the stored aggregates in batch order, is the one
 * an uninterrupted run gives.
 */
import { hostname } from 'node:os';
import { ConcordError } from '../errors.js';
import type { RunRecord, RunStore } from '../store/store.js';
import { DEFAULT_WORKSPACE } from '../store/store.js';
import { getAdapter } from './adapters.js';
import type { BatchAggregateJSON } from './aggregate.js';
import {
  type Keep,
  readScenarioDocument,
  SweepContext,
  type SweepMode,
  type SweepParams,
  type SweepSummary,
  sha256,
} from './engine.js';
import type { Executor } from './executors/executor.js';
import { softwareManifest } from './manifest.js';
import { DEFAULT_KEEP, SweepSeedSchema } from './options.js';

/** Above this many replicates a sweep needs --force. */
export const MAX_RUNS_WITHOUT_FORCE = 10_000_000;
/** Above this many stored rows (replicates × outputs × models, with --keep rows) a sweep needs --force. */
export const MAX_ROWS_WITHOUT_FORCE = 100_000_000;
/** The hard limit: replicate indices are 32-bit integers in the store. */
export const MAX_TOTAL = 2_000_000_000;

export interface SweepRequest {
  readonly adapter: string;
  readonly file: string;
  readonly text: string;
  readonly models?: readonly string[];
  readonly runs: number;
  readonly seed: number;
  readonly sensitivity?: boolean;
  readonly keep?: Keep;
  readonly batchSize?: number;
  readonly force?: boolean;
}

/** The default batch size: about 200 batches, between 100 and 10,000 replicates each. */
export function defaultBatchSize(total: number): number {
  return Math.min(10_000, Math.max(MIN_BATCH_SIZE, Math.ceil(total / 200)));
}

/**
 * The smallest batch (unless the whole sweep is smaller): every batch is a row and a transaction in
 * the store, so tiny batches make a large sweep slow to create and to run.
 */
export const MIN_BATCH_SIZE = 100;

/** How often an executing sweep looks whether it was cancelled (ms). */
export const CANCEL_POLL_MS = 200;

/** Validates a request and sizes the sweep. Throws a ConcordError naming the problem. */
export function planSweep(req: SweepRequest): { params: SweepParams; ctx: SweepContext } {
  if (!Number.isSafeInteger(req.runs) || req.runs <= 0)
    throw new ConcordError('E_VALIDATION', `--runs must be a positive integer, got ${req.runs}`, {
      path: '--runs',
      hint: 'Give the number of replicates, e.g. --runs 10000.',
      key: 'sweep.badRuns',
      values: { runs: String(req.runs) },
    });
  if (!SweepSeedSchema.safeParse(req.seed).success)
    throw new ConcordError('E_VALIDATION', `--seed must be an integer in [0, 2^53), got ${req.seed}`, {
      path: '--seed',
      hint: 'Give a non-negative integer seed, e.g. --seed 1.',
      key: 'sweep.badSeed',
      values: { seed: String(req.seed) },
    });
  if (req.batchSize !== undefined && (!Number.isSafeInteger(req.batchSize) || req.batchSize < 1))
    throw new ConcordError('E_VALIDATION', `--batch-size must be a positive integer, got ${req.batchSize}`, {
      path: '--batch-size',
      key: 'sweep.badBatchSize',
      values: { batchSize: String(req.batchSize) },
    });
  if (req.batchSize !== undefined && req.batchSize < MIN_BATCH_SIZE && req.batchSize < req.runs)
    throw new ConcordError(
      'E_VALIDATION',
      `--batch-size must be at least ${MIN_BATCH_SIZE} (or the whole sweep), got ${req.batchSize}`,
      {
        path: '--batch-size',
        hint: `Leave it out (the default is about 200 batches), or give ${MIN_BATCH_SIZE} or more.`,
        key: 'sweep.smallBatchSize',
        values: { min: String(MIN_BATCH_SIZE), batchSize: String(req.batchSize) },
      },
    );
  const adapter = getAdapter(req.adapter);
  const models = req.models?.length ? [...req.models] : [...adapter.defaultModels];
  const mode: SweepMode = req.sensitivity ? 'saltelli' : 'montecarlo';
  const keep: Keep = req.keep ?? DEFAULT_KEEP;
  const parsed = readScenarioDocument(req.text, req.file);
  const provisional: SweepParams = {
    version: 1,
    adapter: adapter.id,
    scenario: { file: req.file, text: req.text, sha256: sha256(req.text) },
    models,
    mode,
    runs: req.runs,
    seed: req.seed,
    batchSize: 1,
    keep,
    total: 1,
  };
  const probe = new SweepContext(adapter, provisional, parsed);
  const group = probe.groupSize;
  const total = mode === 'saltelli' ? req.runs * group : req.runs * probe.points.length;
  if (total > MAX_TOTAL)
    throw new ConcordError(
      'E_LIMIT',
      `the sweep has ${total.toLocaleString('en-US')} runs, above the hard limit of ${MAX_TOTAL.toLocaleString('en-US')}`,
      {
        path: '--runs',
        hint: 'Use fewer runs or design points.',
        key: 'sweep.hardLimit',
        values: { total, max: MAX_TOTAL },
      },
    );
  const rowsStored = keep === 'rows' ? total * probe.outputs.length * models.length : 0;
  if (!req.force && (total > MAX_RUNS_WITHOUT_FORCE || rowsStored > MAX_ROWS_WITHOUT_FORCE))
    throw new ConcordError(
      'E_LIMIT',
      `the sweep has ${total.toLocaleString('en-US')} runs${rowsStored ? ` (${rowsStored.toLocaleString('en-US')} result rows)` : ''}, above the limit of ${MAX_RUNS_WITHOUT_FORCE.toLocaleString('en-US')} runs or ${MAX_ROWS_WITHOUT_FORCE.toLocaleString('en-US')} rows without --force`,
      {
        path: '--runs',
        hint: 'Check --runs (and the number of design points); add --force if you mean it, and consider --keep summary to store aggregates only.',
        key: rowsStored ? 'sweep.needsForceRows' : 'sweep.needsForce',
        values: { total, rows: rowsStored, maxRuns: MAX_RUNS_WITHOUT_FORCE, maxRows: MAX_ROWS_WITHOUT_FORCE },
      },
    );
  let batchSize = req.batchSize ?? defaultBatchSize(total);
  if (mode === 'saltelli') batchSize = Math.ceil(batchSize / group) * group;
  const params: SweepParams = { ...provisional, batchSize, total };
  probe.params = params; // the size does not change what was resolved: no need to resolve again
  return { params, ctx: probe };
}

export interface RunHooks {
  /** Called once the run exists, with its id and size. */
  readonly onStart?: (run: RunRecord, done: number) => void;
  readonly onBatch?: (count: number) => void;
  readonly signal?: AbortSignal;
}

/** Creates the run of a planned sweep in the store. */
export async function createSweepRun(
  store: RunStore,
  planned: { params: SweepParams; ctx: SweepContext },
  opts: { workspace?: string; title?: string; executor?: string } = {},
): Promise<RunRecord> {
  const { params, ctx } = planned;
  const d = ctx.describe();
  return store.createRun({
    workspace: opts.workspace ?? DEFAULT_WORKSPACE,
    kind: 'sweep',
    title:
      opts.title ??
      `${d.scenario}: ${params.mode === 'saltelli' ? 'Sobol sensitivity' : 'Monte Carlo'} × ${params.runs.toLocaleString('en-US')}`,
    seed: String(params.seed),
    scenarioHash: params.scenario.sha256,
    total: params.total,
    batchSize: params.batchSize,
    params,
    manifest: {
      ...softwareManifest(),
      scenarioFile: params.scenario.file,
      scenarioHash: params.scenario.sha256,
      seed: params.seed,
      runs: params.runs,
      mode: params.mode,
      models: params.models,
      keep: params.keep,
      adapter: d.adapter,
      adapterLabel: d.adapterLabel,
      designPoints: d.points.length,
      factors: d.factors,
      executor: opts.executor ?? null,
      created: new Date().toISOString(),
    },
  });
}

/** Reads a run's parameters back, checking that this Concord can compute it. */
export function sweepParamsOf(run: RunRecord): SweepParams {
  const p = run.params as SweepParams;
  if (run.kind !== 'sweep' || !p || p.version !== 1 || typeof p.scenario?.text !== 'string')
    throw new ConcordError('E_VALIDATION', `run ${run.id} is not a sweep this Concord can compute`, {
      hint: 'Use `concord runs show ID` to see what it is.',
      key: 'sweep.notASweep',
      values: { id: run.id },
    });
  if (sha256(p.scenario.text) !== p.scenario.sha256)
    throw new ConcordError('E_VALIDATION', `run ${run.id}: the stored scenario does not match its hash`, {
      hint: 'The store was altered; start a new sweep.',
      key: 'sweep.hashMismatch',
      values: { id: run.id },
    });
  return p;
}

/** True when the process that ran `run` is known to be gone (same host, pid not alive). */
export function ownerIsGone(run: RunRecord): boolean {
  const m = run.manifest as { host?: string; pid?: number };
  if (m.host !== hostname() || typeof m.pid !== 'number') return false;
  if (m.pid === process.pid) return false;
  try {
    process.kill(m.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** How long without a heartbeat before a running sweep counts as abandoned. */
export const STALE_MS = 60_000;

/**
 * Computes the pending batches of a run with an executor, then the summary; marks the run
 * complete, or failed / interrupted (never complete with batches missing).
 */
export async function executeSweep(
  store: RunStore,
  runId: string,
  executor: Executor,
  hooks: RunHooks = {},
): Promise<{ run: RunRecord; summary: SweepSummary }> {
  let run = await store.getRun(runId);
  if (!run)
    throw new ConcordError('E_UNKNOWN_ID', `no run ${runId} in ${store.location}`, {
      hint: 'List the runs with `concord runs list`.',
      key: 'sweep.unknownRun',
      values: { runId, location: store.location },
    });
  const params = sweepParamsOf(run);
  const ctx = new SweepContext(getAdapter(params.adapter), params);
  const started = Date.now();
  const manifest = {
    ...run.manifest,
    ...softwareManifest(),
    executor: executor.name,
    resumedFrom: run.status === 'pending' ? undefined : run.status,
    attemptStarted: new Date(started).toISOString(),
  };
  await store.setStatus(runId, 'running', { manifest, error: null });
  const heartbeat = setInterval(() => {
    store.heartbeat(runId).catch(() => {});
  }, 5000);
  heartbeat.unref();
  const progress0 = await store.progress(runId);
  run = (await store.getRun(runId))!;
  hooks.onStart?.(run, progress0.replicatesDone);
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  hooks.signal?.addEventListener('abort', onAbort);
  // A cancellation (`concord runs cancel`, DELETE /api/runs/{id}) may come from any process.
  let cancelled = false;
  const isCancelled = async () => {
    cancelled ||= (await store.getStatus(runId).catch(() => null)) === 'cancelled';
    return cancelled;
  };
  const watch = setInterval(() => {
    void isCancelled().then((c) => {
      if (c) controller.abort();
    });
  }, CANCEL_POLL_MS);
  watch.unref();
  const cancelledError = (done: number, batches: number) =>
    new ConcordError(
      'E_CONFLICT',
      `run ${runId} was cancelled: ${done} of ${batches} batches done and kept`,
      {
        hint: `Resume it with \`concord sweep --resume ${runId}\`.`,
        key: 'sweep.cancelled',
        values: { runId, done: String(done), batches: String(batches) },
      },
    );
  try {
    const batches = await store.pendingBatches(runId);
    await executor.run({
      runId,
      params,
      store,
      batches,
      onBatch: (n) => hooks.onBatch?.(n),
      signal: controller.signal,
    });
    const progress = await store.progress(runId);
    if (progress.done < progress.batches && (await isCancelled()))
      throw cancelledError(progress.done, progress.batches);
    if (progress.done < progress.batches) {
      const status = hooks.signal?.aborted ? 'interrupted' : 'failed';
      await store.setStatus(runId, status, {
        error: `${progress.batches - progress.done} of ${progress.batches} batches not done`,
      });
      throw new ConcordError(
        hooks.signal?.aborted ? 'E_CONFLICT' : 'E_UNAVAILABLE',
        `run ${runId} ${hooks.signal?.aborted ? 'was interrupted' : 'did not finish'}: ${progress.done} of ${progress.batches} batches done`,
        {
          hint: `Resume it with \`concord sweep --resume ${runId}\`.`,
          key: hooks.signal?.aborted ? 'sweep.interrupted' : 'sweep.unfinished',
          values: { runId, done: String(progress.done), batches: String(progress.batches) },
        },
      );
    }
    const summary = await summarizeRun(store, runId, ctx);
    const finished = Date.now();
    await store.setSummary(runId, summary);
    await store.setStatus(runId, 'complete', {
      manifest: {
        ...manifest,
        finished: new Date(finished).toISOString(),
        timings: {
          ...((run.manifest as { timings?: Record<string, number> }).timings ?? {}),
          lastAttemptSeconds: (finished - started) / 1000,
          replicatesThisAttempt: progress.replicatesDone - progress0.replicatesDone,
        },
      },
    });
    return { run: (await store.getRun(runId))!, summary };
  } catch (e) {
    if (await isCancelled()) {
      if (e instanceof ConcordError && e.message.includes('was cancelled')) throw e;
      const p = await store.progress(runId);
      throw cancelledError(p.done, p.batches);
    }
    const cur = await store.getRun(runId).catch(() => null);
    if (cur && cur.status === 'running')
      await store
        .setStatus(runId, hooks.signal?.aborted ? 'interrupted' : 'failed', { error: (e as Error).message })
        .catch(() => {});
    if (hooks.signal?.aborted && !(e instanceof ConcordError)) {
      // The threads' tasks were stopped mid-batch: an interruption, not a bug.
      const p = await store.progress(runId);
      throw new ConcordError(
        'E_CONFLICT',
        `run ${runId} was interrupted: ${p.done} of ${p.batches} batches done`,
        {
          hint: `Resume it with \`concord sweep --resume ${runId}\`.`,
          key: 'sweep.interrupted',
          values: { runId, done: String(p.done), batches: String(p.batches) },
        },
      );
    }
    throw e;
  } finally {
    clearInterval(watch);
    clearInterval(heartbeat);
    hooks.signal?.removeEventListener('abort', onAbort);
    await executor.close().catch(() => {});
  }
}

/** The summary of a run from its stored batch aggregates, folded in batch order. */
export async function summarizeRun(
  store: RunStore,
  runId: string,
  ctx?: SweepContext,
): Promise<SweepSummary> {
  let c = ctx;
  if (!c) {
    const run = await store.getRun(runId);
    if (!run)
      throw new ConcordError('E_UNKNOWN_ID', `no run ${runId}`, { key: 'sweep.noRun', values: { runId } });
    const params = sweepParamsOf(run);
    c = new SweepContext(getAdapter(params.adapter), params);
  }
  const s = c.summarizer();
  for await (const b of store.batchAggregates(runId)) {
    if (!b.aggregate)
      throw new ConcordError('E_VALIDATION', `run ${runId}: batch ${b.idx} has no aggregate`, {
        hint: 'The run was written by another program; start a new sweep.',
        key: 'sweep.noAggregate',
        values: { runId, idx: String(b.idx) },
      });
    s.add(b.first, b.count, JSON.parse(b.aggregate) as BatchAggregateJSON);
  }
  return s.summary();
}

/** Checks that a run can be resumed now (not complete, not running elsewhere). */
export function checkResumable(run: RunRecord, force = false): void {
  if (run.status === 'complete')
    throw new ConcordError('E_CONFLICT', `run ${run.id} is already complete`, {
      hint: `See its summary with \`concord runs show ${run.id}\`.`,
      key: 'sweep.complete',
      values: { id: run.id },
    });
  if (run.status === 'running' && !force) {
    const age = run.heartbeat_at ? Date.now() - Date.parse(run.heartbeat_at) : Number.POSITIVE_INFINITY;
    if (age < STALE_MS && !ownerIsGone(run))
      throw new ConcordError(
        'E_CONFLICT',
        `run ${run.id} is running (last heartbeat ${Math.round(age / 1000)} s ago)`,
        {
          hint: 'Wait for it, or if its process is dead on another machine, add --force.',
          key: 'sweep.running',
          values: { id: run.id, age: String(Math.round(age / 1000)) },
        },
      );
  }
}

/** A sweep computed in memory, without a store (for the report and tests). */
export function sweepInMemory(planned: { params: SweepParams; ctx: SweepContext }): SweepSummary {
  const { params, ctx } = planned;
  const s = ctx.summarizer();
  const c =
    params.keep === 'summary'
      ? ctx
      : new SweepContext(getAdapter(params.adapter), { ...params, keep: 'summary' });
  for (let idx = 0, first = 0; first < params.total; idx++, first += params.batchSize) {
    const count = Math.min(params.batchSize, params.total - first);
    s.add(first, count, c.computeBatch(idx, first, count).aggregate);
  }
  return s.summary();
}
