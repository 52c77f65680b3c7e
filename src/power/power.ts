/**
 * Voting power of every player of a game under any rule of the rule language: the choice of
 * algorithm, and the result with stable keys (the JSON contract of `concord power`).
 *
 * Methods: `exact` picks the fastest exact algorithm that fits and says which — enumeration of the
 * 2^n coalitions for small games, generating functions over one weight and the coalition size
 * (./gf.ts), or the decision diagram for several weights at once (./diagram.ts); `enumerate` forces
 * the enumeration (a cross-check, n ≤ 25); `montecarlo` estimates with 95% intervals
 * (./montecarlo.ts). With no method given, exact when feasible, else Monte Carlo, stated in
 * `reason`. Indices built on minimal winning coalitions, and Johnston's, are exact when their
 * coalitions can be counted within a budget, and `null` (with a note saying why) otherwise.
 */
import { ConcordError } from '../errors.js';
import { type CompiledRule, compile, type NumericRule, numericRule } from '../rules/compile.js';
import { describeRule } from '../rules/evaluate.js';
import type { Game } from '../rules/game.js';
import type { Rule } from '../rules/schema.js';
import { sizeTableCost, weightedSizeSwings } from './bysize.js';
import { criticalCounts, minimalWinning } from './coalitions.js';
import { diagramCounts, heaviestFirst } from './diagram.js';
import { ENUMERATION_MAX_PLAYERS, enumerateCounts } from './enumerate.js';
import { type Fraction, fracString, toNumber } from './exact.js';
import { gfCounts, gfHollerCounts, gfObstacle, planGf } from './gf.js';
import { weightedHollerAndSwings, weightedHollerOps } from './holler.js';
import {
  exactIndices,
  POWER_INDEX_NAMES,
  type PowerCounts,
  type PowerIndexName,
  parseIndexList,
} from './indices.js';
import { type Interval, monteCarlo } from './montecarlo.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, type Method } from './options.js';
import { type Rng, seededRng } from './rng.js';
import {
  asWeightedGame,
  type WeightedGame,
  weightedCells,
  weightedHoller,
  weightedOps,
  weightedSwings,
  weightedWinning,
} from './weighted.js';

export type { Method } from './options.js';

export interface PowerOptions {
  /** Forced method; automatic when absent. */
  readonly method?: Method;
  /** Monte Carlo draws (default 100,000). */
  readonly samples?: number;
  /** Monte Carlo generator; `seededRng(seed)` by default. */
  readonly rng?: Rng;
  readonly seed?: number;
  /**
   * The indices to compute (default all). Penrose, Banzhaf, both Coleman indices and the passage
   * probability come from the same swing counts, which every exact algorithm produces.
   */
  readonly indices?: readonly PowerIndexName[] | string;
  /** Skip the minimal-winning and Johnston indices (faster; used by `capacity`). */
  readonly basicOnly?: boolean;
  /** Budgets (work units ≈ elementary operations). */
  readonly budgets?: Partial<typeof DEFAULT_BUDGETS>;
}

export const DEFAULT_BUDGETS = {
  /** Below this many players, enumerate: everything exact at once. */
  enumerateBelow: 16,
  /** Weighted games, swing indices only: limb additions of the table by weight (./weighted.ts). */
  weightedOps: 2e10,
  /** …and its cells (limbs × weights), i.e. memory / 8 bytes. */
  weightedCells: 1e8,
  /**
   * Weighted games, Deegan–Packel: the table by size and weight and the reads of the minimal
   * winning coalitions; four times more when Deegan–Packel is asked for by name (not in "all").
   */
  sizeMinimalOps: 4e9,
  /** Generating functions: table additions (all primes). */
  gfOps: 4e9,
  /** Generating functions: table cells (all primes), i.e. memory / 8 bytes. */
  gfCells: 6e7,
  /** Generating functions: lookups for the per-player minimal winning coalitions. */
  gfMinimalOps: 2e8,
  /** Decision diagram: states, and states × (n + 1) (each state holds counts by size). */
  diagramNodes: 4e5,
  diagramCells: 4e7,
  /** Partial coalitions visited when listing minimal winning coalitions. */
  minimalVisits: 3e7,
  /** Winning coalitions listed for Johnston's index. */
  johnstonCoalitions: 2 ** 23,
};

