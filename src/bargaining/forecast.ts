/**
 * All models on a resolved scenario: `forecastAll(scenario, options)` is the one entry point for the
 * CLI, the report, the uncertainty sweeps and the web lab. It is pure and browser-safe; the models
 * reuse one workspace, so a call allocates only its small result objects. `forecastJson` turns the
 * result into the stable JSON of `concord forecast --json`, with one line of explanation per issue.
 */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { explainMessages } from '../i18n/messages/explain/index.js';
import { type Namespace, type Translate, translator } from '../i18n/translate.js';
import { describeRule } from '../rules/evaluate.js';
import { type ModelName, ModelNameSchema } from '../scenario/schema.js';
import type { ResolvedIssue, ResolvedScenario } from '../scenario/types.js';
import { type ConsensusResult, ConsensusWorkspace, consensusModel } from '../spatial/consensus.js';
import type { Interval } from '../spatial/line.js';
import { type PackageResult, packageModel } from '../spatial/package.js';
import { compromiseModel } from './compromise.js';
import {
  EUM_CHOICE_KEYS,
  EUM_CHOICES,
  EUM_VARIANTS,
  type EumOptions,
  type EumResult,
  type EumSensitivity,
  EumWorkspace,
  eumModel,
  eumSensitivity,
} from './eum.js';
import {
  type ExchangeOptions,
  type ExchangeResult,
  type ExchangeSummary,
  type ScenarioExchange,
  scenarioExchange,
} from './exchange.js';
import { MedianWorkspace, medianModel } from './median.js';
import { type NashDisagreement, type NashResult, nashModel } from './nash.js';
import {
  type IssueSmp,
  isSmpRefusal,
  issueSmp,
  type SmpOptions,
  type SmpRefusal,
  smpBargainCounts,
  smpMoves,
} from './smp.js';

export const MODEL_NAMES: readonly ModelName[] = ModelNameSchema.options;

export const MODEL_TITLES: Record<ModelName, string> = {
  consensus: 'consensus (spatial, agenda setter)',
  compromise: 'compromise (weighted mean)',
  median: 'weighted median',
  nash: 'Nash bargaining',
  eum: 'expected utility (Bueno de Mesquita)',
  exchange: 'exchange of voting positions (Stokman, equal gain)',
  smp: "spatial model of politics (KTAB's SMP)",
};

export class ForecastWorkspace {
  readonly consensus = new ConsensusWorkspace();
  readonly median = new MedianWorkspace();
  readonly eum = new EumWorkspace();
}

export interface ForecastOptions {
  /** Models to run (default: all). */
  readonly models?: readonly ModelName[];
  readonly eum?: EumOptions;
  /** The Nash model's disagreement point (default 'veto'; see ./nash.ts). */
  readonly nashDisagreement?: NashDisagreement;
  /** Also run the expected-utility model under all 16 combinations of its choices (a)–(d). */
  readonly eumSensitivity?: boolean;
  readonly exchange?: ExchangeOptions;
  /** KTAB's SMP parameters (over the scenario's `modelOptions.smp`). */
  readonly smp?: SmpOptions;
  readonly workspace?: ForecastWorkspace;
}

/**
 * With every model (no model list given), SMP runs on issues of at most this many actors: its work
 * grows with the cube of the actors each turn (160 actors: seconds). Named, it runs on any size.
 */
export const SMP_DEFAULT_MAX_ACTORS = 60;

/** The SMP options in force: the scenario's `modelOptions.smp`, overridden by `opts` (unset keys ignored). */
export function smpOptionsFor(s: ResolvedScenario, opts: SmpOptions | undefined): SmpOptions {
  const out: Record<string, unknown> = { ...(s.modelOptions?.smp ?? {}) };
  for (const [k, v] of Object.entries(opts ?? {})) if (v !== undefined) out[k] = v;
  return out as SmpOptions;
}

/** The expected-utility options in force: the scenario's `modelOptions.eum`, overridden by `opts` (unset keys ignored). */
export function eumOptionsFor(s: ResolvedScenario, opts: EumOptions | undefined): EumOptions {
  const out: Record<string, unknown> = { ...(s.modelOptions?.eum ?? {}) };
  for (const [k, v] of Object.entries(opts ?? {})) if (v !== undefined) out[k] = v;
  return out as EumOptions;
}

export interface IssueForecast {
  readonly issue: ResolvedIssue;
  /** Each requested model's result; null when the model cannot say (see `notes`). */
  readonly consensus?: ConsensusResult | null;
  readonly compromise?: Float64Array | null;
  readonly median?: Float64Array | null;
  readonly nash?: NashResult | null;
  readonly eum?: EumResult | null;
  readonly eumSensitivity?: EumSensitivity | null;
  /** The exchange model: the scenario-wide run and this issue's index in it. */
  readonly exchange?: IssueExchange | null;
  /**
   * The package deal this issue is part of (the consensus model; src/spatial/package.ts), and its
   * place in it. When the package is proposed, `consensus` carries the package's outcome and
   * `package.result.separate[part]` the issue's outcome decided alone.
   */
  readonly package?: { readonly result: PackageResult; readonly part: number };
  /** KTAB's SMP on this issue, turn by turn. */
  readonly smp?: IssueSmp | null;
  /** Why SMP could not run here (with the field to fix), when it could not. */
  readonly smpRefusal?: SmpRefusal;
  readonly notes: Partial<Record<ModelName, string>>;
}

