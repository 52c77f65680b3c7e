/**
 * How long `concord power` will compute, told before it starts (./estimate.ts prints it past
 * LONG_MS): from the plan the library will follow (src/power/power.ts), step by step, with the
 * work measures its budgets are checked against — the table by weight (`weightedOps`), by size and
 * weight (`sizeTableCost`), the minimal winning coalitions by size (`sizeTableCost(g, true)`), the
 * generating functions (`planGf`), enumeration (2^n coalitions) — each times the CPU time of one
 * unit of it, measured on the benchmark's games (bench/power.bench.ts prints this estimate beside
 * the measured time of every game and index, so a stale calibration shows there). Kept apart from
 * ./estimate.ts so that the other commands' estimates load none of the power modules.
 *
 * An estimate, not a promise: the budgets bound the work, and a step the library will skip (a
 * budget exceeded: the index is noted as not computed) costs nothing here either. Johnston's listing
 * of the winning coalitions is counted for games of up to 24 players (at most 2^23 coalitions);
 * above, a rule of the usual quotas has more winning coalitions than its budget, and it is skipped.
 */
import { sizeTableCost } from '../power/bysize.js';
import { ENUMERATION_MAX_PLAYERS } from '../power/enumerate.js';
import { gfObstacle, planGf } from '../power/gf.js';
import { weightedHollerOps } from '../power/holler.js';
import { POWER_INDEX_NAMES, type PowerIndexName } from '../power/indices.js';
import { DEFAULT_SAMPLES } from '../power/options.js';
import { DEFAULT_BUDGETS } from '../power/power.js';
import { asWeightedGame, type WeightedGame, weightedCells, weightedOps } from '../power/weighted.js';
import { compile, type NumericRule, numericRule } from '../rules/compile.js';
import type { Game } from '../rules/game.js';

/**
 * CPU milliseconds per unit of work, on one core of the benchmark machine (Node 20, x64), from the
 * benchmark's games: 193 players of weights 1–200, 50 of weights 1,000–51,000, and random weighted
 * games of 20 to 1,000 players; within a factor of 2.5 of the measured time on most of them.
 */
export const POWER_MS_PER_UNIT = {
  /** Fixed: compiling the rule, the exact fractions, per player. */
  perPlayer: 0.05,
  /** One limb addition of the table by weight (Banzhaf, Penrose, Coleman, passage). */
  weightedOp: 5e-7,
  /** One limb addition of the table by size and weight (Shapley–Shubik). */
  sizeOp: 2.8e-6,
  /** …and per pair of players and sizes (Shapley–Shubik's exact fractions). */
  sizePair: 2e-6,
  /** One operation of the minimal winning coalitions by size (Deegan–Packel, Holler with it). */
  minimalOp: 1.3e-6,
  /** One operation of Holler's table by weight (`weightedHollerOps`). */
  hollerOp: 3e-7,
  /** One addition of the generating functions (all primes). */
  gfOp: 2e-6,
  /** One lookup of the generating functions' minimal winning coalitions. */
  gfMinimalOp: 2e-6,
  /** One cell of the decision diagram's budget (states × (n + 1)): the attempt's upper bound. */
  diagramCell: 2e-5,
  /** One coalition and player of the enumeration. */
  enumerated: 1.5e-5,
  /** One winning coalition and player listed for Johnston's index. */
  johnston: 8e-6,
  /** One Monte Carlo draw and player. */
  montecarlo: 6.6e-5,
} as const;

const K = POWER_MS_PER_UNIT;
const B = DEFAULT_BUDGETS;

export interface PowerEstimateOptions {
  readonly method?: string;
  readonly samples?: number;
  /** The indices asked for (all when absent). */
  readonly indices?: readonly PowerIndexName[];
}