export interface PlayerPower {
  readonly id: string;
  readonly name: string | null;
  /**
   * Penrose and Banzhaf come with the swings; null when they were not counted (a weighted game asked
   * only for the passage probability, Holler or Johnston).
   */
  readonly penrose: number | null;
  readonly banzhaf: number | null;
  readonly shapleyShubik: number | null;
  readonly colemanPrevent: number | null;
  readonly colemanInitiate: number | null;
  readonly holler: number | null;
  readonly deeganPackel: number | null;
  readonly johnston: number | null;
  readonly veto: boolean;
  /** Exact swing count (decimal string), exact methods only. */
  readonly swings: string | null;
  /** Minimal winning coalitions containing the player (decimal string). */
  readonly minimalWinning: string | null;
  /** The indices as exact fractions "p/q", exact methods only. */
  readonly fractions: Record<string, string | null> | null;
  /** 95% intervals, Monte Carlo only. */
  readonly ci: Record<string, Interval | null> | null;
}

export interface PowerResult {
  readonly game: {
    name: string;
    players: number;
    rule: string;
    source: readonly string[];
    notes: readonly string[];
  };
  readonly method: Method;
  readonly algorithm: string;
  readonly reason: string;
  /** The indices asked for (the others are null, and left out of the table). */
  readonly indices: readonly PowerIndexName[];
  readonly totalCoalitions: string;
  readonly winningCoalitions: string | null;
  readonly minimalWinningCoalitions: string | null;
  readonly passageProbability: number;
  readonly passageProbabilityFraction: string | null;
  readonly passageProbabilityCI: Interval | null;
  readonly samples: number | null;
  readonly seed: number | null;
  readonly players: PlayerPower[];
  readonly notes: string[];
}

interface Plan {
  readonly method: Method;
  readonly algorithm:
    | 'enumeration'
    | 'generating functions'
    | 'swings by weight'
    | 'winning coalitions by weight'
    | 'swings by size and weight'
    | 'decision diagram'
    | 'Monte Carlo';
  readonly reason: string;
}

export function computePower(game: Game, opts: PowerOptions = {}): PowerResult {
  const compiled = compile(game.rule, game.players);
  const result = powerOfCompiled(compiled, game, opts);
  return {
    ...result,
    players: result.players.map((p, i) => {
      const name = game.players[i]!.name;
      return { ...p, name: typeof name === 'string' ? name : null };
    }),
  };
}

export function powerOfRule(
  players: Game['players'],
  rule: Rule,
  opts: PowerOptions = {},
  name = describeRule(rule),
): PowerResult {
  return computePower({ name, players, rule, source: [], notes: [], literature: [] }, opts);
}

