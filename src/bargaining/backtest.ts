/**
 * Backtests: every model against the observed outcomes. For each case (an issue with an observed
 * outcome) and model: the absolute error on a 0–100 scale (|forecast − observed| ÷ the scale's
 * length × 100, averaged over dimensions), whether the adoption call was right, and for opt-outs
 * which members' participation was called right. Aggregates: the mean absolute error (MAE), the
 * share of adoption calls that were right, and the share of participation calls that were right
 * (pooled over member × case). A model that makes no forecast on a case is left out of that
 * case's averages (the counts say how many cases each figure rests on).
 *
 * Adoption calls: one definition for every model (`ADOPTION_RULE` in ./forecast.ts: the outcome
 * moves the status quo by more than 5% of the scale). The observed `adopted` says whether a
 * decision moved the status quo.
 */
import type { ModelName } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import {
  type ForecastOptions,
  forecastAll,
  MODEL_NAMES,
  modelAdoption,
  modelOutcome,
  point,
} from './forecast.js';

export interface CaseModelResult {
  readonly outcome: number | number[] | null;
  /** Absolute error on 0–100, or null. */
  readonly error: number | null;
  readonly adopted: boolean | null;
  readonly adoptionRight: boolean | null;
  /** Opt-outs: participation calls right / made. */
  readonly participantsRight: number | null;
  readonly participantsCalled: number | null;
}

export interface BacktestCase {
  readonly scenario: string;
  readonly issue: string;
  readonly title: string;
  readonly observed: {
    adopted: boolean | null;
    position: number | number[] | null;
    participants: string[] | null;
  };
  readonly models: Partial<Record<ModelName, CaseModelResult>>;
  /** The case file's notes on why a model misses. */
  readonly notes: Partial<Record<ModelName, string>>;
}

export interface ModelScore {
  /** Mean absolute error on 0–100 (omitted when no case has both a forecast and an observed position). */
  mae?: number;
  adoptionAccuracy?: number;
  participantAccuracy?: number;
  /** How many cases each figure rests on. */
  n: { mae: number; adoption: number; participants: number };
}

export interface BacktestResult {
  readonly cases: BacktestCase[];
  readonly models: Partial<Record<ModelName, ModelScore>>;
}

export function backtest(scenarios: readonly ResolvedScenario[], opts: ForecastOptions = {}): BacktestResult {
  const models = opts.models ?? MODEL_NAMES;
  const cases: BacktestCase[] = [];
  const acc = Object.fromEntries(
    models.map((m) => [m, { err: 0, nErr: 0, right: 0, nAdopt: 0, pRight: 0, pCalled: 0, nP: 0 }]),
  ) as Record<
    ModelName,
    { err: number; nErr: number; right: number; nAdopt: number; pRight: number; pCalled: number; nP: number }
  >;
  for (const s of scenarios) {
    const fs = forecastAll(s, { ...opts, models });
    for (const f of fs) {
      const is = f.issue;
      const obs = is.observed;
      if (!obs || (obs.position === null && obs.adopted === null && obs.participants === null)) continue;
      const result: Partial<Record<ModelName, CaseModelResult>> = {};
      for (const m of models) {
        const out = modelOutcome(f, m);
        let error: number | null = null;
        if (out && obs.position) {
          let e = 0;
          for (let d = 0; d < is.dims; d++)
            e += (Math.abs(out[d]! - obs.position[d]!) / (is.hi[d]! - is.lo[d]!)) * 100;
          error = e / is.dims;
          acc[m].err += error;
          acc[m].nErr++;
        }
        const adopted = modelAdoption(f, m);
        let adoptionRight: boolean | null = null;
        if (adopted !== null && obs.adopted !== null) {
          adoptionRight = adopted === obs.adopted;
          acc[m].nAdopt++;
          if (adoptionRight) acc[m].right++;
        }
        let participantsRight: number | null = null;
        let participantsCalled: number | null = null;
        if (m === 'consensus' && is.optOut && obs.participants && f.consensus?.participants) {
          const called = new Set(f.consensus.participants);
          const seen = new Set(obs.participants);
          participantsRight = 0;
          participantsCalled = 0;
          for (let i = 0; i < s.actors.length; i++) {
            participantsCalled++;
            if (called.has(i) === seen.has(i)) participantsRight++;
          }
          acc[m].pRight += participantsRight;
          acc[m].pCalled += participantsCalled;
          acc[m].nP++;
        }
        result[m] = {
          outcome: point(out),
          error,
          adopted,
          adoptionRight,
          participantsRight,
          participantsCalled,
        };
      }
      cases.push({
        scenario: s.id,
        issue: is.id,
        title: is.title,
        observed: {
          adopted: obs.adopted,
          position: point(obs.position),
          participants: obs.participants ? obs.participants.map((i) => s.actors[i]!.id) : null,
        },
        models: result,
        notes: is.modelNotes,
      });
    }
  }
  const scores: Partial<Record<ModelName, ModelScore>> = {};
  for (const m of models) {
    const a = acc[m];
    const sc: ModelScore = { n: { mae: a.nErr, adoption: a.nAdopt, participants: a.nP } };
    if (a.nErr) sc.mae = a.err / a.nErr;
    if (a.nAdopt) sc.adoptionAccuracy = a.right / a.nAdopt;
    if (a.pCalled) sc.participantAccuracy = a.pRight / a.pCalled;
    scores[m] = sc;
  }
  return { cases, models: scores };
}