export interface IssueExchange {
  readonly run: ExchangeResult;
  /** This issue's index among the model's issues (its first dimension's). */
  readonly k: number;
  /** The outcome on the first dimension. */
  readonly outcome: number;
  /** The model issue index of each dimension of this issue. */
  readonly ks?: readonly number[];
  /** The outcome, one number per dimension. */
  readonly point?: Float64Array;
  /** The labels of the model's issues (issue ids; `id.dimension` for a dimension of a multi-dimensional issue). */
  readonly labels?: readonly string[];
  /**
   * The repetitions of a randomised run (p > 0 or several repetitions): then `outcome` and `point`
   * are the mean over them, and `run` is the first repetition.
   */
  readonly summary?: ExchangeSummary;
}

const defaultWorkspace = new ForecastWorkspace();

/** What each model does with an issue of several dimensions (said in its output). */
export const DIMENSION_NOTES = {
  compromise: 'several dimensions: the weighted mean of each dimension (the compromise is separable)',
  median:
    'several dimensions: the weighted median of each dimension separately; in the plane it need not be a Condorcet winner (majority rule has none in general)',
  nash: 'several dimensions: the Nash product maximised over the space (salience-weighted Euclidean utilities), not per dimension',
  exchange:
    "several dimensions: each dimension enters the exchange model as an issue of its own, with the actors' saliences on it",
} as const;

/** Work shared by the issues of one `forecastAll` call (the exchange model runs once for all). */
export interface ForecastMemo {
  exchange?: ScenarioExchange;
}

export function forecastIssue(
  s: ResolvedScenario,
  issue: ResolvedIssue,
  opts: ForecastOptions = {},
  memo: ForecastMemo = {},
): IssueForecast {
  const ws = opts.workspace ?? defaultWorkspace;
  const models = opts.models ?? MODEL_NAMES;
  const n = s.actors.length;
  const notes: Partial<Record<ModelName, string>> = {};
  const out: {
    -readonly [K in keyof IssueForecast]: IssueForecast[K];
  } = { issue, notes };
  for (const m of models) {
    switch (m) {
      case 'consensus': {
        const r = consensusModel(issue, n, ws.consensus);
        out.consensus = r;
        if (r.note) notes.consensus = r.note;
        break;
      }
      case 'compromise':
        out.compromise = compromiseModel(issue, s.capability);
        if (!out.compromise) notes.compromise = 'no actor has a positive capability × salience';
        else if (issue.dims > 1) notes.compromise = DIMENSION_NOTES.compromise;
        break;
      case 'median':
        out.median = medianModel(issue, s.capability, ws.median);
        if (!out.median) notes.median = 'no actor has a positive capability × salience';
        else if (issue.dims > 1) notes.median = DIMENSION_NOTES.median;
        break;
      case 'nash':
        out.nash = nashModel(issue, s.capability, opts.nashDisagreement);
        if (!out.nash) notes.nash = 'no actor has a positive capability × salience';
        else if (issue.dims > 1) notes.nash = DIMENSION_NOTES.nash;
        break;
      case 'eum':
        out.eum = eumModel(issue, s.capability, eumOptionsFor(s, opts.eum), ws.eum);
        if (opts.eumSensitivity)
          out.eumSensitivity = eumSensitivity(issue, s.capability, eumOptionsFor(s, opts.eum), ws.eum);
        if (!out.eum) {
          notes.eum =
            issue.dims > 1
              ? `the expected-utility model is one-dimensional; this issue has ${issue.dims} dimensions`
              : 'no actor has a positive capability × salience';
        }
        break;
      case 'exchange': {
        memo.exchange ??= scenarioExchange(s, opts.exchange);
        const x = memo.exchange;
        const q = s.issues.indexOf(issue);
        const ks = x.issues.flatMap((v, k) => (v === q ? [k] : []));
        if (x.result && ks.length > 0) {
          const r = x.result;
          const f = x.summary ? x.summary.mean : r.forecast;
          out.exchange = {
            run: r,
            k: ks[0]!,
            ks,
            outcome: f[ks[0]!]!,
            point: Float64Array.from(ks, (k) => f[k]!),
            labels: x.labels,
            ...(x.summary ? { summary: x.summary } : {}),
          };
          if (issue.dims > 1) notes.exchange = DIMENSION_NOTES.exchange;
        } else {
          out.exchange = null;
          notes.exchange = x.note ?? 'the exchange model has no issue to trade on';
        }
        break;
      }
      case 'smp': {
        let present = 0;
        for (let a = 0; a < n; a++) if (issue.has[a] === 1) present++;
        if (!opts.models && present > SMP_DEFAULT_MAX_ACTORS) {
          out.smp = null;
          notes.smp = `not run by default on ${present} actors (SMP's work grows with the cube of the actors, turn after turn); name the model (--model smp, models=smp) to run it`;
          break;
        }
        const r = issueSmp(
          issue,
          s.capability,
          s.actors.map((a) => a.id),
          smpOptionsFor(s, opts.smp),
        );
        if (isSmpRefusal(r)) {
          out.smp = null;
          out.smpRefusal = r;
          notes.smp = r.note;
        } else out.smp = r;
        break;
      }
    }
  }
  return out;
}

/** Every requested model on every issue of the scenario. */
export function forecastAll(s: ResolvedScenario, opts: ForecastOptions = {}): IssueForecast[] {
  const memo: ForecastMemo = {};
  return applyPackages(
    s,
    s.issues.map((issue) => forecastIssue(s, issue, opts, memo)),
  );
}

