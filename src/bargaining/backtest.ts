/**
 * Backtests: every model, and four baselines, against the observed outcomes. For each case (an
 * issue with an observed outcome) and predictor: the absolute error on a 0–100 scale (|forecast −
 * observed| ÷ the scale's length × 100, averaged over dimensions), whether the adoption call was
 * right, and for opt-outs which members' participation was called right. Aggregates: the mean
 * absolute error (MAE), the share of adoption calls that were right, and the share of participation
 * calls that were right (pooled over member × case). A predictor that makes no forecast on a case is
 * left out of that case's averages (the counts say how many cases each figure rests on).
 *
 * Adoption calls: one definition for every model (`ADOPTION_RULE` in ./forecast.ts: the outcome
 * moves the status quo by more than 5% of the scale). The observed `adopted` says whether a
 * decision moved the status quo.
 *
 * Baselines (what a model must beat to be worth its assumptions):
 *  - statusQuo: nothing changes (forecast = the status quo; "not adopted"; nobody takes part);
 *  - proposal: the tabled proposal passes as tabled (forecast = the proposal; "adopted"; all take part);
 *  - alwaysAdopted: "adopted" on every case (no point forecast; all take part);
 *  - meanPosition: the unweighted mean of the coded positions (capability and salience ignored).
 *
 * Comparisons: a seeded paired bootstrap over cases (10,000 resamples by default): for each model
 * and each baseline (and the compromise model), the cases where both have an error are resampled
 * with replacement and the mean of the paired differences (model − other) recomputed; the 2.5% and
 * 97.5% quantiles of those means are the 95% interval. An interval wholly below 0 means the model
 * beats the other on these cases beyond resampling noise; one that straddles 0 means it does not.
 *
 * Probabilistic scores (with `probabilities`, from a seeded sweep of each case's uncertainty, see
 * src/sweep/backtest.ts): the Brier score mean (p − y)² and the log score mean −ln p(y), with p
 * clipped to [ε, 1 − ε] (ε = 1 / (2 × runs)) so that one confident miss costs a finite amount; and a
 * 10-bin calibration table (cases by forecast probability: mean probability, observed frequency).
 */
import type { Locale } from '../i18n/locale.js';
import { explainMessages } from '../i18n/messages/explain/index.js';
import { translator } from '../i18n/translate.js';
import { seededRng } from '../power/rng.js';
import { codersOf, dependentCodersOf, withCoder } from '../scenario/reliability.js';
import type { ModelName } from '../scenario/schema.js';
import type { ResolvedIssue, ResolvedScenario } from '../scenario/types.js';
import {
  adoptionCall,
  type ForecastOptions,
  forecastAll,
  MODEL_NAMES,
  modelAdoption,
  modelOutcome,
  point,
} from './forecast.js';
import { DEFAULT_BACKTEST_RESAMPLES, DEFAULT_FORECAST_SEED } from './options.js';

