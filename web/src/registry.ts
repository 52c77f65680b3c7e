/**
 * The forecast registry as the lab shows it (GET /api/registry): one row per registered forecast,
 * and per model its score once the scenario has an outcome (`concord registry score`): the mean
 * absolute error in percent of the scale, and the share of adoptions called right.
 */
import type { RegisteredForecast, RegistryScore } from '../../src/bargaining/registry.js';
import { type Formatter, formatter } from '../../src/i18n/format.js';
import { labRuns } from '../../src/i18n/messages/lab-runs/index.js';
import { type Translate, translator } from '../../src/i18n/translate.js';
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

type RunsT = Translate<NonNullable<(typeof labRuns)['__keys']>>;

/** "error 12.3% of scale, adoption 100% (n 2)", or "no outcome" when that model could not be scored. */
export function modelScoreText(
  s: RegistryScore['models'][ModelName] | undefined,
  t: RunsT = translator(labRuns, 'en'),
  n: Formatter = formatter('en'),
): string {
  if (!s || s.n === 0) return t('score.none');
  const parts: string[] = [];
  if (s.mae !== null) parts.push(t('score.error', { mae: n.fixed(s.mae, 1) }));
  if (s.adoptionAccuracy !== null)
    parts.push(t('score.adoption', { share: n.percent(s.adoptionAccuracy, 0) }));
  return t('score.n', { parts: parts.join(t('score.separator')), n: s.n });
}

/** The models of a registered forecast with their score texts; empty until it is scored. */
export function scoreCells(e: RegistryEntry, t?: RunsT, n?: Formatter): ModelScoreCell[] {
  if (!e.score) return [];
  const models = (e.forecast?.options.models ?? Object.keys(e.score.models)) as ModelName[];
  return models.map((m) => ({ model: m, text: modelScoreText(e.score!.models[m], t, n) }));
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