/**
 * The scenario's package deals applied to the consensus model's forecasts (one per issue, in the
 * scenario's order): each package is evaluated on its parts' own results; when its setter proposes
 * it, every part's consensus outcome becomes its tabled proposal. Other models are unchanged (they
 * decide issue by issue; the exchange model links issues in its own way). Returns `fs`, changed.
 */
export function applyPackages(s: ResolvedScenario, fs: IssueForecast[]): IssueForecast[] {
  if (!s.packages?.length || fs.length !== s.issues.length) return fs;
  for (const pkg of s.packages) {
    if (pkg.issues.some((q) => fs[q]!.consensus === undefined)) continue;
    const r = packageModel(
      s,
      pkg,
      pkg.issues.map((q) => fs[q]!.consensus),
    );
    pkg.issues.forEach((q, part) => {
      const f = fs[q]!;
      let consensus = f.consensus;
      if (consensus && r.proposed) {
        const out = r.outcome[part]!;
        consensus = {
          ...consensus,
          outcome: out,
          adopted: adoptionCall(f.issue, out),
          note: `adopted as part of package "${pkg.id}"`,
        };
      }
      fs[q] = { ...f, consensus, package: { result: r, part } };
    });
  }
  return fs;
}

// ───────────────────────── the JSON contract and the explanations ─────────────────────────

export type Point = number | number[] | null;

export interface ForecastJson {
  /** What `adopted` means in every model's result. */
  readonly adoption: { readonly tolerance: number; readonly rule: string };
  readonly scenario: {
    id: string;
    title: string;
    date: string | null;
    organization: string | null;
    capability: { source: string; year: number | null; note: string | null; shares: Record<string, number> };
    chair: string | null;
  };
  readonly issues: IssueJson[];
}

export interface IssueJson {
  id: string;
  title: string;
  dimensions: number;
  /** The dimensions' ids (one, `x`… for a one-dimensional issue: its id is the issue's). */
  dimensionIds: string[];
  scale: Array<[number, number]>;
  statusQuo: Point;
  proposal: Point;
  proposer: string | null;
  setter: string | null;
  rule: string;
  vetoPlayers: string[];
  amendable: boolean;
  optOut: boolean;
  explanation: string;
  models: Partial<Record<ModelName, Record<string, unknown>>>;
  observed: {
    adopted: boolean | null;
    position: Point;
    participants: string[] | null;
    source: string | null;
  } | null;
}

const round = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(12)) : v);

export function point(v: ArrayLike<number> | null | undefined): Point {
  if (!v) return null;
  if (v.length === 1) return round(v[0]!);
  return Array.from(v, round);
}

/** "30", "63.2", "(30, 41.5)". */
export function fmtPoint(v: ArrayLike<number> | number | null | undefined, digits = 1): string {
  if (v === null || v === undefined) return '–';
  const one = (x: number) => {
    const t = x.toFixed(digits);
    return t.includes('.') ? t.replace(/\.?0+$/, '') : t;
  };
  if (typeof v === 'number') return one(v);
  if (v.length === 1) return one(v[0]!);
  return `(${Array.from(v, one).join(', ')})`;
}

function intervals(set: readonly Interval[] | null): Array<[number, number]> | null {
  return set ? set.map((i) => [round(i.lo), round(i.hi)]) : null;
}

export function fmtIntervals(set: readonly Interval[] | null): string {
  if (!set || set.length === 0) return '∅';
  return set
    .map((i) => (i.hi - i.lo < 1e-9 ? `{${fmtPoint(i.lo)}}` : `[${fmtPoint(i.lo)}, ${fmtPoint(i.hi)}]`))
    .join(' ∪ ');
}

/**
 * One definition of "adopted" for every model (and the observed outcomes' `adopted`): the outcome
 * moves the status quo by more than ADOPTION_TOLERANCE of the scale (the distance over the
 * dimensions, each divided by its range). 5% is the coding step of the 0–100 scales: a smaller move
 * is inside the coding's own resolution. Chosen before looking at any backtest, not fitted to one.
 */
export const ADOPTION_TOLERANCE = 0.05;
export const ADOPTION_RULE = `adopted: the outcome moves the status quo by more than ${ADOPTION_TOLERANCE * 100}% of the scale`;

/** The adoption call of a forecast point (null without a status quo or a forecast). */
export function adoptionCall(
  issue: ResolvedIssue,
  f: ArrayLike<number> | null | undefined,
  tolerance = ADOPTION_TOLERANCE,
): boolean | null {
  if (!f || !issue.statusQuo) return null;
  let dq = 0;
  for (let d = 0; d < issue.dims; d++) {
    if (!Number.isFinite(f[d]!)) return null;
    dq += ((f[d]! - issue.statusQuo[d]!) / (issue.hi[d]! - issue.lo[d]!)) ** 2;
  }
  return Math.sqrt(dq) > tolerance;
}

/** The adoption call of any model's result. */
export function modelAdoption(f: IssueForecast, m: ModelName): boolean | null {
  switch (m) {
    case 'consensus':
      // The same rule on the consensus model's outcome (for an opt-out: the participants' outcome).
      if (!f.consensus) return null;
      return f.consensus.outcome ? adoptionCall(f.issue, f.consensus.outcome) : f.consensus.adopted;
    case 'compromise':
      return adoptionCall(f.issue, f.compromise);
    case 'median':
      return adoptionCall(f.issue, f.median);
    case 'nash':
      return f.nash ? adoptionCall(f.issue, nashPoint(f.nash)) : null;
    case 'eum':
      return f.eum ? adoptionCall(f.issue, [f.eum.outcome]) : null;
    case 'exchange':
      return f.exchange ? adoptionCall(f.issue, exchangePoint(f.exchange)) : null;
    case 'smp':
      return f.smp ? adoptionCall(f.issue, f.smp.outcome) : null;
  }
}

