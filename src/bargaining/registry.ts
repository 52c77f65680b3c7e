/**
 * The forecast registry's pure part: what is stored when a forecast is registered, the content hash
 * that tells whether its scenario changed since, and the score once the scenario has an outcome.
 *
 * The hash is the SHA-256 of the scenario document without its outcomes (the top-level `outcome`
 * and every issue's `outcome`), as canonical JSON (keys sorted): adding the outcome keeps the hash,
 * and any other change — a position, a salience, a capability, a model option, a comment excepted —
 * changes it, and then the registry refuses to score (the forecast would not be the one registered).
 */
import type { ModelName } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { EumOptions } from './eum.js';
import { type IssueForecast, modelAdoption, modelOutcome, point } from './forecast.js';

export interface RegisteredForecast {
  readonly scenario: { id: string; title: string; date: string | null };
  readonly options: { models: readonly ModelName[]; eum: EumOptions };
  readonly issues: Array<{
    id: string;
    models: Partial<Record<ModelName, { outcome: number | number[] | null; adopted: boolean | null }>>;
  }>;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** The text that is hashed (by the caller, SHA-256): the parsed scenario document, outcomes left out, as canonical JSON. */
export function canonicalScenario(doc: unknown): string {
  const copy = structuredClone(doc) as Record<string, unknown>;
  if (copy && typeof copy === 'object') {
    delete copy.outcome;
    if (Array.isArray(copy.issues))
      for (const is of copy.issues)
        if (is && typeof is === 'object') delete (is as Record<string, unknown>).outcome;
  }
  return JSON.stringify(canonical(copy));
}

export function registeredForecast(
  s: ResolvedScenario,
  fs: readonly IssueForecast[],
  models: readonly ModelName[],
  eum: EumOptions,
): RegisteredForecast {
  return {
    scenario: { id: s.id, title: s.title, date: s.date },
    options: { models, eum },
    issues: fs.map((f) => ({
      id: f.issue.id,
      models: Object.fromEntries(
        models.map((m) => [m, { outcome: point(modelOutcome(f, m)), adopted: modelAdoption(f, m) }]),
      ),
    })),
  };
}

export interface RegistryScore {
  /** Issues with an observed outcome / all issues. */
  readonly issuesScored: number;
  readonly issues: number;
  readonly models: Partial<
    Record<
      ModelName,
      { mae: number | null; adoptionAccuracy: number | null; n: number; errors: Array<number | null> }
    >
  >;
}

/** Scores a registered forecast against the outcomes now in the scenario (null when it has none). */
export function scoreRegistered(f: RegisteredForecast, s: ResolvedScenario): RegistryScore | null {
  const models: NonNullable<RegistryScore['models']> = {};
  let scored = 0;
  const byId = new Map(s.issues.map((is) => [is.id, is]));
  for (const m of f.options.models) models[m] = { mae: null, adoptionAccuracy: null, n: 0, errors: [] };
  const sums = Object.fromEntries(f.options.models.map((m) => [m, { e: 0, ne: 0, a: 0, na: 0 }]));
  for (const fi of f.issues) {
    const is = byId.get(fi.id);
    const obs = is?.observed;
    if (!is || !obs || (obs.position === null && obs.adopted === null)) continue;
    scored++;
    for (const m of f.options.models) {
      const pred = fi.models[m];
      let err: number | null = null;
      if (pred?.outcome !== null && pred?.outcome !== undefined && obs.position) {
        const arr = typeof pred.outcome === 'number' ? [pred.outcome] : pred.outcome;
        let e = 0;
        for (let d = 0; d < is.dims; d++)
          e += (Math.abs(arr[d]! - obs.position[d]!) / (is.hi[d]! - is.lo[d]!)) * 100;
        err = e / is.dims;
        sums[m]!.e += err;
        sums[m]!.ne++;
      }
      if (pred && pred.adopted !== null && obs.adopted !== null) {
        sums[m]!.na++;
        if (pred.adopted === obs.adopted) sums[m]!.a++;
      }
      models[m]!.errors.push(err);
    }
  }
  if (scored === 0) return null;
  for (const m of f.options.models) {
    const x = sums[m]!;
    models[m] = {
      ...models[m]!,
      mae: x.ne ? x.e / x.ne : null,
      adoptionAccuracy: x.na ? x.a / x.na : null,
      n: Math.max(x.ne, x.na),
    };
  }
  return { issuesScored: scored, issues: f.issues.length, models };
}