export const BASELINE_NAMES = ['statusQuo', 'proposal', 'alwaysAdopted', 'meanPosition'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export interface CaseModelResult {
  readonly outcome: number | number[] | null;
  /** Absolute error on 0–100, or null. */
  readonly error: number | null;
  readonly adopted: boolean | null;
  readonly adoptionRight: boolean | null;
  /** Opt-outs: participation calls right / made. */
  readonly participantsRight: number | null;
  readonly participantsCalled: number | null;
  /** With a sweep: the share of replicates in which the predictor called "adopted". */
  readonly probability?: number | null;
}

export interface BacktestCase {
  readonly scenario: string;
  readonly issue: string;
  readonly title: string;
  /** The decision date (the scenario's date), and when the case was coded (`coded:`), if known. */
  readonly date: string | null;
  readonly coded: string | null;
  /** True when the file says it was coded before the decision. */
  readonly codedBeforeOutcome: boolean;
  /** Positions coded on the issue. */
  readonly positions: number;
  /** Positions with a coding (not inferred) whose source is dated (`sourceDate`) before the decision. */
  readonly sourcedPositions: number;
  /** Positions marked as inferred from the outcome (`inferred: true`). */
  readonly inferredPositions: number;
  readonly observed: {
    adopted: boolean | null;
    position: number | number[] | null;
    participants: string[] | null;
  };
  readonly models: Partial<Record<ModelName, CaseModelResult>>;
  readonly baselines: Record<BaselineName, CaseModelResult>;
  /** The case file's notes on why a model misses. */
  readonly notes: Partial<Record<ModelName, string>>;
  /** The issue's number of dimensions (errors and calls are over all of them). */
  readonly dimensions?: number;
  /**
   * The package deal the issue is part of (the consensus model's forecast is then the package's):
   * its id, whether it was proposed, and whether the linkage is marked inferred from the outcome.
   */
  readonly package?: { id: string; proposed: boolean | null; inferred: boolean };
}

export interface ModelScore {
  /** Mean absolute error on 0–100 (omitted when no case has both a forecast and an observed position). */
  mae?: number;
  adoptionAccuracy?: number;
  participantAccuracy?: number;
  /** With a sweep: the Brier score of the adoption probability (0 best, 1 worst). */
  brier?: number;
  /** With a sweep: the mean negative log-likelihood of the observed adoption (0 best). */
  logScore?: number;
  /** How many cases each figure rests on. */
  n: { mae: number; adoption: number; participants: number; probability?: number };
}

export interface Comparison {
  readonly model: ModelName;
  readonly against: BaselineName | ModelName;
  /** Mean over the paired cases of (model's error − other's error), on 0–100; null without pairs. */
  readonly maeDifference: number | null;
  readonly ci95: [number, number] | null;
  readonly n: number;
}

export interface CalibrationBin {
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
  readonly meanProbability: number | null;
  readonly observedFrequency: number | null;
}

export interface SubsetScores {
  readonly description: string;
  readonly cases: number;
  readonly models: Partial<Record<ModelName, ModelScore>>;
  readonly baselines: Record<BaselineName, ModelScore>;
}

export interface BacktestResult {
  readonly cases: BacktestCase[];
  readonly models: Partial<Record<ModelName, ModelScore>>;
  readonly baselines: Record<BaselineName, ModelScore>;
  readonly comparisons: Comparison[];
  readonly bootstrap: { resamples: number; seed: number; level: 0.95 };
  /** With a sweep: the calibration of each model's adoption probability (10 bins). */
  readonly calibration?: Partial<Record<ModelName, CalibrationBin[]>>;
  readonly sweep?: { runs: number; seed: number; uncertainty: string };
  /** The same scores on parts of the cases (see `subsets.*.description`). */
  readonly subsets: Record<
    'sourcesBefore' | 'inferred' | 'undated' | 'codedBeforeOutcome' | 'codedAfterOutcome',
    SubsetScores
  >;
}

export interface BacktestOptions extends ForecastOptions {
  /** Resamples of the paired bootstrap (default 10,000; 0 for none). */
  readonly resamples?: number;
  readonly seed?: number;
  /**
   * Adoption probabilities per case (`scenario/issue`) and model, from a sweep; with `runs`.
   */
  readonly probabilities?: {
    readonly runs: number;
    readonly seed: number;
    readonly uncertainty: string;
    readonly byCase: ReadonlyMap<string, Partial<Record<ModelName, number | null>>>;
  };
}

function errorOf(is: ResolvedIssue, out: ArrayLike<number> | null): number | null {
  const obs = is.observed;
  if (!out || !obs?.position) return null;
  let e = 0;
  for (let d = 0; d < is.dims; d++)
    e += (Math.abs(out[d]! - obs.position[d]!) / (is.hi[d]! - is.lo[d]!)) * 100;
  return e / is.dims;
}

function result(
  s: ResolvedScenario,
  is: ResolvedIssue,
  out: ArrayLike<number> | null,
  adopted: boolean | null,
  participants: ReadonlySet<number> | null,
): CaseModelResult {
  const obs = is.observed!;
  let participantsRight: number | null = null;
  let participantsCalled: number | null = null;
  if (is.optOut && obs.participants && participants) {
    const seen = new Set(obs.participants);
    participantsRight = 0;
    participantsCalled = 0;
    for (let i = 0; i < s.actors.length; i++) {
      participantsCalled++;
      if (participants.has(i) === seen.has(i)) participantsRight++;
    }
  }
  return {
    outcome: point(out),
    error: errorOf(is, out),
    adopted,
    adoptionRight: adopted !== null && obs.adopted !== null ? adopted === obs.adopted : null,
    participantsRight,
    participantsCalled,
  };
}

function baselines(s: ResolvedScenario, is: ResolvedIssue): Record<BaselineName, CaseModelResult> {
  const all = new Set(s.actors.map((_, i) => i));
  const none = new Set<number>();
  let mean: Float64Array | null = null;
  let k = 0;
  const sum = new Float64Array(is.dims);
  for (let i = 0; i < s.actors.length; i++) {
    if (!is.has[i]) continue;
    k++;
    for (let d = 0; d < is.dims; d++) sum[d]! += is.position[i * is.dims + d]!;
  }
  if (k > 0) mean = sum.map((v) => v / k);
  return {
    statusQuo: result(s, is, is.statusQuo, is.statusQuo ? false : null, none),
    proposal: result(s, is, is.proposal, is.proposal ? true : null, all),
    alwaysAdopted: result(s, is, null, true, all),
    meanPosition: result(s, is, mean, adoptionCall(is, mean), null),
  };
}

export function backtest(scenarios: readonly ResolvedScenario[], opts: BacktestOptions = {}): BacktestResult {
  const models = opts.models ?? MODEL_NAMES;
  const cases: BacktestCase[] = [];
  const probs = opts.probabilities;
  for (const s of scenarios) {
    const fs = forecastAll(s, { ...opts, models });
    for (const f of fs) {
      const is = f.issue;
      const obs = is.observed;
      if (!obs || (obs.position === null && obs.adopted === null && obs.participants === null)) continue;
      const byModel = probs?.byCase.get(`${s.id}/${is.id}`);
      const res: Partial<Record<ModelName, CaseModelResult>> = {};
      for (const m of models) {
        const parts =
          m === 'consensus' && f.consensus?.participants ? new Set(f.consensus.participants) : null;
        const r = result(s, is, modelOutcome(f, m), modelAdoption(f, m), parts);
        res[m] = probs ? { ...r, probability: byModel?.[m] ?? null } : r;
      }
      const base = baselines(s, is);
      if (probs) {
        for (const b of BASELINE_NAMES) {
          const a = base[b].adopted;
          base[b] = { ...base[b], probability: a === null ? null : a ? 1 : 0 };
        }
      }
      const coded = s.coded ?? null;
      cases.push({
        scenario: s.id,
        issue: is.id,
        title: is.title,
        date: s.date,
        coded,
        codedBeforeOutcome: coded !== null && s.date !== null && coded < s.date,
        positions: is.positionNotes.filter((p) => p !== null).length,
        sourcedPositions: is.positionNotes.filter(
          (p) =>
            p !== null &&
            !p.inferred &&
            p.sourceDate !== undefined &&
            s.date !== null &&
            p.sourceDate < s.date,
        ).length,
        inferredPositions: is.positionNotes.filter((p) => p?.inferred).length,
        observed: {
          adopted: obs.adopted,
          position: point(obs.position),
          participants: obs.participants ? obs.participants.map((i) => s.actors[i]!.id) : null,
        },
        models: res,
        baselines: base,
        notes: is.modelNotes,
        dimensions: is.dims,
        ...(f.package
          ? {
              package: {
                id: f.package.result.pkg.id,
                proposed: f.package.result.proposed,
                inferred: f.package.result.pkg.inferred,
              },
            }
          : {}),
      });
    }
  }
  const eps = probs ? 1 / (2 * probs.runs) : 0;
  const score = (sub: readonly BacktestCase[]) => {
    const modelScores: Partial<Record<ModelName, ModelScore>> = {};
    for (const m of models)
      modelScores[m] = aggregate(
        sub.map((c) => c.models[m]!),
        sub,
        eps,
      );
    const baseScores = Object.fromEntries(
      BASELINE_NAMES.map((b) => [
        b,
        aggregate(
          sub.map((c) => c.baselines[b]),
          sub,
          eps,
        ),
      ]),
    ) as Record<BaselineName, ModelScore>;
    return { models: modelScores, baselines: baseScores };
  };
  const all = score(cases);
  const resamples = opts.resamples ?? DEFAULT_BACKTEST_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_FORECAST_SEED;
  const comparisons: Comparison[] = [];
  for (const m of models) {
    const mine = cases.map((c) => c.models[m]!.error);
    const others: Array<[BaselineName | ModelName, Array<number | null>]> = BASELINE_NAMES.map((b) => [
      b,
      cases.map((c) => c.baselines[b].error),
    ]);
    if (m !== 'compromise' && models.includes('compromise'))
      others.push(['compromise', cases.map((c) => c.models.compromise!.error)]);
    for (const [against, theirs] of others) {
      // one generator per pair, seeded from the seed and the pair's names: adding a model changes no other interval
      comparisons.push({
        model: m,
        against,
        ...pairedBootstrap(mine, theirs, resamples, mix(seed, `${m}-${against}`)),
      });
    }
  }
  const subset = (description: string, pred: (c: BacktestCase) => boolean): SubsetScores => {
    const sub = cases.filter(pred);
    return { description, cases: sub.length, ...score(sub) };
  };
  const out: BacktestResult = {
    cases,
    ...all,
    comparisons,
    bootstrap: { resamples, seed, level: 0.95 },
    subsets: {
      sourcesBefore: subset(
        SUBSET_DESCRIPTIONS.sourcesBefore,
        (c) => c.positions > 0 && c.sourcedPositions === c.positions,
      ),
      inferred: subset(SUBSET_DESCRIPTIONS.inferred, (c) => c.inferredPositions > 0),
      undated: subset(
        SUBSET_DESCRIPTIONS.undated,
        (c) => c.inferredPositions === 0 && !(c.positions > 0 && c.sourcedPositions === c.positions),
      ),
      codedBeforeOutcome: subset(SUBSET_DESCRIPTIONS.codedBeforeOutcome, (c) => c.codedBeforeOutcome),
      codedAfterOutcome: subset(SUBSET_DESCRIPTIONS.codedAfterOutcome, (c) => !c.codedBeforeOutcome),
    },
  };
  if (probs) {
    const calibration: Partial<Record<ModelName, CalibrationBin[]>> = {};
    for (const m of models)
      calibration[m] = calibrate(cases.map((c) => [c.models[m]!.probability ?? null, c.observed.adopted]));
    return {
      ...out,
      calibration,
      sweep: { runs: probs.runs, seed: probs.seed, uncertainty: probs.uncertainty },
    };
  }
  return out;
}

function aggregate(rs: readonly CaseModelResult[], cases: readonly BacktestCase[], eps: number): ModelScore {
  let err = 0;
  let nErr = 0;
  let right = 0;
  let nAdopt = 0;
  let pRight = 0;
  let pCalled = 0;
  let nP = 0;
  let brier = 0;
  let log = 0;
  let nProb = 0;
  rs.forEach((r, k) => {
    if (r.error !== null) {
      err += r.error;
      nErr++;
    }
    if (r.adoptionRight !== null) {
      nAdopt++;
      if (r.adoptionRight) right++;
    }
    if (r.participantsCalled !== null) {
      pRight += r.participantsRight!;
      pCalled += r.participantsCalled;
      nP++;
    }
    const y = cases[k]!.observed.adopted;
    if (r.probability !== undefined && r.probability !== null && y !== null) {
      const p = Math.min(1 - eps, Math.max(eps, r.probability));
      brier += (r.probability - (y ? 1 : 0)) ** 2;
      log += -Math.log(y ? p : 1 - p);
      nProb++;
    }
  });
  const sc: ModelScore = { n: { mae: nErr, adoption: nAdopt, participants: nP } };
  if (nErr) sc.mae = err / nErr;
  if (nAdopt) sc.adoptionAccuracy = right / nAdopt;
  if (pCalled) sc.participantAccuracy = pRight / pCalled;
  if (eps > 0) {
    sc.n.probability = nProb;
    if (nProb) {
      sc.brier = brier / nProb;
      sc.logScore = log / nProb;
    }
  }
  return sc;
}

/** A 32-bit seed from a seed and a label (FNV-1a over the label, mixed with the seed). */
function mix(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The paired bootstrap of mean(a − b) over the cases where both are known. */
export function pairedBootstrap(
  a: ReadonlyArray<number | null>,
  b: ReadonlyArray<number | null>,
  resamples: number,
  seed: number,
): { maeDifference: number | null; ci95: [number, number] | null; n: number } {
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== null && b[i] !== null) d.push(a[i]! - b[i]!);
  const n = d.length;
  if (n === 0) return { maeDifference: null, ci95: null, n };
  const mean = d.reduce((t, v) => t + v, 0) / n;
  if (resamples <= 0) return { maeDifference: mean, ci95: null, n };
  const rng = seededRng(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let t = 0;
    for (let k = 0; k < n; k++) t += d[Math.floor(rng.next() * n)]!;
    means[r] = t / n;
  }
  means.sort();
  return { maeDifference: mean, ci95: [quantile(means, 0.025), quantile(means, 0.975)], n };
}

/** Linear interpolation between order statistics (type 7) of a sorted array. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const l = Math.floor(h);
  const u = Math.min(l + 1, sorted.length - 1);
  return sorted[l]! + (sorted[u]! - sorted[l]!) * (h - l);
}

/** Ten equal bins of [0, 1] (the last closed): mean forecast probability and observed frequency. */
export function calibrate(pairs: ReadonlyArray<readonly [number | null, boolean | null]>): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, (_, k) => ({ lo: k / 10, hi: (k + 1) / 10, n: 0, p: 0, y: 0 }));
  for (const [p, y] of pairs) {
    if (p === null || y === null) continue;
    const b = bins[Math.min(9, Math.floor(p * 10))]!;
    b.n++;
    b.p += p;
    if (y) b.y++;
  }
  return bins.map((b) => ({
    lo: b.lo,
    hi: b.hi,
    n: b.n,
    meanProbability: b.n ? b.p / b.n : null,
    observedFrequency: b.n ? b.y / b.n : null,
  }));
}