/** Any model's forecast point. */
export function modelOutcome(f: IssueForecast, m: ModelName): Float64Array | null {
  switch (m) {
    case 'consensus':
      return f.consensus?.outcome ?? null;
    case 'compromise':
      return f.compromise ?? null;
    case 'median':
      return f.median ?? null;
    case 'nash':
      return f.nash ? nashPoint(f.nash) : null;
    case 'eum':
      return f.eum ? Float64Array.of(f.eum.outcome) : null;
    case 'exchange':
      return f.exchange ? exchangePoint(f.exchange) : null;
    case 'smp':
      return f.smp?.outcome ?? null;
  }
}

/** The Nash outcome as a point (one number per dimension). */
export function nashPoint(r: NashResult): Float64Array {
  return r.point ?? Float64Array.of(r.outcome);
}

/** The exchange model's outcome as a point (one number per dimension). */
export function exchangePoint(x: IssueExchange): Float64Array {
  return x.point ?? Float64Array.of(x.outcome);
}

/** 'text', 'scholz', or 'custom' for any other combination of the choices (a)–(d). */
export function variantName(c: EumResult['choices']): 'text' | 'scholz' | 'custom' {
  for (const v of EUM_VARIANTS) {
    const d = EUM_CHOICES[v];
    if (EUM_CHOICE_KEYS.every((k) => d[k] === c[k])) return v;
  }
  return 'custom';
}

function sensitivityJson(x: EumSensitivity) {
  const r = (v: number | null) => (v === null ? null : round(v));
  return {
    min: r(x.min),
    median: r(x.median),
    max: r(x.max),
    moving: x.moving,
    effects: Object.fromEntries(
      Object.entries(x.effects).map(([k, e]) => [k, { mean: round(e.mean), max: round(e.max) }]),
    ),
    combinations: x.combinations.map((c) => ({ ...c.choices, outcome: r(c.outcome), rounds: c.rounds })),
  };
}

export function forecastJson(s: ResolvedScenario, forecasts: readonly IssueForecast[]): ForecastJson {
  const id = (i: number) => (i >= 0 ? s.actors[i]!.id : null);
  const actorMap = (row: Float64Array) =>
    Object.fromEntries(s.actors.flatMap((a, i) => (Number.isNaN(row[i]!) ? [] : [[a.id, round(row[i]!)]])));
  const ids = (xs: readonly number[] | null | undefined) => (xs ? xs.map((i) => s.actors[i]!.id) : null);
  return {
    adoption: { tolerance: ADOPTION_TOLERANCE, rule: ADOPTION_RULE },
    scenario: {
      id: s.id,
      title: s.title,
      date: s.date,
      organization: s.organization?.id ?? null,
      capability: {
        source: s.capabilitySource,
        year: s.capabilityYear,
        note: s.capabilityNote,
        shares: Object.fromEntries(s.actors.map((a, i) => [a.id, round(s.capability[i]!)])),
      },
      chair: id(s.chair),
    },
    issues: forecasts.map((f) => {
      const is = f.issue;
      const models: IssueJson['models'] = {};
      if (f.consensus !== undefined) {
        const c = f.consensus;
        models.consensus = c
          ? {
              adopted: modelAdoption(f, 'consensus'),
              outcome: point(c.outcome),
              blockers: ids(c.blockers),
              participants: ids(c.participants),
              nonParticipants: ids(c.nonParticipants),
              proposalPasses: c.proposalPasses,
              mode: c.mode,
              setter: id(c.setter),
              winSet: intervals(c.winSet),
              core: intervals(c.core),
              statusQuoInCore: c.statusQuoInCore,
              note: c.note,
              ...(f.package ? { package: packageJson(s, f.package.result, f.package.part) } : {}),
            }
          : { outcome: null };
      }
      if (f.compromise !== undefined) {
        models.compromise = {
          outcome: point(f.compromise),
          adopted: adoptionCall(is, f.compromise),
          note: f.notes.compromise ?? null,
        };
      }
      if (f.median !== undefined) {
        models.median = {
          outcome: point(f.median),
          adopted: adoptionCall(is, f.median),
          note: f.notes.median ?? null,
        };
      }
      if (f.nash !== undefined) {
        const r = f.nash;
        models.nash = r
          ? {
              outcome: point(nashPoint(r)),
              adopted: adoptionCall(is, nashPoint(r)),
              disagreement: r.disagreement,
              disagreementFor:
                r.disagreement === 'worst'
                  ? 'all (no status quo)'
                  : r.mode === 'statusQuo'
                    ? 'all'
                    : 'veto players',
              feasible: r.feasible ? [round(r.feasible[0]), round(r.feasible[1])] : null,
              note: f.notes.nash ?? null,
            }
          : { outcome: null, note: f.notes.nash ?? null };
      }
      if (f.eum !== undefined) {
        const r = f.eum;
        models.eum = r
          ? {
              outcome: round(r.outcome),
              rounds: r.rounds,
              adopted: adoptionCall(is, [r.outcome]),
              converged: r.converged,
              mean: round(r.mean),
              initialMedian: round(r.initialMedian),
              variant: variantName(r.choices),
              choices: r.choices,
              positions: actorMap(r.positions),
              ...(r.history
                ? {
                    trace: r.history.map((row, k) => ({
                      round: k,
                      positions: actorMap(row),
                      median: round(r.medians![k]!),
                      mean: round(r.means![k]!),
                    })),
                  }
                : {}),
              ...(f.eumSensitivity ? { sensitivity: sensitivityJson(f.eumSensitivity) } : {}),
              note: null,
            }
          : { outcome: null, rounds: 0, note: f.notes.eum ?? null };
      }
      if (f.exchange !== undefined) {
        const x = f.exchange;
        models.exchange = x
          ? exchangeJson(s, is, x, f.notes.exchange ?? null)
          : { outcome: null, note: f.notes.exchange ?? null };
      }
      if (f.smp !== undefined)
        models.smp = f.smp ? smpJson(s, is, f.smp) : { outcome: null, note: f.notes.smp ?? null };
      const vetoPlayers: string[] = [];
      is.rule.veto.forEach((v, i) => {
        if (v === 1) vetoPlayers.push(s.actors[i]!.id);
      });
      return {
        id: is.id,
        title: is.title,
        dimensions: is.dims,
        dimensionIds: [...is.dimensionIds],
        scale: Array.from(is.lo, (lo, d) => [lo, is.hi[d]!] as [number, number]),
        statusQuo: point(is.statusQuo),
        proposal: point(is.proposal),
        proposer: id(is.proposer),
        setter: id(is.setter),
        rule: is.rule.description,
        vetoPlayers,
        amendable: is.amendable,
        optOut: is.optOut,
        explanation: explain(s, f),
        models,
        observed: is.observed
          ? {
              adopted: is.observed.adopted,
              position: point(is.observed.position),
              participants: ids(is.observed.participants),
              source: is.observed.source,
            }
          : null,
      };
    }),
  };
}