function powerOfCompiled(c: CompiledRule, game: Game, opts: PowerOptions): PowerResult {
  const budgets = { ...DEFAULT_BUDGETS, ...opts.budgets };
  const r = numericRule(c);
  const n = c.n;
  const notes: string[] = [];
  let indices = parseIndexList(typeof opts.indices === 'string' ? opts.indices : opts.indices, 'indices');
  if (opts.basicOnly) indices = indices.filter((i) => !MINIMAL_OR_JOHNSTON.includes(i));
  const want = new Set(indices);
  const wantSs = want.has('shapley-shubik');
  const wantHoller = want.has('holler');
  const wantDp = want.has('deegan-packel');
  const wantJohnston = want.has('johnston');
  // the swings: for Penrose, Banzhaf and Coleman (Shapley–Shubik counts them by size)
  const wantSwings = SWINGS_OF.some((i) => want.has(i));
  const base = {
    game: {
      name: game.name,
      players: n,
      rule: describeRule(game.rule),
      source: game.source,
      notes: game.notes,
    },
    indices,
    totalCoalitions: (1n << BigInt(n)).toString(),
  };
  const seed = opts.seed ?? DEFAULT_SEED;
  const samples = opts.samples ?? DEFAULT_SAMPLES;
  if (!r) {
    if (opts.method && opts.method !== 'montecarlo')
      throw new ConcordError('E_LIMIT', 'the weights, scaled exactly to integers, total more than 2^53', {
        path: 'players',
        hint: 'Round the weights (e.g. population in thousands) or use --method montecarlo.',
        key: 'power.weightsTooLarge',
        values: { advice: 'montecarlo' },
      });
    throw new ConcordError('E_UNSUPPORTED', 'the weights, scaled exactly to integers, total more than 2^53', {
      path: 'players',
      hint: 'Round the weights to fewer significant digits (e.g. population in thousands).',
      key: 'power.weightsTooLarge',
      values: { advice: 'digits' },
    });
  }

  if (opts.method === 'montecarlo')
    return fromMonteCarlo(
      r,
      c,
      base,
      samples,
      opts.rng ?? seededRng(seed),
      seed,
      'forced by --method montecarlo',
      notes,
    );
  if (opts.method === 'enumerate') {
    if (n > ENUMERATION_MAX_PLAYERS)
      throw new ConcordError(
        'E_LIMIT',
        `enumeration is limited to ${ENUMERATION_MAX_PLAYERS} players; this game has ${n}`,
        {
          path: 'players',
          hint: 'Use --method exact (counting algorithms) or montecarlo.',
          key: 'power.enumerationLimit',
          values: { max: String(ENUMERATION_MAX_PLAYERS), n: String(n) },
        },
      );
    return fromCounts(
      c,
      base,
      { method: 'enumerate', algorithm: 'enumeration', reason: 'forced by --method enumerate' },
      enumerateCounts(r),
      notes,
    );
  }

  // exact, or automatic
  const tried: string[] = [];
  if (n < budgets.enumerateBelow) {
    return fromCounts(
      c,
      base,
      {
        method: 'exact',
        algorithm: 'enumeration',
        reason: `${n} players: all ${2 ** n} coalitions enumerated`,
      },
      enumerateCounts(r),
      notes,
    );
  }
  const weighted = asWeightedGame(r);
  const obstacle = gfObstacle(r);
  // A weighted game: the swings over one table by weight, or by size and weight for Shapley–Shubik;
  // the minimal winning coalitions by size (Deegan–Packel, and Holler with it) while that table
  // is built; Holler alone over a table by weight; Johnston by listing.
  if (weighted) {
    let dpNote: string | null = null;
    if (wantDp) {
      const cost = sizeTableCost(weighted, true);
      const dpBudget = budgets.sizeMinimalOps * (indices.length < POWER_INDEX_NAMES.length ? 4 : 1);
      if (cost.ops <= dpBudget && cost.cells <= budgets.weightedCells) {
        const w = weightedSizeSwings(weighted, { minimal: true });
        let counts: PowerCounts = {
          n,
          winning: w.winning,
          swings: w.swings,
          swingsBySize: w.swingsBySize,
          veto: w.veto,
          minimal: w.minimal,
          johnstonByCritical: null,
          notes: [],
        };
        if (wantJohnston) counts = addJohnston(r, counts, budgets, notes);
        return fromCounts(
          c,
          base,
          {
            method: 'exact',
            algorithm: 'swings by size and weight',
            reason: `weighted game (total ${weighted.total}, quota ${weighted.quota}): swings per player and coalition size, and minimal winning coalitions by size, over one table of coalitions by size and weight, with removal`,
          },
          counts,
          notes,
        );
      }
      dpNote = `Deegan–Packel not computed: counting the minimal winning coalitions by size per player would take about ${sci(cost.ops)} operations and ${sci(cost.cells)} cells (budget ${sci(dpBudget)} and ${sci(budgets.weightedCells)}); asked for by name (--index deegan-packel) it gets four times the budget of "all"`;
    }
    const fits = wantSs ? fitsBySize(weighted, budgets) : fitsWeighted(weighted, budgets, !wantSwings);
    if (fits === true) {
      // Holler with the swings and without Shapley–Shubik: both from Holler's own table (one table, not two)
      const oneTable =
        wantHoller &&
        wantSwings &&
        !wantSs &&
        weightedHollerOps(weighted) <= budgets.gfOps + budgets.gfMinimalOps;
      let counts = wantSs
        ? sizeCounts(weighted)
        : oneTable
          ? hollerSwingCounts(weighted)
          : wantSwings
            ? swingCounts(weighted)
            : winningCounts(weighted);
      if (dpNote) notes.push(dpNote);
      if (wantHoller && !oneTable) counts = addHoller(weighted, counts, budgets, notes);
      if (wantJohnston) counts = addJohnston(r, counts, budgets, notes);
      return fromCounts(
        c,
        base,
        {
          method: 'exact',
          algorithm: wantSs
            ? 'swings by size and weight'
            : wantSwings
              ? 'swings by weight'
              : 'winning coalitions by weight',
          reason: wantSs
            ? `weighted game (total ${weighted.total}, quota ${weighted.quota}): swings per player and coalition size over one table of coalitions by size and weight, with removal`
            : wantSwings
              ? `weighted game (total ${weighted.total}, quota ${weighted.quota}): swings per player over one table of coalitions by weight, with removal`
              : `weighted game (total ${weighted.total}, quota ${weighted.quota}): winning coalitions over one table of coalitions by weight, only the cells that reach its top (no swings: Penrose, Banzhaf and Coleman not asked for)`,
        },
        counts,
        notes,
      );
    }
    tried.push(fits);
  }
  if (!obstacle) {
    const plan = planGf(r);
    if (plan.buildOps <= budgets.gfOps && plan.cells * plan.primes.length <= budgets.gfCells) {
      const wantMinimal = (wantHoller || wantDp) && plan.minimalOps <= budgets.gfMinimalOps;
      let counts = gfCounts(plan, { minimal: wantMinimal });
      if ((wantHoller || wantDp) && !wantMinimal) {
        const holler = wantHoller ? gfHollerCounts(plan) : null;
        if (holler) {
          counts = { ...counts, minimalTotal: holler.total, minimalContaining: holler.containing };
          if (wantDp)
            notes.push(
              `Deegan–Packel not computed: it needs the minimal winning coalitions by size, about ${sci(plan.minimalOps)} operations (budget ${sci(budgets.gfMinimalOps)}); Holler counted without sizes`,
            );
        } else
          notes.push(
            `${wantHoller ? 'Holler and ' : ''}Deegan–Packel not computed: counting minimal winning coalitions per player would take about ${sci(plan.minimalOps)} operations (budget ${sci(budgets.gfMinimalOps)})`,
          );
      }
      const withJ = wantJohnston ? addJohnston(r, counts, budgets, notes) : counts;
      return fromCounts(
        c,
        base,
        {
          method: 'exact',
          algorithm: 'generating functions',
          reason: `one summed weight (total ${plan.total}) and the count of players: generating functions over weight and size, ${plan.primes.length} prime${plan.primes.length > 1 ? 's' : ''}`,
        },
        withJ,
        notes,
      );
    }
    tried.push(
      `generating functions would need ${sci(plan.buildOps)} additions and ${sci(plan.cells * plan.primes.length)} table cells`,
    );
  } else tried.push(obstacle);
  const d = diagramCounts(r, { maxNodes: Math.min(budgets.diagramNodes, budgets.diagramCells / (n + 1)) });
  if (d) {
    let counts = d.counts;
    if (wantHoller || wantDp) {
      const m = minimalWinning(r, d.order, budgets.minimalVisits);
      if (m) counts = { ...counts, minimal: m };
      else
        notes.push(
          `Holler and Deegan–Packel not computed: listing the minimal winning coalitions exceeded ${sci(budgets.minimalVisits)} steps`,
        );
    }
    if (wantJohnston) counts = addJohnston(r, counts, budgets, notes);
    return fromCounts(
      c,
      base,
      {
        method: 'exact',
        algorithm: 'decision diagram',
        reason: `${tried[0]}: multi-dimensional DP over merged states (${d.nodes} states)`,
      },
      counts,
      notes,
    );
  }
  tried.push(
    `the decision diagram exceeded ${sci(Math.min(budgets.diagramNodes, budgets.diagramCells / (n + 1)))} states`,
  );
  // Too large for the tables by size: the swing indices still exact by weight, the rest noted.
  if (weighted && fitsWeighted(weighted, budgets, !wantSwings) === true) {
    let counts = wantSwings ? swingCounts(weighted) : winningCounts(weighted);
    const missing = [wantSs ? 'Shapley–Shubik' : null, wantDp ? 'Deegan–Packel' : null].filter(Boolean);
    notes.push(
      `${missing.join(' and ')} not computed exactly: ${tried.join('; ')}; --method montecarlo estimates ${missing.length > 1 ? 'them' : 'it'}`,
    );
    if (wantHoller) counts = addHoller(weighted, counts, budgets, notes);
    if (wantJohnston) counts = addJohnston(r, counts, budgets, notes);
    return fromCounts(
      c,
      base,
      {
        method: 'exact',
        algorithm: wantSwings ? 'swings by weight' : 'winning coalitions by weight',
        reason: `weighted game (total ${weighted.total}, quota ${weighted.quota}): ${wantSwings ? 'swings per player over one table of coalitions by weight, with removal' : 'winning coalitions over one table of coalitions by weight, only the cells that reach its top'}`,
      },
      counts,
      notes,
    );
  }
  if (n <= ENUMERATION_MAX_PLAYERS && n <= 22) {
    return fromCounts(
      c,
      base,
      {
        method: 'exact',
        algorithm: 'enumeration',
        reason: `${tried.join('; ')}: enumerated all ${2 ** n} coalitions`,
      },
      enumerateCounts(r),
      notes,
    );
  }
  if (opts.method === 'exact')
    throw new ConcordError('E_LIMIT', `no exact algorithm fits this game: ${tried.join('; ')}`, {
      path: 'rule',
      hint: 'Use --method montecarlo for estimates with confidence intervals.',
      key: 'power.noExactAlgorithm',
      values: { tried: tried.join('; ') },
    });
  return fromMonteCarlo(
    r,
    c,
    base,
    samples,
    opts.rng ?? seededRng(seed),
    seed,
    `exact counting infeasible (${tried.join('; ')})`,
    notes,
  );
}

