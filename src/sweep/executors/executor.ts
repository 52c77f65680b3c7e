/**
 * Executors: who computes a sweep's pending batches. One interface, three implementations — in
 * process (inline), worker threads on every core (piscina), and BullMQ workers on any number of
 * machines (Redis). Every executor ends each batch with the store's atomic, idempotent
 * `completeBatch`, so a batch is counted once however often it is computed.
 */
import { availableParallelism } from 'node:os';
import type { BatchRecord, RunStore } from '../../store/store.js';
import type { SweepParams } from '../engine.js';

export interface ExecJob {
  readonly runId: string;
  readonly params: SweepParams;
  readonly store: RunStore;
  /** The batches still to do, in order. */
  readonly batches: readonly BatchRecord[];
  /** Called after each batch is stored (or found already stored): its replicates. */
  readonly onBatch: (count: number) => void;
  readonly signal: AbortSignal;
}

export interface Executor {
  readonly name: 'inline' | 'threads' | 'bullmq';
  run(job: ExecJob): Promise<void>;
  close(): Promise<void>;
}

/** The name a process signs its batches with. */
export function workerName(kind: string): string {
  return `${kind}:${process.pid}`;
}

/** Every core of this machine. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}