/** A package deal as seen from one of its parts (`part`), for the consensus model's JSON. */
export function packageJson(s: ResolvedScenario, r: PackageResult, part: number): Record<string, unknown> {
  const ids = (xs: readonly number[]) => xs.map((i) => s.actors[i]!.id);
  return {
    id: r.pkg.id,
    issues: r.pkg.issues.map((q) => s.issues[q]!.id),
    passes: r.passes,
    proposed: r.proposed,
    setter: r.setter >= 0 ? s.actors[r.setter]!.id : null,
    supporters: ids(r.supporters),
    blockers: ids(r.blockers),
    partBlockers: Object.fromEntries(r.pkg.issues.map((q, k) => [s.issues[q]!.id, ids(r.partBlockers[k]!)])),
    gain: Object.fromEntries(s.actors.map((a, i) => [a.id, round(r.gain[i]!)])),
    separateOutcome: point(r.separate[part]),
    source: r.pkg.source,
    sourceDate: r.pkg.sourceDate,
    inferred: r.pkg.inferred,
    note: r.note ?? r.pkg.note,
  };
}

/**
 * One line on a package deal: whether it passes and is proposed, and whom the linkage wins over.
 * English (the default) is the text of `forecast --json`; `locale` renders it in another language.
 */
export function explainPackage(
  s: ResolvedScenario,
  r: PackageResult,
  locale: Locale = 'en',
  name?: ActorNamer,
): string {
  return packageLine(s, r, words(s, locale, name));
}

function packageLine(s: ResolvedScenario, r: PackageResult, w: Words): string {
  const { t } = w;
  const names = r.pkg.issues.map((q) => s.issues[q]!.id).join(' + ');
  if (r.note) return t('package.note', { names, note: w.note(r.note) });
  const won = new Set<number>();
  r.partBlockers.forEach((bs) => {
    for (const b of bs) if (!r.blockers.includes(b)) won.add(b);
  });
  if (!r.passes) return t('package.fails', { names, blockers: w.list(r.blockers), count: r.blockers.length });
  const setter = r.setter >= 0 ? w.name(r.setter) : t('package.the-setter');
  const values = {
    names,
    setter,
    won: won.size ? 'yes' : 'no',
    wonList: w.list([...won]),
    wonCount: won.size,
  };
  return r.proposed ? t('package.proposed', values) : t('package.not-proposed', values);
}