const MINIMAL_OR_JOHNSTON: readonly PowerIndexName[] = ['holler', 'deegan-packel', 'johnston'];
/** The indices read from the swings (with the passage probability, which needs only |W|). */
const SWINGS_OF: readonly PowerIndexName[] = ['banzhaf', 'penrose', 'coleman-prevent', 'coleman-initiate'];

/** True when the table by weight fits the budgets (its top cell only: `top`), else why not. */
function fitsWeighted(g: WeightedGame, budgets: typeof DEFAULT_BUDGETS, top = false): true | string {
  const ops = weightedOps(g, { top });
  const cells = weightedCells(g);
  if (ops <= budgets.weightedOps && cells <= budgets.weightedCells) return true;
  return `the table of coalitions by weight would need ${sci(ops)} additions and ${sci(cells)} cells`;
}

/** True when the table by size and weight fits the budgets, else why not. */
function fitsBySize(g: WeightedGame, budgets: typeof DEFAULT_BUDGETS): true | string {
  const cost = sizeTableCost(g);
  if (cost.ops <= budgets.weightedOps && cost.cells <= budgets.weightedCells) return true;
  return `the table of coalitions by size and weight would need ${sci(cost.ops)} additions and ${sci(cost.cells)} cells`;
}

function sizeCounts(g: WeightedGame): PowerCounts {
  const w = weightedSizeSwings(g);
  return {
    n: g.n,
    winning: w.winning,
    swings: w.swings,
    swingsBySize: w.swingsBySize,
    veto: w.veto,
    minimal: null,
    johnstonByCritical: null,
    notes: [],
  };
}