/**
 * The backtest on the mean coding, and — when the cases have several coders — once per coder (each
 * coder's codings where given, the mean coding elsewhere; no bootstrap), under `coders`: the
 * spread a referee asks for. `concord backtest` and the API's /api/backtest both return this.
 */
export function backtestWithCoders(
  scenarios: readonly ResolvedScenario[],
  opts: BacktestOptions = {},
): BacktestResult & {
  coders?: Record<string, { models: BacktestResult['models']; baselines: BacktestResult['baselines'] }>;
  /** Coders whose codings say they are not independent, and the sentence that says what follows. */
  codersNotIndependent?: { coders: string[]; independent: string[]; note: string };
} {
  const r = backtest(scenarios, opts);
  const coders = [...new Set(scenarios.flatMap(codersOf))].sort();
  if (coders.length < 2) return r;
  const dependent = [...new Set(scenarios.flatMap(dependentCodersOf))].sort();
  return {
    ...r,
    ...(dependent.length
      ? {
          codersNotIndependent: {
            coders: dependent,
            independent: coders.filter((c) => !dependent.includes(c)),
            note: notIndependentNote(
              dependent,
              coders.filter((c) => !dependent.includes(c)),
            ),
          },
        }
      : {}),
    coders: Object.fromEntries(
      coders.map((c) => {
        const rc = backtest(
          scenarios.map((s) => withCoder(s, c)),
          { ...opts, resamples: 0, probabilities: undefined },
        );
        return [c, { models: rc.models, baselines: rc.baselines }];
      }),
    ),
  };
}

