/**
 * The forecast registry as the lab shows it (GET /api/registry): one row per registered forecast,
 * and per model its score once the scenario has an outcome (`concord registry score`): the mean
 * absolute error in percent of the scale, and the share of adoptions called right.
 */
import type { RegisteredForecast, RegistryScore } from '../../src/bargaining/registry.js';
import type { ModelName } from '../../src/scenario/schema.js';

export interface RegistryEntry {
  id: string;
  createdAt: string;
  scenarioId: string;
  file: string;
  scenarioHash: string;
  codeVersion: string;
  forecast: RegisteredForecast | null;
  score: RegistryScore | null;
  scoredAt: string | null;
}

export interface ModelScoreCell {
  model: ModelName;
  text: string;
}

const pct1 = (x: number) => `${(x * 100).toFixed(0)}%`;

/** "error 12.3% of scale, adoption 100% (n 2)", or "no outcome" when that model could not be scored. */
export function modelScoreText(s: RegistryScore['models'][ModelName] | undefined): string {
  if (!s || s.n === 0) return 'no outcome';
  const parts: string[] = [];
  if (s.mae !== null) parts.push(`error ${s.mae.toFixed(1)}% of scale`);
  if (s.adoptionAccuracy !== null) parts.push(`adoption ${pct1(s.adoptionAccuracy)} right`);
  return `${parts.join(', ')} (n ${s.n})`;
}

/** The models of a registered forecast with their score texts; empty until it is scored. */
export function scoreCells(e: RegistryEntry): ModelScoreCell[] {
  if (!e.score) return [];
  const models = (e.forecast?.options.models ?? Object.keys(e.score.models)) as ModelName[];
  return models.map((m) => ({ model: m, text: modelScoreText(e.score!.models[m]) }));
}

/** The lowest error among the scored models (the best forecast of the entry), or null. */
export function bestModel(e: RegistryEntry): ModelName | null {
  let best: ModelName | null = null;
  let err = Number.POSITIVE_INFINITY;
  for (const [m, s] of Object.entries(e.score?.models ?? {}) as Array<
    [ModelName, RegistryScore['models'][ModelName]]
  >)
    if (s && s.mae !== null && s.mae < err) {
      err = s.mae;
      best = m;
    }
  return best;
}