/** The exchange model's JSON on one issue: per dimension in several dimensions. */
function exchangeJson(
  s: ResolvedScenario,
  is: ResolvedIssue,
  x: IssueExchange,
  note: string | null,
): Record<string, unknown> {
  const ks = x.ks ?? [x.k];
  const labels = x.labels ?? s.issues.map((is) => is.id);
  const at = (v: Float64Array) => point(Float64Array.from(ks, (k) => v[k]!));
  const mine = new Set(ks);
  const multi = ks.length > 1;
  return {
    outcome: point(exchangePoint(x)),
    adopted: adoptionCall(is, exchangePoint(x)),
    ...(x.summary
      ? {
          repetitions: {
            p: x.summary.p,
            seed: x.summary.seed,
            count: x.summary.repetitions,
            mean: at(x.summary.mean),
            sd: at(x.summary.sd),
            runs: x.summary.forecasts.map((f, r) => ({
              repetition: r + 1,
              seed: x.summary!.seed + r,
              exchanges: x.summary!.exchanges[r],
              outcome: at(f),
            })),
          },
        }
      : {}),
    rounds: x.run.rounds.map((r) => ({
      before: at(r.before),
      after: at(r.after),
      exchanges: r.exchanges
        .filter((e) => mine.has(e.i.supply) || mine.has(e.j.supply))
        .map((e) => {
          const [mover, partner] = mine.has(e.i.supply) ? [e.i, e.j] : [e.j, e.i];
          return {
            mover: s.actors[mover.actor]!.id,
            ...(multi ? { dimension: labels[mover.supply] } : {}),
            from: round(mover.from),
            to: round(mover.to),
            partner: s.actors[partner.actor]!.id,
            partnerIssue: labels[partner.supply],
            partnerFrom: round(partner.from),
            partnerTo: round(partner.to),
            gain: round(e.gain),
          };
        }),
      // per dimension in several dimensions (an exchange between two of them counts on each)
      externalities: multi
        ? Object.fromEntries(ks.map((k) => [labels[k]!, extJson(r.issueExternalities[k]!)]))
        : extJson(r.issueExternalities[x.k]!),
    })),
    positions: Object.fromEntries(
      s.actors.flatMap((a, i) => {
        const v = ks.map((k) => x.run.positions[k]![i]!);
        return v.some(Number.isNaN) ? [] : [[a.id, multi ? v.map(round) : round(v[0]!)]];
      }),
    ),
    externalities: Object.fromEntries(
      s.actors.map((a, i) => [
        a.id,
        extJson(x.run.rounds.reduce((acc, r) => addExt(acc, r.externalities[i]!), zeroExtJ())),
      ]),
    ),
    note,
  };
}

/** SMP in `forecast --json`: the forecast, the options in force, and every turn with its reasons. */
function smpJson(s: ResolvedScenario, is: ResolvedIssue, x: IssueSmp): Record<string, unknown> {
  const D = is.dims;
  const run = x.run;
  const id = (k: number) => (k >= 0 ? s.actors[x.actors[k]!]!.id : null);
  const at = (P: Float64Array, k: number) =>
    point(Float64Array.from({ length: D }, (_, d) => is.lo[d]! + P[k * D + d]! * (is.hi[d]! - is.lo[d]!)));
  const state = (st: { position: Float64Array; risk: Float64Array; winProbability: Float64Array }) =>
    Object.fromEntries(
      x.actors.map((_, k) => [
        id(k),
        {
          position: at(st.position, k),
          winProbability: round(st.winProbability[k]!),
          risk: round(st.risk[k]!),
        },
      ]),
    );
  return {
    outcome: point(x.outcome),
    adopted: adoptionCall(is, x.outcome),
    modal: point(x.modal),
    stop: run.stop,
    options: run.options,
    excluded: x.excluded.map((e) => ({ actor: s.actors[e.actor]!.id, reason: e.reason })),
    salienceScale: round(x.salienceScale),
    turns: run.turns.map((t, k) => ({
      turn: k + 1,
      state: state(t.from),
      movement: round(t.movement),
      ratio: round(t.ratio),
      bargains: t.bargains.map((b) => ({
        initiator: id(b.initiator),
        receiver: id(b.receiver),
        perspective: b.perspective,
        initiatorTo: at(b.posInit, 0),
        receiverTo: at(b.posRcvr, 0),
        takenBy: [
          ...(b.takenByInitiator ? [id(b.initiator)] : []),
          ...(b.takenByReceiver ? [id(b.receiver)] : []),
        ],
        result:
          b.takenByInitiator && b.takenByReceiver
            ? 'struck'
            : b.takenByInitiator || b.takenByReceiver
              ? 'oneSided'
              : 'refused',
      })),
      ...smpBargainCounts(t),
      moves: smpMoves(run, k).map((m) => ({
        actor: id(m.actor),
        moved: m.moved,
        kind: m.kind,
        partner: id(m.partner),
        partnerTook: m.partnerTook,
        probability: round(m.probability),
        options: m.options,
        challenge: m.challenge
          ? {
              target: id(m.challenge.target),
              pWin: round(m.challenge.pWin),
              gain: round(m.challenge.gain),
              targetPWin: round(m.challenge.targetPWin),
            }
          : null,
      })),
    })),
    final: state(run.final),
    note: null,
  };
}

/** The scenario issue index of the exchange model's issue k. */
function exchangeIssue(s: ResolvedScenario, x: IssueExchange, k: number): number {
  let seen = -1;
  for (let q = 0; q < s.issues.length; q++) {
    if (s.issues[q]!.dims === 1) seen++;
    if (seen === k) return q;
  }
  return x.k;
}

type ExtJ = ExchangeResult['rounds'][number]['externalities'][number];
const zeroExtJ = (): ExtJ => ({
  own: 0,
  innerPositive: 0,
  innerNegative: 0,
  outerPositive: 0,
  outerNegative: 0,
});
function addExt(a: ExtJ, b: ExtJ): ExtJ {
  return {
    own: a.own + b.own,
    innerPositive: a.innerPositive + b.innerPositive,
    innerNegative: a.innerNegative + b.innerNegative,
    outerPositive: a.outerPositive + b.outerPositive,
    outerNegative: a.outerNegative + b.outerNegative,
  };
}
function extJson(e: ExtJ): Record<string, number> {
  return {
    own: round(e.own),
    innerPositive: round(e.innerPositive),
    innerNegative: round(e.innerNegative),
    outerPositive: round(e.outerPositive),
    outerNegative: round(e.outerNegative),
  };
}

type ExplainKey = typeof explainMessages extends Namespace<infer K> ? K : never;

