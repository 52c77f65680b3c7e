/**
 * Runs executed by the server in the background: a request creates a run in the store and returns
 * at once; the job manager executes its batches (each batch's results and its "done" mark written
 * in one transaction by the store), beats the run's heartbeat, and tells listeners (the SSE
 * streams) when a batch lands.
 *
 * Crash safety is the store's: a process killed mid-run leaves its run `running` with some batches
 * done. The watchdog of any server on the same store marks such runs `interrupted` — at once when
 * the run's manifest names a process of this host that no longer exists, else once its heartbeat
 * is older than `staleMs`; resuming executes only the batches still pending, so no stored result is
 * lost and none is counted twice.
 *
 * What a run computes is its kind's business (`RunKind`): the sweeps of the uncertainty engine
 * plug in here. Executors must do heavy work off the event loop (worker threads) so that the
 * server keeps answering while a run executes.
 */
import { ConcordError } from '../errors.js';
import type { RunStatus } from '../store/schema.js';
import type { RunRecord, RunStore } from '../store/store.js';
import { ownerIsGone, STALE_MS } from '../sweep/run.js';

export interface ExecuteArgs {
  readonly store: RunStore;
  readonly run: RunRecord;
  /** Aborted when the server shuts down: stop at the next batch boundary. */
  readonly signal: AbortSignal;
  /** Call after each completed batch (progress events). */
  readonly onBatch: () => void;
}

export interface RunKind {
  readonly kind: string;
  /**
   * The kind sets the run's status itself (running, then complete, failed or interrupted), as the
   * sweep engine's `executeSweep` does; otherwise the job manager does.
   */
  readonly managesStatus?: boolean;
  /** Executes the run's pending batches into the store; resolves when none is left (or on abort). */
  execute(args: ExecuteArgs): Promise<void>;
}

export interface Progress {
  readonly runId: string;
  readonly status: RunStatus;
  readonly total: number;
  readonly batches: number;
  readonly batchesDone: number;
  readonly replicatesDone: number;
  /** replicatesDone / total. */
  readonly fraction: number;
  readonly active: boolean;
  readonly error: string | null;
}

export const TERMINAL: ReadonlySet<RunStatus> = new Set(['complete', 'failed', 'interrupted', 'cancelled']);

export interface JobOptions {
  /** How often a running job beats its run's heartbeat (ms). */
  readonly heartbeatMs?: number;
  /** A `running` run whose heartbeat is older than this is taken for dead (ms; default 60 s, as the sweeps'). */
  readonly staleMs?: number;
  /** Whether the process that runs a run is known to be gone (default: same host, pid not alive). */
  readonly ownerIsGone?: (run: RunRecord) => boolean;
}

export class JobManager {
  readonly kinds: ReadonlyMap<string, RunKind>;
  private readonly active = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private watchdog: NodeJS.Timeout | undefined;
  readonly heartbeatMs: number;
  readonly staleMs: number;

  private readonly ownerIsGone: (run: RunRecord) => boolean;

