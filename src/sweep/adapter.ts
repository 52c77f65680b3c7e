/**
 * The seam between the sweep engine and the forecast models. The engine knows nothing of any model:
 * it draws perturbations and aggregates rows. An adapter says how to read a scenario file, how to
 * set a design point's parameters in it, how to resolve it, and how to evaluate the models on a
 * resolved scenario with perturbed positions, saliences and capabilities:
 *
 *   rows = adapter.evaluate(resolved, perturbation, models)
 *
 * `evaluate` must be a pure function of its arguments (same inputs, same rows; no global state, no
 * randomness of its own, no retained references to the perturbation's arrays, which the engine
 * reuses between replicates). That is what makes a sweep reproducible from (seed, replicate index)
 * alone, whatever the number of workers.
 *
 * A resolved scenario exposes its perturbable inputs in flat typed arrays (the layout of
 * src/scenario/types.ts): actor a's ideal point on dimension d of issue k is
 * `issues[k].position[a * dims + d]`, its salience `issues[k].salience[a * dims + d]`,
 * `issues[k].has[a]` is 0 when it takes no position; capabilities are shares summing to 1.
 */
import type { Rule } from '../rules/schema.js';

/** The part of a resolved scenario that the sweep engine reads. */
export interface SweepFrame {
  readonly id: string;
  readonly title?: string;
  readonly date?: string | null;
  readonly actors: ReadonlyArray<{ readonly id: string }>;
  /** Capability shares, aligned with `actors` (sum 1). */
  readonly capability: Float64Array;
  readonly issues: ReadonlyArray<SweepFrameIssue>;
}

export interface SweepFrameIssue {
  readonly id: string;
  readonly dims: number;
  readonly dimensionIds?: readonly string[];
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly position: Float64Array;
  readonly salience: Float64Array;
  readonly has: Uint8Array;
  /** Optional, for charts: the status quo, the tabled proposal and the observed outcome. */
  readonly statusQuo?: Float64Array | null;
  readonly proposal?: Float64Array | null;
  readonly observed?: { readonly adopted: boolean | null; readonly position: Float64Array | null } | null;
  readonly title?: string;
}

/** The values of one replicate: full arrays in the frame's layout (not deltas). */
export interface Perturbation {
  readonly capability: Float64Array;
  /** Per issue, in frame order. */
  readonly position: readonly Float64Array[];
  readonly salience: readonly Float64Array[];
}

/** One model's forecast on one issue (one dimension of it, for a multi-dimensional issue). */
export interface ForecastRow {
  /** The issue id; for issue dimension d of a multi-dimensional issue, `${id}/${dimensionId}`. */
  readonly issue: string;
  readonly model: string;
  readonly outcome: number | null;
  /** Whether the model forecasts adoption; null when it makes no adoption call. */
  readonly adopted: boolean | null;
  /** Actor indices (into the frame's actors), or null when the model names none. */
  readonly blockers: readonly number[] | null;
  readonly participants: readonly number[] | null;
  readonly rounds: number | null;
}

/** A design point: values of the swept parameters (chair, rule, position.ISSUE.ACTOR, …). */
export type DesignValue = number | string | Rule;
export type DesignPoint = Readonly<Record<string, DesignValue>>;

export interface SweepAdapter<F = unknown, R extends SweepFrame = SweepFrame> {
  readonly id: string;
  /** One line saying what evaluates the replicates. */
  readonly label: string;
  readonly models: readonly string[];
  readonly defaultModels: readonly string[];
  /** Validates a scenario file's text (without the `uncertainty` and `sweep` blocks). */
  parse(data: unknown, file: string): F;
  /** The scenario with a design point's parameters set (pure; errors name the parameter). */
  withPoint(file: F, point: DesignPoint, fileName: string): F;
  /** Resolves the scenario (defaults from the organization and the data). */
  resolve(file: F, fileName: string): R;
  /** The models' forecasts for one replicate. Pure. */
  evaluate(resolved: R, perturbation: Perturbation, models: readonly string[]): ForecastRow[];
}

/** The output keys of a frame's issues, with their scales: `id`, or `id/dim` for several dimensions. */
export function outputKeys(
  frame: SweepFrame,
): Array<{ key: string; issue: number; dim: number; lo: number; hi: number }> {
  const out: Array<{ key: string; issue: number; dim: number; lo: number; hi: number }> = [];
  frame.issues.forEach((iss, k) => {
    for (let d = 0; d < iss.dims; d++) {
      const key = iss.dims === 1 ? iss.id : `${iss.id}/${iss.dimensionIds?.[d] ?? String(d + 1)}`;
      out.push({ key, issue: k, dim: d, lo: iss.lo[d]!, hi: iss.hi[d]! });
    }
  });
  return out;
}
