/**
 * The task a worker thread runs: compute one batch. The context (scenario resolved, samplers
 * compiled) is built once per sweep and cached in the thread.
 */
import type { ResultRow } from '../../store/store.js';
import { getAdapter } from '../adapters.js';
import { SweepContext, type SweepParams } from '../engine.js';

export interface BatchTask {
  readonly params: SweepParams;
  readonly idx: number;
  readonly first: number;
  readonly count: number;
}

export interface BatchTaskResult {
  readonly idx: number;
  readonly count: number;
  /** JSON of the aggregate. */
  readonly aggregate: string;
  readonly rows: ResultRow[] | null;
}

let cached: { key: string; ctx: SweepContext } | null = null;

export function runBatchTask(task: BatchTask): BatchTaskResult {
  const p = task.params;
  const key = `${p.scenario.sha256}|${p.adapter}|${p.seed}|${p.runs}|${p.mode}|${p.keep}|${p.models.join(',')}`;
  if (!cached || cached.key !== key) cached = { key, ctx: new SweepContext(getAdapter(p.adapter), p) };
  const r = cached.ctx.computeBatch(task.idx, task.first, task.count);
  return { idx: task.idx, count: task.count, aggregate: JSON.stringify(r.aggregate), rows: r.rows };
}