/**
 * The one sentence printed next to per-coder figures when some coder is not independent. English
 * (the default) is the `note` of the JSON; `locale` words it in Russian or Chinese.
 */
export function notIndependentNote(
  dependent: readonly string[],
  independent: readonly string[],
  locale: Locale = 'en',
): string {
  return translator(explainMessages, locale)('backtest.not-independent', {
    dependent: dependent.join(', '),
    independent: independent.length ? independent.join(', ') : 'none',
  });
}

/** What each subset of `BacktestResult.subsets` holds (its `description`, in English in the JSON). */
export const SUBSET_DESCRIPTIONS = {
  sourcesBefore:
    'cases whose every position has a coding that cites a source dated (sourceDate) before the decision (the mean coding may mix in retrospective codings: see `coders` for each coder alone)',
  inferred: 'cases with at least one position only inferred from the outcome (every coding marked inferred)',
  undated: 'the other cases: some position neither dated before the decision nor marked inferred',
  codedBeforeOutcome: 'cases coded (`coded:`) before the decision: true forecasts',
  codedAfterOutcome: 'cases coded after the decision, or with no `coded:` date: retrodictions',
} as const;

/** A subset's description in the locale (English: its `description`). */
export function subsetDescriptionIn(name: keyof typeof SUBSET_DESCRIPTIONS, locale: Locale): string {
  if (locale === 'en') return SUBSET_DESCRIPTIONS[name];
  return translator(explainMessages, locale)(`backtest.subset.${name}` as 'backtest.not-independent');
}