/** The counts of a table by weight: |W|, the vetoes, and the swings and Holler's counts when read. */
function byWeight(
  g: WeightedGame,
  w: { winning: bigint; veto: boolean[]; swings?: bigint[]; total?: bigint; containing?: bigint[] },
): PowerCounts {
  return {
    n: g.n,
    winning: w.winning,
    swings: w.swings ?? null,
    swingsBySize: null,
    veto: w.veto,
    minimal: null,
    ...(w.total === undefined ? {} : { minimalTotal: w.total, minimalContaining: w.containing }),
    johnstonByCritical: null,
    notes: [],
  };
}

/** |W| alone (the passage probability, and Holler, Deegan–Packel or Johnston without the swings). */
const winningCounts = (g: WeightedGame) => byWeight(g, weightedWinning(g));
const swingCounts = (g: WeightedGame) => byWeight(g, weightedSwings(g));
/** The swings and Holler's counts from one table by weight (./holler.ts `weightedHollerAndSwings`). */
const hollerSwingCounts = (g: WeightedGame) => byWeight(g, weightedHollerAndSwings(g));

/** Holler's counts over a table by weight (./holler.ts `weightedHoller`), within its budget. */
function addHoller(
  g: WeightedGame,
  counts: PowerCounts,
  budgets: typeof DEFAULT_BUDGETS,
  notes: string[],
): PowerCounts {
  const ops = weightedHollerOps(g);
  if (ops > budgets.gfOps + budgets.gfMinimalOps) {
    notes.push(
      `Holler not computed: counting minimal winning coalitions per player would take about ${sci(ops)} operations (budget ${sci(budgets.gfOps + budgets.gfMinimalOps)})`,
    );
    return counts;
  }
  const h = weightedHoller(g);
  return { ...counts, minimalTotal: h.total, minimalContaining: h.containing };
}

