/**
 * `concord forecast FILE --capability-sensitivity`: every model's forecast under each capability
 * yardstick the data offer (GDP, CINC, population, equal), the rest of the scenario unchanged
 * (per-actor capability overrides in the file are kept: they replace the yardstick for those
 * actors). A yardstick without data for every actor on the date is reported as unavailable.
 * Military spending (`milex`) is offered once the data set carries it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { forecastAll, MODEL_NAMES, modelOutcome } from '../../bargaining/forecast.js';
import { ConcordError } from '../../errors.js';
import { parseScenarioText, resolveWithLines } from '../../scenario/load.js';
import type { CapabilitySource, ModelName } from '../../scenario/schema.js';

export const YARDSTICKS: readonly CapabilitySource[] = ['gdp', 'cinc', 'population', 'equal'];

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

export function capabilitySensitivity(
  file: string,
  cwd: string,
  models: readonly ModelName[] = MODEL_NAMES,
): CapabilitySensitivity {
  if (!/\.(ya?ml|json)$/i.test(file))
    throw new ConcordError('E_UNSUPPORTED', '--capability-sensitivity works on scenario files (YAML/JSON)', {
      path: '--capability-sensitivity',
      hint: 'Give capabilities with --capabilities for a table.',
    });
  const text = readFileSync(resolve(cwd, file), 'utf8');
  const base = parseScenarioText(text, file);
  const yardsticks: CapabilitySensitivity['yardsticks'] = [];
  for (const y of YARDSTICKS) {
    let r: ReturnType<typeof resolveWithLines>;
    try {
      r = resolveWithLines({ ...base, capability: y }, file, text);
    } catch (e) {
      if (e instanceof ConcordError && e.code === 'E_NO_DATA') {
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
  for (const is of base.issues) {
    range[is.id] = {};
    for (const m of models) {
      const vs = yardsticks.flatMap((y) => {
        const v = y.forecasts[is.id]?.[m];
        return v === null || v === undefined ? [] : [v];
      });
      range[is.id]![m] = vs.length ? [Math.min(...vs), Math.max(...vs)] : null;
    }
  }
  return { yardsticks, range };
}