  constructor(
    private readonly store: RunStore,
    kinds: readonly RunKind[],
    o: JobOptions = {},
  ) {
    this.kinds = new Map(kinds.map((k) => [k.kind, k]));
    this.heartbeatMs = o.heartbeatMs ?? 1000;
    this.staleMs = o.staleMs ?? STALE_MS;
    this.ownerIsGone = o.ownerIsGone ?? ownerIsGone;
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  activeRuns(): string[] {
    return [...this.active.keys()];
  }

  /** Starts (or resumes) executing a run in the background. */
  start(run: RunRecord): void {
    if (this.active.has(run.id)) {
      throw new ConcordError('E_CONFLICT', `run ${run.id} is already executing`, {
        path: 'id',
        key: 'server.job.executing',
        values: { id: run.id },
      });
    }
    const kind = this.kinds.get(run.kind);
    if (!kind) {
      throw new ConcordError('E_UNSUPPORTED', `this server cannot execute runs of kind "${run.kind}"`, {
        path: 'kind',
        hint: `It executes: ${[...this.kinds.keys()].join(', ') || 'none'}.`,
        key: 'server.job.unknownKind',
        values: { kind: run.kind, kinds: [...this.kinds.keys()].join(', ') || 'none' },
      });
    }
    const abort = new AbortController();
    const done = this.execute(kind, run, abort.signal).finally(() => {
      this.active.delete(run.id);
      this.notify(run.id);
    });
    this.active.set(run.id, { abort, done });
  }

  private async execute(kind: RunKind, run: RunRecord, signal: AbortSignal): Promise<void> {
    const { store } = this;
    const beat = setInterval(() => {
      store.heartbeat(run.id).catch(() => {});
    }, this.heartbeatMs);
    beat.unref();
    try {
      if (!kind.managesStatus) {
        await store.setStatus(run.id, 'running', { error: null });
        this.notify(run.id);
      }
      await kind.execute({ store, run, signal, onBatch: () => this.notify(run.id) });
      if (!kind.managesStatus && (await store.getStatus(run.id)) !== 'cancelled') {
        const left = (await store.pendingBatches(run.id)).length;
        await store.setStatus(run.id, left === 0 && !signal.aborted ? 'complete' : 'interrupted');
      }
    } catch (e) {
      // A kind that manages its status has set it; make sure no run is left `running` all the same.
      const cur = kind.managesStatus ? await store.getRun(run.id).catch(() => null) : null;
      if (!kind.managesStatus || cur?.status === 'running' || cur?.status === 'pending') {
        const status = signal.aborted ? 'interrupted' : 'failed';
        if (cur?.status === 'cancelled') return;
        const message = e instanceof Error ? e.message : String(e);
        await store
          .setStatus(run.id, status, { error: status === 'failed' ? message : null })
          .catch(() => {});
      }
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Stops a run executing in this process (the caller has marked it `cancelled` in the store):
   * resolves when its job has ended, or after `waitMs`. False if it was not executing here.
   */
  async cancel(runId: string, waitMs = 900): Promise<boolean> {
    const job = this.active.get(runId);
    if (!job) return false;
    job.abort.abort();
    await Promise.race([job.done, new Promise((r) => setTimeout(r, waitMs).unref())]);
    return true;
  }

  /** Listens for progress of a run; returns the function that stops listening. */
  subscribe(runId: string, listener: () => void): () => void {
    let set = this.listeners.get(runId);
    if (!set) {
      set = new Set();
      this.listeners.set(runId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(runId);
    };
  }

  notify(runId: string): void {
    for (const l of this.listeners.get(runId) ?? []) l();
  }

  async progress(run: RunRecord): Promise<Progress> {
    const p = await this.store.progress(run.id);
    const fresh = (await this.store.getRun(run.id)) ?? run;
    return {
      runId: run.id,
      status: fresh.status,
      total: fresh.total,
      batches: p.batches,
      batchesDone: p.done,
      replicatesDone: p.replicatesDone,
      fraction: fresh.total > 0 ? p.replicatesDone / fresh.total : 0,
      active: this.active.has(run.id),
      error: fresh.error,
    };
  }

  /**
   * Marks as interrupted the runs of dead processes (stale heartbeat), now and then every
   * `heartbeatMs`; runs executing in this process beat their heartbeat and are never stale.
   */
  async startWatchdog(): Promise<string[]> {
    const sweep = async () => {
      const ids = await this.store.markInterrupted(this.staleMs);
      // Runs whose process is known to be dead (same host, pid gone) need not wait for staleness.
      for (const run of await this.store.listRuns({ status: 'running', limit: 1000 })) {
        if (!this.active.has(run.id) && this.ownerIsGone(run)) {
          await this.store.setStatus(run.id, 'interrupted');
          ids.push(run.id);
        }
      }
      for (const id of ids) this.notify(id);
      return ids;
    };
    const first = await sweep();
    this.watchdog = setInterval(() => {
      sweep().catch(() => {});
    }, this.heartbeatMs);
    this.watchdog.unref();
    return first;
  }

  /** Stops every job at its next batch boundary (their runs become `interrupted`, resumable). */
  async shutdown(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    const jobs = [...this.active.values()];
    for (const j of jobs) j.abort.abort();
    await Promise.allSettled(jobs.map((j) => j.done));
  }
}