function addJohnston(
  r: NumericRule,
  counts: PowerCounts,
  budgets: typeof DEFAULT_BUDGETS,
  notes: string[],
): PowerCounts {
  if (counts.johnstonByCritical) return counts;
  if (counts.winning > BigInt(budgets.johnstonCoalitions)) {
    notes.push(
      `Johnston not computed: it needs every one of the ${counts.winning} winning coalitions (budget ${sci(budgets.johnstonCoalitions)})`,
    );
    return counts;
  }
  const j = criticalCounts(r, heaviestFirst(r), budgets.johnstonCoalitions);
  if (!j) {
    notes.push('Johnston not computed: too many winning coalitions to list');
    return counts;
  }
  return { ...counts, johnstonByCritical: j };
}

function sci(x: number): string {
  return x < 1e4 ? String(Math.round(x)) : x.toExponential(1).replace('e+', 'e');
}

type Base = Pick<PowerResult, 'game' | 'totalCoalitions' | 'indices'>;

function fromCounts(
  c: CompiledRule,
  base: Base,
  plan: Plan,
  counts: PowerCounts,
  notes: string[],
): PowerResult {
  const ex = exactIndices(counts, new Set(base.indices));
  const want = new Set(base.indices);
  // players of one weight share their fractions (the same objects): converted once
  const numbers = new Map<Fraction, number>();
  const strings = new Map<Fraction, string>();
  const players: PlayerPower[] = ex.players.map((raw, i) => {
    const p = {
      ...raw,
      penrose: want.has('penrose') ? raw.penrose : null,
      banzhaf: want.has('banzhaf') ? raw.banzhaf : null,
      shapleyShubik: want.has('shapley-shubik') ? raw.shapleyShubik : null,
      colemanPrevent: want.has('coleman-prevent') ? raw.colemanPrevent : null,
      colemanInitiate: want.has('coleman-initiate') ? raw.colemanInitiate : null,
      holler: want.has('holler') ? raw.holler : null,
      deeganPackel: want.has('deegan-packel') ? raw.deeganPackel : null,
      johnston: want.has('johnston') ? raw.johnston : null,
    };
    const num = (f: Fraction | null) => (f ? remember(numbers, f, toNumber) : null);
    const str = (f: Fraction | null) => (f ? remember(strings, f, fracString) : null);
    const mw =
      counts.minimal?.containingBySize[i]?.reduce((a, b) => a + b, 0n) ?? counts.minimalContaining?.[i];
    return {
      id: c.ids[i]!,
      name: null,
      // (Penrose and Banzhaf as numbers whenever the swings are known; as fractions when asked for)
      penrose: num(raw.penrose),
      banzhaf: num(raw.banzhaf),
      shapleyShubik: num(p.shapleyShubik),
      colemanPrevent: num(p.colemanPrevent),
      colemanInitiate: num(p.colemanInitiate),
      holler: num(p.holler),
      deeganPackel: num(p.deeganPackel),
      johnston: num(p.johnston),
      veto: counts.veto[i]!,
      swings: counts.swings ? counts.swings[i]!.toString() : null,
      minimalWinning: mw === undefined ? null : mw.toString(),
      fractions: {
        penrose: str(p.penrose),
        banzhaf: str(p.banzhaf),
        shapleyShubik: str(p.shapleyShubik),
        colemanPrevent: str(p.colemanPrevent),
        colemanInitiate: str(p.colemanInitiate),
        holler: str(p.holler),
        deeganPackel: str(p.deeganPackel),
        johnston: str(p.johnston),
      },
      ci: null,
    };
  });
  return {
    ...base,
    method: plan.method,
    algorithm: plan.algorithm,
    reason: plan.reason,
    winningCoalitions: counts.winning.toString(),
    minimalWinningCoalitions: counts.minimal
      ? counts.minimal.total.toString()
      : counts.minimalTotal !== undefined
        ? counts.minimalTotal.toString()
        : null,
    passageProbability: toNumber(ex.passage),
    passageProbabilityFraction: fracString(ex.passage),
    passageProbabilityCI: null,
    samples: null,
    seed: null,
    players,
    notes: [...counts.notes, ...notes],
  };
}