/** Estimated CPU milliseconds of `computePower(game, opts)` (0 for a game the library refuses at once). */
export function powerEstimateMs(game: Game, opts: PowerEstimateOptions = {}): number {
  const n = game.players.length;
  if (opts.method === 'montecarlo') return montecarloMs(n, opts.samples ?? DEFAULT_SAMPLES);
  let r: NumericRule | null;
  try {
    r = numericRule(compile(game.rule, game.players));
  } catch {
    return 0; // the library says what is wrong at once
  }
  if (!r) return 0;
  const indices = opts.indices ?? POWER_INDEX_NAMES;
  const want = new Set(indices);
  const base = n * K.perPlayer;
  if (opts.method === 'enumerate') return n > ENUMERATION_MAX_PLAYERS ? 0 : base + enumerationMs(n);
  if (n < B.enumerateBelow) return base + enumerationMs(n);
  const johnston = want.has('johnston') ? johnstonMs(n) : 0;
  const holler = want.has('holler');
  const dp = want.has('deegan-packel');
  const ss = want.has('shapley-shubik');
  const g = asWeightedGame(r);
  if (g) {
    if (dp) {
      const cost = sizeTableCost(g, true);
      const budget = B.sizeMinimalOps * (indices.length < POWER_INDEX_NAMES.length ? 4 : 1);
      if (cost.ops <= budget && cost.cells <= B.weightedCells)
        return base + cost.ops * K.minimalOp + n * n * K.sizePair + johnston;
    }
    const bySize = ss ? sizeTableCost(g) : null;
    const fits = bySize ? bySize.ops <= B.weightedOps && bySize.cells <= B.weightedCells : fitsWeighted(g);
    if (fits)
      return (
        base +
        (bySize ? bySize.ops * K.sizeOp + n * n * K.sizePair : weightedOps(g) * K.weightedOp) +
        (holler ? hollerMs(g) : 0) +
        johnston
      );
  }
  // For a weighted game whose table by size and weight is over budget, the generating functions
  // (by size and weight too, modulo several primes) are over it as well — 2.5 to 6 times its
  // operations on the benchmark's games — and planning them costs up to 0.1 s: not planned here.
  const gfHopeless = g !== null && ss;
  if (!gfHopeless && !gfObstacle(r)) {
    const plan = planGf(r);
    if (plan.buildOps <= B.gfOps && plan.cells * plan.primes.length <= B.gfCells) {
      const minimal = (holler || dp) && plan.minimalOps <= B.gfMinimalOps;
      return (
        base +
        plan.buildOps * K.gfOp +
        (minimal ? plan.minimalOps * K.gfMinimalOp : holler ? plan.buildOps * K.gfOp : 0) +
        n * n * K.sizePair +
        johnston
      );
    }
  }
  // the decision diagram, within its budget (an upper bound: it may finish, or give up, sooner)
  const diagram = Math.min(B.diagramNodes * (n + 1), B.diagramCells) * K.diagramCell;
  if (g && fitsWeighted(g))
    return base + diagram + weightedOps(g) * K.weightedOp + (holler ? hollerMs(g) : 0) + johnston;
  if (n <= ENUMERATION_MAX_PLAYERS && n <= 22) return base + diagram + enumerationMs(n);
  return opts.method === 'exact' ? base + diagram : base + diagram + montecarloMs(n, DEFAULT_SAMPLES);
}

function fitsWeighted(g: WeightedGame): boolean {
  return weightedOps(g) <= B.weightedOps && weightedCells(g) <= B.weightedCells;
}

const montecarloMs = (n: number, samples: number) => samples * n * K.montecarlo;
const enumerationMs = (n: number) => 2 ** n * n * K.enumerated;
/** Listing the winning coalitions: at most 2^23 (the budget), and more than that above 24 players. */
const johnstonMs = (n: number) =>
  n <= 24 ? Math.min(2 ** (n - 1), B.johnstonCoalitions) * n * K.johnston : 0;

/**
 * Holler over the table by weight (src/power/holler.ts `weightedHoller`, one count per class of
 * equal weights): its own measure, `weightedHollerOps`, which src/power/power.ts checks against the
 * budget (gfOps + gfMinimalOps); 0 past it. Calibrated on the 741- and 3,434-player games of EPIC's
 * test cases (68 ms for 1.5·10⁸, 0.68 s for 2.7·10⁹ operations).
 */
function hollerMs(g: WeightedGame): number {
  const ops = weightedHollerOps(g);
  return ops > B.gfOps + B.gfMinimalOps ? 0 : ops * K.hollerOp;
}