/** How an explanation names an actor (default: its name as the scenario gives it). */
export type ActorNamer = (actor: ResolvedScenario['actors'][number], index: number) => string;

/** The words of one explanation: its translator, points, lists and names in the locale. */
interface Words {
  readonly t: Translate<ExplainKey>;
  readonly locale: Locale;
  point(v: ArrayLike<number> | number | null | undefined): string;
  intervals(set: readonly Interval[] | null): string;
  list(xs: readonly number[], max?: number): string;
  name(i: number): string;
  /** The proposer as the sentence names it: "Russia’s" in English, the name otherwise. */
  owner(i: number): string;
  /** A model's note (English: as it is; another language: translated when the catalogue knows it). */
  note(text: string): string;
}

function words(s: ResolvedScenario, locale: Locale, namer?: ActorNamer): Words {
  const t = translator(explainMessages, locale);
  const en = locale === 'en';
  const f = en ? null : formatter(locale);
  // A decimal comma (Russian) needs another separator between the coordinates.
  const sep = locale === 'ru' ? '; ' : ', ';
  const one = (x: number) => (f ? f.number(x, 1) : fmtPoint(x));
  const point = (v: ArrayLike<number> | number | null | undefined): string => {
    if (!f) return fmtPoint(v);
    if (v === null || v === undefined) return '–';
    if (typeof v === 'number') return one(v);
    if (v.length === 1) return one(v[0]!);
    return `(${Array.from(v, one).join(sep)})`;
  };
  const name = (i: number) => (namer ? namer(s.actors[i]!, i) : s.actors[i]!.name);
  const idSep = locale === 'zh-Hans' ? '、' : ', ';
  return {
    t,
    locale,
    point,
    intervals: (set) => {
      if (!f) return fmtIntervals(set);
      if (!set || set.length === 0) return '∅';
      return set
        .map((i) => (i.hi - i.lo < 1e-9 ? `{${one(i.lo)}}` : `[${one(i.lo)}${sep}${one(i.hi)}]`))
        .join(' ∪ ');
    },
    list: (xs, max = 6) => {
      const ids = xs.map((i) => s.actors[i]!.id);
      return ids.length > max
        ? t('list.more', { list: ids.slice(0, max).join(idSep), count: ids.length - max })
        : ids.join(idSep);
    },
    name,
    owner: (i) => (en ? possessive(name(i)) : name(i)),
    note: (text) => (en ? text : (modelNoteIn(text, locale) ?? text)),
  };
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

type NoteKey = Extract<ExplainKey, `note.${string}`>;

/** The models' notes (English, as JSON carries them) and the catalogue message that words each. */
const NOTES: ReadonlyArray<
  readonly [RegExp, NoteKey, (m: RegExpExecArray) => Record<string, string | number>]
> = [
  [/^the consensus model needs a status quo: give `statusQuo`$/, 'note.no-status-quo', () => ({})],
  [/^no agenda setter: name a proposer or a chair$/, 'note.no-setter', () => ({})],
  [
    /^the agenda setter takes no position \(or has salience 0\): it proposes nothing$/,
    'note.setter-silent',
    () => ({}),
  ],
  [/^fewer than two members take part$/, 'note.too-few', () => ({})],
  [/^too few take part$/, 'note.too-few-default', () => ({})],
  [/^the proposer does not prefer its proposal to the status quo$/, 'note.proposer-against', () => ({})],
  [
    /^in (\d+) dimensions the agenda-setter outcome is computed only under unanimity-type rules/,
    'note.dims-rule',
    (m) => ({ dims: Number(m[1]) }),
  ],
  [/^several dimensions: the core of unanimity is the Pareto set/, 'note.dims-consensus', () => ({})],
  [
    /^issue "(.*)" of the package has no (proposal|status quo): the package is not evaluated$/,
    'note.package-missing',
    (m) => ({ issue: m[1]!, missing: m[2] === 'proposal' ? 'proposal' : 'statusQuo' }),
  ],
  [/^adopted as part of package "(.*)"$/, 'note.package-adopted', (m) => ({ id: m[1]! })],
  [/^no actor has a positive capability × salience$/, 'note.no-weight', () => ({})],
  [/^several dimensions: the weighted mean of each dimension/, 'note.dims-compromise', () => ({})],
  [/^several dimensions: the weighted median of each dimension/, 'note.dims-median', () => ({})],
  [/^several dimensions: the Nash product/, 'note.dims-nash', () => ({})],
  [/^several dimensions: each dimension enters the exchange model/, 'note.dims-exchange', () => ({})],
  [
    /^the expected-utility model is one-dimensional; this issue has (\d+) dimensions$/,
    'note.eum-dims',
    (m) => ({ dims: Number(m[1]) }),
  ],
  [/^the exchange model has no issue to trade on$/, 'note.exchange-none', () => ({})],
  [
    /^the exchange model trades shifts between issues; this scenario has one issue$/,
    'note.exchange-one',
    () => ({}),
  ],
  [/^not run by default on (\d+) actors \(SMP/, 'note.smp-default', (m) => ({ count: Number(m[1]) })],
  [
    /^SMP needs at least two actors with a position, a positive capability and a positive salience on issue "(.*)"; (.*) (?:has|have) no capability$/,
    'note.smp-capability',
    (m) => ({ issue: m[1]!, actors: m[2]!, count: m[2]!.split(', ').length }),
  ],
  [
    /^SMP needs at least two actors with a position and a positive salience on issue "(.*)" \((\d+) here\)$/,
    'note.smp-salience',
    (m) => ({ issue: m[1]!, count: Number(m[2]) }),
  ],
  [/^the exchange model cannot run here$/, 'note.exchange-cannot-run', () => ({})],
];

/**
 * A model's note (`IssueForecast.notes`, the `note` of `forecast --json`, the consensus model's
 * notes) in a locale: English as it is; another language: the catalogue's wording, or null for a
 * note the catalogue does not know (then show the English, marked as such).
 */
export function modelNoteIn(note: string, locale: Locale): string | null {
  if (locale === 'en') return note;
  for (const [re, key, values] of NOTES) {
    const m = re.exec(note);
    if (m) return translator(explainMessages, locale)(key, values(m));
  }
  return null;
}

/**
 * One line explaining the forecast of an issue (the consensus model's reasoning when it ran).
 * English (the default) is the `explanation` of `forecast --json`; `locale` renders the same
 * reasoning in another language, and `name` names the actors (default: the scenario's names; the
 * report and the CLI pass the country names of the locale).
 */
export function explain(
  s: ResolvedScenario,
  f: IssueForecast,
  locale: Locale = 'en',
  name?: ActorNamer,
): string {
  const w = words(s, locale, name);
  const own = explainIssue(s, f, w);
  if (!f.package) return own;
  const r = f.package.result;
  if (r.proposed) return w.t('package.adopted', { package: packageLine(s, r, w) });
  return w.t('package.alone', { package: packageLine(s, r, w), own });
}

function explainIssue(s: ResolvedScenario, f: IssueForecast, w: Words): string {
  const { t } = w;
  const is = f.issue;
  const c = f.consensus;
  if (!c) {
    const m =
      f.compromise ??
      f.median ??
      (f.nash ? [f.nash.outcome] : null) ??
      (f.eum ? [f.eum.outcome] : null) ??
      (f.exchange ? [f.exchange.outcome] : null) ??
      f.smp?.outcome ??
      null;
    return m ? t('no-consensus', { point: w.point(m) }) : t('no-forecast');
  }
  if (!c.outcome && c.note) return t('consensus-note', { note: w.note(c.note) });
  const q = w.point(is.statusQuo);
  const y = w.point(is.proposal);
  const proposal = {
    q,
    y,
    who: is.proposer >= 0 ? 'proposer' : 'none',
    owner: is.proposer >= 0 ? w.owner(is.proposer) : '',
  };
  const collegial = is.rule.collegial;
  const blockText = c.blockers.length
    ? t('block.some', { ...proposal, list: w.list(c.blockers), count: c.blockers.length })
    : t('block.none', proposal);
  const rule = () => (w.locale === 'en' ? is.rule.description : describeRule(is.rule.rule, w.locale));
  if (c.mode === 'take-it-or-leave-it') {
    if (c.adopted) {
      return collegial || c.blockers.length === 0
        ? t('adopted', { block: blockText })
        : t('outvoted', { rule: rule(), block: blockText });
    }
    return collegial
      ? t('not-adopted', { block: blockText })
      : t('no-coalition', { ...proposal, rule: rule(), block: blockText });
  }
  if (c.mode === 'opt-out') {
    if (c.proposalPasses) return t('opt-out.all', { block: blockText });
    const p = c.participants ?? [];
    const non = c.nonParticipants ?? [];
    if (c.adopted) {
      return t('opt-out.adopted', {
        count: p.length,
        participants: w.list(p, 10),
        blockers: w.list(c.blockers),
        blockerCount: c.blockers.length,
        q,
        indifferent: non.length > c.blockers.length ? 'yes' : 'no',
        others: w.list(non.filter((i) => !c.blockers.includes(i))),
      });
    }
    return t('opt-out.not-adopted', {
      note: c.note ? w.note(c.note) : t('note.too-few-default'),
      block: blockText,
    });
  }
  // Agenda setter.
  const setter = c.setter >= 0 ? w.name(c.setter) : t('setter.no-one');
  if (!c.adopted) {
    if (c.statusQuoInCore && is.dims > 1) return t('pareto', { q });
    if (c.statusQuoInCore) {
      const left: number[] = [];
      const right: number[] = [];
      for (let i = 0; i < s.actors.length; i++) {
        if (is.has[i] === 0 || !(is.salience[i]! > 0) || (collegial && is.rule.veto[i] !== 1)) continue;
        if (is.position[i]! < is.statusQuo![0]!) left.push(i);
        else if (is.position[i]! > is.statusQuo![0]!) right.push(i);
      }
      const core = w.intervals(c.core);
      return left.length && right.length
        ? t('core.sides', { q, core, left: w.list(left), leftCount: left.length, right: w.list(right) })
        : t('core', { q, core });
    }
    return c.note ? t('no-change.note', { note: w.note(c.note) }) : t('no-change.setter', { setter, q });
  }
  if (is.proposal && c.proposalPasses && Math.abs(c.outcome![0]! - is.proposal[0]!) < 1e-9 && is.dims === 1) {
    return t('adopted', { block: blockText });
  }
  return t('setter.gets', {
    amended: is.proposal && !c.proposalPasses ? 'yes' : 'no',
    blocked: is.proposal && c.blockers.length ? 'yes' : 'no',
    block: blockText,
    setter,
    out: w.point(c.outcome),
    winSet: is.dims === 1 ? w.intervals(c.winSet) : 'none',
    ideal: w.point(is.position.subarray(c.setter * is.dims, c.setter * is.dims + is.dims)),
  });
}
