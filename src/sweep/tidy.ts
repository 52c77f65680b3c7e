/**
 * The tidy export of a sweep's result rows, shared by `concord runs export` and the API's
 * `GET /api/runs/:id/export`, so both write the same bytes: one row per replicate × issue × model,
 * with the replicate's design point and the sampled value of every uncertain input, one column
 * each, named as the sweep names its factors (`position.<issue>.<actor>`, `salience.<issue>.<actor>`,
 * `capability.<actor>`; docs/interop.md).
 */
import type { ResultRow } from '../store/store.js';
import { csvLine } from '../util/csv.js';
import { getAdapter } from './adapters.js';
import { SweepContext, type SweepParams } from './engine.js';

/** The fixed columns, before the inputs. */
export const SWEEP_ROW_COLUMNS = [
  'replicate',
  'point',
  'issue',
  'model',
  'outcome',
  'adopted',
  'blockers',
  'participants',
  'rounds',
] as const;

export interface SweepExport {
  /** Every column: the fixed ones, then one per uncertain input. */
  readonly columns: readonly string[];
  /** The names of the uncertain inputs, in column order. */
  readonly inputs: readonly string[];
  /** The design point of a replicate. */
  point(replicate: number): number;
  /** A row as an object keyed by column (for JSON). */
  record(row: ResultRow): Record<string, string | number | null>;
  /** The CSV header line. */
  header(): string;
  /** A row as a CSV line. */
  line(row: ResultRow): string;
}

/** The export of a run with these parameters (its inputs recomputed from the seed). */
export function sweepExport(params: SweepParams | null | undefined): SweepExport {
  let ctx: SweepContext | null = null;
  try {
    ctx = params ? new SweepContext(getAdapter(params.adapter), params) : null;
  } catch {
    ctx = null; // a run this Concord cannot recompute: the rows without their inputs
  }
  const inputs = ctx ? ctx.factors.map((f) => f.name) : [];
  const columns = [...SWEEP_ROW_COLUMNS, ...inputs];
  const runs = params?.runs ?? 1;
  const point = (r: number) => (params?.mode === 'montecarlo' ? Math.floor(r / runs) : 0);
  // Rows come issue by issue, model by model: keep the inputs of the last replicates seen.
  const cache = new Map<number, number[]>();
  const inputsOf = (r: number): number[] => {
    if (!ctx) return [];
    let v = cache.get(r);
    if (!v) {
      v = ctx.inputsOf(r);
      if (cache.size >= 100_000) cache.clear();
      cache.set(r, v);
    }
    return v;
  };
  const fixed = (r: ResultRow) => [
    r.replicate,
    point(r.replicate),
    r.issue,
    r.model,
    r.outcome,
    r.adopted,
    r.blockers,
    r.participants,
    r.rounds,
  ];
  return {
    columns,
    inputs,
    point,
    record(r) {
      const out: Record<string, string | number | null> = {};
      const values = [...fixed(r), ...inputsOf(r.replicate)];
      columns.forEach((c, i) => {
        out[c] = (values[i] as string | number | null | undefined) ?? null;
      });
      return out;
    },
    header: () => csvLine(columns),
    line: (r) => csvLine([...fixed(r), ...inputsOf(r.replicate)]),
  };
}