function remember<T>(known: Map<Fraction, T>, f: Fraction, convert: (f: Fraction) => T): T {
  let v = known.get(f);
  if (v === undefined) {
    v = convert(f);
    known.set(f, v);
  }
  return v;
}

function fromMonteCarlo(
  r: NumericRule,
  c: CompiledRule,
  base: Base,
  samples: number,
  rng: Rng,
  seed: number,
  reason: string,
  notes: string[],
): PowerResult {
  if (!Number.isInteger(samples) || samples < 100)
    throw new ConcordError('E_USAGE', `--samples: ${samples} is too few`, {
      path: '--samples',
      hint: 'Use at least 100 samples (default 100,000).',
      key: 'power.tooFewSamples',
      values: { samples: String(samples) },
    });
  const mc = monteCarlo(r, samples, rng);
  const want = new Set(base.indices);
  const ask = <T>(name: PowerIndexName, v: T): T | null => (want.has(name) ? v : null);
  return {
    ...base,
    method: 'montecarlo',
    algorithm: 'Monte Carlo',
    reason: `${reason}; ${samples} random coalitions and ${samples} random orders, seed ${seed}, 95% Wilson intervals`,
    winningCoalitions: null,
    minimalWinningCoalitions: null,
    passageProbability: mc.passage,
    passageProbabilityFraction: null,
    passageProbabilityCI: mc.passageCI,
    samples,
    seed,
    players: mc.players.map((p, i) => ({
      id: c.ids[i]!,
      name: null,
      penrose: p.penrose,
      banzhaf: p.banzhaf,
      shapleyShubik: ask('shapley-shubik', p.shapleyShubik),
      colemanPrevent: ask('coleman-prevent', p.colemanPrevent),
      colemanInitiate: ask('coleman-initiate', p.colemanInitiate),
      holler: null,
      deeganPackel: null,
      johnston: null,
      veto: mc.veto[i]!,
      swings: null,
      minimalWinning: null,
      fractions: null,
      ci: {
        penrose: p.penroseCI,
        banzhaf: p.banzhafCI,
        shapleyShubik: ask('shapley-shubik', p.shapleyShubikCI),
        colemanPrevent: ask('coleman-prevent', p.colemanPreventCI),
        colemanInitiate: ask('coleman-initiate', p.colemanInitiateCI),
      },
    })),
    notes: [
      ...notes,
      ...(MINIMAL_OR_JOHNSTON.some((i) => want.has(i))
        ? [
            'Holler, Deegan–Packel and Johnston are not estimated by Monte Carlo (minimal winning coalitions are too rare among random draws)',
          ]
        : []),
    ],
  };
}
