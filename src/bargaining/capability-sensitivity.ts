/**
 * Capability sensitivity: every model's forecast under each capability yardstick — the data set's
 * (GDP, CINC, population, military expenditure, equal) and every numeric field the file gives its
 * actors under `actors.<id>.fields` (as the sum rules read them) — the rest of the scenario
 * unchanged (per-actor capability overrides in the file are kept: they replace the yardstick for
 * those actors). A yardstick without data for every actor on the date is reported as unavailable,
 * with the reason. Pure: the caller resolves the scenario under each yardstick (`concord forecast FILE
 * --capability-sensitivity` and the report do, from the file).
 */
import { ConcordError } from '../errors.js';
import { type CapabilitySource, DATA_YARDSTICKS, type ModelName } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { forecastAll, MODEL_NAMES, modelOutcome } from './forecast.js';

/** The data set's yardsticks, in the order they are shown. */
export const YARDSTICKS: readonly CapabilitySource[] = DATA_YARDSTICKS;

export interface CapabilitySensitivity {
  readonly yardsticks: Array<{
    capability: CapabilitySource;
    available: boolean;
    note: string | null;
    /** Per issue id and model: the forecast (first dimension of a point). */
    forecasts: Record<string, Partial<Record<ModelName, number | null>>>;
  }>;
  /** Per issue and model: the smallest and largest forecast over the available yardsticks. */
  readonly range: Record<string, Partial<Record<ModelName, [number, number] | null>>>;
}

/** The yardsticks tried for a scenario: the data set's, then the numeric fields its actors give. */
export function yardsticksOf(base: {
  actors?: Record<string, { fields?: Record<string, number> }>;
}): string[] {
  const fields = new Set<string>();
  for (const a of Object.values(base.actors ?? {}))
    for (const f of Object.keys(a.fields ?? {})) fields.add(f);
  return [...YARDSTICKS, ...[...fields].filter((f) => !(YARDSTICKS as readonly string[]).includes(f)).sort()];
}

/**
 * Capability sensitivity of a scenario: `resolveUnder(y)` resolves it with `capability: y` (and
 * throws the resolver's ConcordError when y has no data); `issueIds` are its issues.
 */
export function capabilitySensitivity(
  yardsticksToTry: readonly CapabilitySource[],
  resolveUnder: (capability: CapabilitySource) => ResolvedScenario,
  issueIds: readonly string[],
  models: readonly ModelName[] = MODEL_NAMES,
): CapabilitySensitivity {
  const yardsticks: CapabilitySensitivity['yardsticks'] = [];
  for (const y of yardsticksToTry) {
    let r: ResolvedScenario;
    try {
      r = resolveUnder(y);
    } catch (e) {
      // no data for every actor, or no date to take the data on: this yardstick is unavailable
      if (e instanceof ConcordError && (e.code === 'E_NO_DATA' || (y !== 'equal' && e.path === 'date'))) {
        yardsticks.push({ capability: y, available: false, note: e.message, forecasts: {} });
        continue;
      }
      throw e;
    }
    const forecasts: Record<string, Partial<Record<ModelName, number | null>>> = {};
    for (const f of forecastAll(r, { models })) {
      forecasts[f.issue.id] = Object.fromEntries(
        models.map((m) => {
          const o = modelOutcome(f, m);
          return [m, o ? Number(o[0]!.toPrecision(12)) : null];
        }),
      );
    }
    yardsticks.push({ capability: y, available: true, note: r.capabilityNote, forecasts });
  }
  const range: CapabilitySensitivity['range'] = {};
  for (const id of issueIds) {
    range[id] = {};
    for (const m of models) {
      const vs = yardsticks.flatMap((y) => {
        const v = y.forecasts[id]?.[m];
        return v === null || v === undefined ? [] : [v];
      });
      range[id]![m] = vs.length ? [Math.min(...vs), Math.max(...vs)] : null;
    }
  }
  return { yardsticks, range };
}
