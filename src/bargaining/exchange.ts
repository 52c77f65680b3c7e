/**
 * Stokman's exchange model of collective decision making, Equal Gain variant: over a scenario's
 * issues, pairs of actors trade position shifts on issues they weigh differently. Each round
 *
 *  1. the forecast of each issue is the "Nash bargaining solution" (the capability × salience
 *     weighted mean of the positions, the compromise model), and each actor is left or right of it;
 *  2. for every pair of issues (p, q), two actors on opposite sides of both forecasts (groups A–D,
 *     B–C) can exchange: the one that weighs q more relative to p shifts its position on p towards
 *     the other, who shifts on q in return, by amounts that give both the same gain in expected
 *     utility (the "equal gain" rate of exchange), a shift being capped at the partner's position and
 *     at the point where the issue's forecast would pass the partner's position;
 *  3. the exchange with the highest gain is made; every other exchange that shares an actor and an
 *     issue with it is recalculated on the new positions, and so on until no exchange is left;
 *  4. the voting positions give the round's forecast; each actor that exchanged starts the next round
 *     from  x' = (1 − s)·0.4·y + 0.1·y + (1 − (1 − s)·0.4 − 0.1)·x  (salience weight 0.4, fixed
 *     weight 0.1: a shift sticks more on issues the actor cares less about).
 *
 * The externalities of each exchange on the other actors (the gain or loss in utility from the moves
 * of the two issues' forecasts, Σ_issue s·(|O₀ − x| − |O₁ − x|)) are summed per actor: own (the two
 * exchanging actors' gain), inner (actors of the same two groups) and outer, positive and negative.
 *
 * Sources: Stokman & Van Oosten (1994), "The exchange of voting positions", in Bueno de Mesquita &
 * Stokman (eds.), European Community Decision Making; Stokman & Van der Knoop, the Equal Gain model;
 * Dijkstra, Van Assen & Stokman (2008), "Outcomes of collective decisions with externalities
 * predicted", Journal of Conflict Resolution 52(5). The computation follows the reference
 * implementation, the `decide` package (foarsitter/decide-exchange-model, GPL-3.0; read and run, not
 * copied: this is an independent implementation), including its choices that the papers do not fix —
 * positions normalised to 0–100 per issue; the cap by the forecast computed from the positions after
 * the exchanges already made on the issue this round; the direction-consistency check of an actor's
 * successive shifts on one issue; an exchange needs a gain above 1e−10 and each shift above 1e−10 and
 * within 0–100.
 * Ties between equal gains are broken by the order of the pairs (the package breaks exact ties at
 * random). Golden test: test/bargaining/exchange.test.ts.
 *
 * The randomised Equal Gain (`p` > 0, the package's `--p`): as decide/model/equalgain.py
 * (EqualGainExchange.calculate, calculate_maximum_utility, EqualGainExchangeActor.randomized_gain at
 * commit 51dee66), every calculation of an exchange draws u, v, z from the injected, seeded rng; u
 * picks the side, v whether it wins (gain eu + p·z·(max − eu)) or loses (eu − p·z·eu), and the moves
 * follow from that side moving all the way. The exchanges are still ordered by the Equal Gain gain.
 * Two of the package's choices are kept as written, so that runs compare: where the forecast cap
 * binds the drawn side keeps its full move (its sign applied twice), and with the partner's move
 * capped the forecast is not checked. Repetitions (exchangeRepeated): run r draws from
 * seededRng(seed + r); the mean and population sd of the final forecasts, as the package's
 * average_and_variance. Tests: test/bargaining/exchange-random.test.ts (the package reproduced with
 * fixed draws over 10 rounds; its distribution over 2000 repetitions). The package's Random Rate
 * model (decide/model/randomrate.py) is not built: at 51dee66 it reads attributes that its
 * AbstractExchangeActor no longer has (`s_demand`, `x_demand`, `actor_name`), so it cannot run.
 *
 * Pure: no I/O; on a scenario (scenarioExchange) each dimension of an issue is an issue of the model.
 */
import { type Rng, seededRng } from '../power/rng.js';
import type { ResolvedScenario } from '../scenario/types.js';

export interface ExchangeIssueInput {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
  /** Position per actor (NaN or has = 0: the actor takes no part in the issue). */
  readonly position: ArrayLike<number>;
  /** Salience per actor, on 0–1. */
  readonly salience: ArrayLike<number>;
  readonly has: ArrayLike<number>;
  /** Power per actor on this issue (defaults to the scenario capability). */
  readonly power?: ArrayLike<number>;
}

export interface ExchangeInput {
  readonly actors: readonly string[];
  readonly capability: ArrayLike<number>;
  readonly issues: readonly ExchangeIssueInput[];
}

export interface ExchangeOptions {
  /** Rounds (the package's `iterations`, default 10). */
  readonly rounds?: number;
  /** Weight of (1 − salience) in the next round's start position (package default 0.4). */
  readonly salienceWeight?: number;
  /** Fixed weight of the voting position in the next start position (package default 0.1). */
  readonly fixedWeight?: number;
  /**
   * The randomised Equal Gain's `p` (the package's `--p`, `randomized_value`), in [0, 1]: 0 is the
   * plain Equal Gain; above 0 each exchange's split of the gain is drawn at random (see
   * randomisedGain). Needs `rng` when above 0.
   */
  readonly p?: number;
  /** The random draws of the randomised Equal Gain (seeded: src/power/rng.ts). */
  readonly rng?: Rng;
  /**
   * Runs of the model (the package's `--repetitions`), repetition r drawing from seededRng(seed + r);
   * only scenarioExchange repeats (default 1).
   */
  readonly repetitions?: number;
  /** The seed of the repetitions' draws (default 1). */
  readonly seed?: number;
}

/** The repetitions of a randomised run: each one's final forecast, and their mean and spread. */
export interface ExchangeSummary {
  readonly p: number;
  readonly seed: number;
  readonly repetitions: number;
  /** The final forecast per repetition and model issue (own scale). */
  readonly forecasts: readonly Float64Array[];
  /** Exchanges made per repetition (all rounds). */
  readonly exchanges: readonly number[];
  /** Mean and standard deviation (population, as the package's average_and_variance) per model issue. */
  readonly mean: Float64Array;
  readonly sd: Float64Array;
}

/**
 * The model `repetitions` times, repetition r with its own stream seededRng(seed + r): the first run
 * in full and every run's final forecast, with their mean and population standard deviation (the
 * package's decide/cli.py loop over repetitions, and IssueDevelopment's average_and_variance).
 */
export function exchangeRepeated(
  input: ExchangeInput,
  opts: ExchangeOptions = {},
): { readonly first: ExchangeResult; readonly summary: ExchangeSummary } {
  const reps = opts.repetitions ?? 1;
  const seed = opts.seed ?? 1;
  const p = opts.p ?? 0;
  const forecasts: Float64Array[] = [];
  const exchanges: number[] = [];
  let first: ExchangeResult | null = null;
  for (let r = 0; r < reps; r++) {
    const run = exchangeModel(input, { ...opts, rng: seededRng(seed + r) });
    first ??= run;
    forecasts.push(run.forecast);
    exchanges.push(run.rounds.reduce((t, rd) => t + rd.exchanges.length, 0));
  }
  const k = input.issues.length;
  const mean = new Float64Array(k);
  const sd = new Float64Array(k);
  for (let q = 0; q < k; q++) {
    let t = 0;
    for (const f of forecasts) t += f[q]!;
    mean[q] = t / reps;
    let v = 0;
    for (const f of forecasts) v += (f[q]! - mean[q]!) ** 2;
    sd[q] = Math.sqrt(v / reps);
  }
  return { first: first!, summary: { p, seed, repetitions: reps, forecasts, exchanges, mean, sd } };
}

export interface ExchangeSide {
  /** Actor index. */
  readonly actor: number;
  /** Issue index the actor moves on (its supply issue). */
  readonly supply: number;
  /** Issue index on which it gets the partner's move (its demand issue). */
  readonly demand: number;
  /** Position before and after, on the issue's own scale. */
  readonly from: number;
  readonly to: number;
  readonly gain: number;
}

export interface ExchangeMade {
  readonly i: ExchangeSide;
  readonly j: ExchangeSide;
  /** The (equal) gain in expected utility of each side, on the 0–100 scale × salience. */
  readonly gain: number;
}

export interface Externalities {
  /** Own gain, inner positive/negative, outer positive/negative, summed over the round's exchanges. */
  own: number;
  innerPositive: number;
  innerNegative: number;
  outerPositive: number;
  outerNegative: number;
}

export interface ExchangeRound {
  /** Forecast per issue at the start of the round (weighted mean of the start positions). */
  readonly before: Float64Array;
  /** Forecast per issue from the voting positions after the round's exchanges. */
  readonly after: Float64Array;
  readonly exchanges: readonly ExchangeMade[];
  /** Externalities per actor. */
  readonly externalities: readonly Externalities[];
  /** Externalities per issue (of the exchanges with that issue as one of their two issues). */
  readonly issueExternalities: readonly Externalities[];
}

export interface ExchangeResult {
  readonly rounds: readonly ExchangeRound[];
  /** Start positions after the last round, per issue and actor (NaN where absent), own scale. */
  readonly positions: readonly Float64Array[];
  /** The forecast per issue: the last round's voting-position forecast (own scale). */
  readonly forecast: Float64Array;
}

interface Side {
  actor: number;
  sup: number;
  dem: number;
  x: number; // supply position (0–100), updated by recalculation
  sS: number; // salience on supply
  cS: number; // power on supply
  xD: number; // position on demand issue
  sD: number; // salience on demand
  y: number;
  start: number;
  move: number;
  moves: number[];
  nbs0: number;
  nbs1: number;
  /** This side's gain (the equal gain, or its randomised share when p > 0). */
  eu: number;
  /** The randomised Equal Gain's maximum gain of this side (calculate_maximum_utility). */
  euMax: number;
  opp: Side;
}

interface Exchange {
  i: Side;
  j: Side;
  p: number;
  q: number;
  inner: [number, number];
  gain: number;
  dp: number;
  dq: number;
  valid: boolean;
  /** Positions of other actors moved by exchanges made this round, per issue (made on first use). */
  updates: Updates | null;
}

/**
 * Positions of other actors moved by exchanges made this round, on one issue: actor → position in
 * the order first set (a small list: at most one entry per actor; the order is the order of the sums).
 */
class Upd {
  readonly a: number[] = [];
  readonly v: number[] = [];
  get(actor: number): number | undefined {
    const k = this.a.indexOf(actor);
    return k < 0 ? undefined : this.v[k];
  }
  set(actor: number, value: number): void {
    const k = this.a.indexOf(actor);
    if (k < 0) {
      this.a.push(actor);
      this.v.push(value);
    } else this.v[k] = value;
  }
}

/** An exchange's updates on its two issues (an update's issue is always one of the two supply issues). */
class Updates {
  readonly issue: [number, number];
  readonly by: [Upd | null, Upd | null] = [null, null];
  constructor(p: number, q: number) {
    this.issue = [p, q];
  }
  get(issue: number): Upd | undefined {
    if (issue === this.issue[0]) return this.by[0] ?? undefined;
    if (issue === this.issue[1]) return this.by[1] ?? undefined;
    return undefined;
  }
  make(issue: number): Upd {
    const k = issue === this.issue[0] ? 0 : 1;
    this.by[k] ??= new Upd();
    return this.by[k]!;
  }
}

const EPS = 1e-10;
/** Relative difference under which two gains are a tie. */
const TIE = 1e-12;
/** Tolerance of the 0–100 bounds (the package computes in 28-digit decimals). */
const BOUND = 1e-9;

class Model {
  readonly n: number;
  readonly k: number;
  readonly x: Float64Array[]; // normalised positions
  readonly s: Float64Array[];
  readonly c: Float64Array[];
  readonly has: Uint8Array[];
  readonly denom: Float64Array;
  readonly nbs: Float64Array;
  /** c·s per issue and actor (0 where absent), and Σ c·s·x of the round's start positions. */
  readonly w: Float64Array[];
  readonly sum: Float64Array;
  /** The randomised Equal Gain's p (0: none) and its draws. */
  p = 0;
  rng: Rng | null = null;

  constructor(input: ExchangeInput) {
    this.n = input.actors.length;
    this.k = input.issues.length;
    this.x = [];
    this.s = [];
    this.c = [];
    this.has = [];
    for (const is of input.issues) {
      const step = is.hi - is.lo !== 0 ? 100 / (is.hi - is.lo) : 0;
      const x = new Float64Array(this.n);
      const s = new Float64Array(this.n);
      const c = new Float64Array(this.n);
      const h = new Uint8Array(this.n);
      for (let a = 0; a < this.n; a++) {
        const pos = is.position[a]!;
        if (is.has[a] === 0 || !Number.isFinite(pos)) continue;
        h[a] = 1;
        x[a] = (pos - is.lo) * step;
        s[a] = is.salience[a]!;
        c[a] = is.power ? is.power[a]! : input.capability[a]!;
      }
      this.x.push(x);
      this.s.push(s);
      this.c.push(c);
      this.has.push(h);
    }
    this.denom = new Float64Array(this.k);
    this.nbs = new Float64Array(this.k);
    this.sum = new Float64Array(this.k);
    this.w = this.s.map((s, q) => Float64Array.from(s, (v, a) => (this.has[q]![a] ? v * this.c[q]![a]! : 0)));
  }

  calcNbs(): void {
    for (let q = 0; q < this.k; q++) {
      let num = 0;
      let den = 0;
      for (let a = 0; a < this.n; a++) {
        if (!this.has[q]![a]) continue;
        const w = this.s[q]![a]! * this.c[q]![a]!;
        num += w * this.x[q]![a]!;
        den += w;
      }
      this.denom[q] = den;
      this.sum[q] = num;
      this.nbs[q] = den === 0 ? 0 : num / den;
    }
  }

  /**
   * Σ c·s·x on the side's supply issue with the exchange's updates applied and the side's own
   * position at `own` (unless an update names it): the round's sum corrected by the few updates.
   */
  private adjustedSum(e: Exchange, side: Side, own: number): number {
    const q = side.sup;
    const x = this.x[q]!;
    const w = this.w[q]!;
    let num = this.sum[q]!;
    const upd = e.updates?.get(q);
    let selfUpdated = false;
    if (upd) {
      const as = upd.a;
      const vs = upd.v;
      const has = this.has[q]!;
      for (let t = 0; t < as.length; t++) {
        const a = as[t]!;
        if (!has[a]) continue;
        num += w[a]! * (vs[t]! - x[a]!);
        if (a === side.actor) selfUpdated = true;
      }
    }
    if (!selfUpdated) num += w[side.actor]! * (own - x[side.actor]!);
    return num;
  }

  /** The forecast on the side's supply issue with the exchange's updates and the side at `pos`. */
  adjustNbs(e: Exchange, side: Side, pos: number): number {
    const den = this.denom[side.sup]!;
    if (den === 0) return 0;
    // Here the side's position wins over an update naming it (the package sets it last).
    const q = side.sup;
    const upd = e.updates?.get(q);
    const mine = upd?.get(side.actor);
    let num = this.adjustedSum(e, side, pos);
    if (mine !== undefined) num += this.w[q]![side.actor]! * (pos - mine);
    return num / den;
  }

  /**
   * The shift of the side that brings the forecast (with the exchange's updates, the side at its
   * supply position) to `target`: (target − O)·Σcs / (s·c).
   */
  shiftToNbs(e: Exchange, side: Side, target: number): number {
    const num = this.adjustedSum(e, side, side.x);
    return (target * this.denom[side.sup]! - num) / (side.sS * side.cS);
  }
}

function moveValid(side: Side, move: number): boolean {
  if (Math.abs(move) > 100 || Math.abs(move) <= EPS) return false;
  if (side.x + move < -BOUND || side.x + move > 100 + BOUND) return false;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const m of side.moves) {
    sum += m;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  if (sum > 100) return false;
  return (min < 0 && max < 0) || (min > 0 && max > 0);
}

/** Utility gain of a side: |demand ratio × supply salience − supply ratio × demand salience|. */
function eu(side: Side, demandRatio: number, supplyRatio: number): number {
  return Math.abs(demandRatio * side.sS - supplyRatio * side.sD);
}

function side(m: Model, actor: number, sup: number, dem: number): Side {
  const x = m.x[sup]![actor]!;
  return {
    actor,
    sup,
    dem,
    x,
    sS: m.s[sup]![actor]!,
    cS: m.c[sup]![actor]!,
    xD: m.x[dem]![actor]!,
    sD: m.s[dem]![actor]!,
    y: Number.NaN,
    start: x,
    move: 0,
    moves: [],
    nbs0: 0,
    nbs1: 0,
    eu: 0,
    euMax: 0,
    opp: null as unknown as Side,
  };
}

function checkNbs(m: Model, e: Exchange, me: Side): void {
  me.nbs0 = m.adjustNbs(e, me, me.x);
  me.nbs1 = m.adjustNbs(e, me, me.y);
  const o = me.opp;
  const x = o.xD;
  if ((x - me.nbs0 >= 0 && x - me.nbs1 >= 0) || (x - me.nbs0 <= 0 && x - me.nbs1 <= 0)) return;
  // The forecast would pass the partner's position: cap the shift there.
  const delta = Math.abs(m.shiftToNbs(e, me, x));
  e.dp = (delta * me.sS * me.cS) / m.denom[me.sup]!;
  e.dq = ((me.sS + o.sD) / (me.sD + o.sS)) * e.dp;
  o.move = Math.abs((e.dq * m.denom[o.sup]!) / (o.cS * o.sS));
  me.move = delta;
  if (o.x > me.xD) o.move = -o.move;
  if (me.x > o.xD) me.move = -me.move;
  o.moves.pop();
  me.moves.pop();
  o.moves.push(o.move);
  me.moves.push(me.move);
  o.y = o.x + o.move;
  me.y = me.x + me.move;
  e.gain = eu(o, e.dq, e.dp);
  const b1 = moveValid(o, o.move);
  const b2 = moveValid(me, me.move);
  me.nbs1 = m.adjustNbs(e, me, me.y);
  e.valid = b1 && b2;
}

function calculate(m: Model, e: Exchange): void {
  const { i, j } = e;
  const denI = m.denom[i.sup]!;
  const denJ = m.denom[j.sup]!;
  e.dp = (Math.abs(i.xD - j.x) * j.sS * j.cS) / denJ;
  e.dq = ((j.sS + i.sD) / (j.sD + i.sS)) * e.dp;
  i.move = (e.dq * denI) / (i.cS * i.sS);
  j.move = Math.abs(i.xD - j.x);
  if (Math.abs(i.move) > Math.abs(j.xD - i.x)) {
    e.dq = (Math.abs(j.xD - i.x) * i.sS * i.cS) / denI;
    e.dp = ((i.sS + j.sD) / (i.sD + j.sS)) * e.dq;
    i.move = Math.abs(j.xD - i.x);
    j.move = (e.dp * denJ) / (j.cS * j.sS);
  }
  if (i.x > j.xD) i.move = -i.move;
  if (j.x > i.xD) j.move = -j.move;
  i.moves.push(i.move);
  j.moves.push(j.move);
  i.y = i.x + i.move;
  j.y = j.x + j.move;
  e.gain = eu(i, e.dq, e.dp);
  e.valid = moveValid(i, i.move) && moveValid(j, j.move);
  if (e.gain < EPS) e.valid = false;
  if (!e.valid) return;
  checkNbs(m, e, i);
  checkNbs(m, e, j);
  e.valid = moveValid(i, i.move) && moveValid(j, j.move);
  i.eu = e.gain;
  j.eu = e.gain;
  if (m.p > 0 && m.rng) {
    // The package draws u, v, z (in this order) on every calculation of an exchange that was valid
    // before its forecast check, the check's outcome aside (equalgain.py EqualGainExchange.calculate).
    const u = m.rng.next();
    const v = m.rng.next();
    const z = m.rng.next();
    maximumUtility(m, e);
    randomisedGain(m, e, u < 0.5 ? i : j, v, z);
  }
}

/**
 * Each side's maximum gain, `calculate_maximum_utility` of equalgain.py (literally, including its
 * test of "Pareto optimal" as the side's voting position equal to its own position on its demand
 * issue): the forecasts' shifts if both moved all the way to the partner, each side's gain and loss
 * from them, and the maxima that the winner of the draw can reach.
 */
function maximumUtility(m: Model, e: Exchange): void {
  const { i, j } = e;
  const iPO = i.xD === i.y;
  const jPO = j.xD === j.y;
  const dI = Math.abs(i.nbs0 - m.adjustNbs(e, i, iPO ? i.y : j.xD));
  const dJ = Math.abs(j.nbs0 - m.adjustNbs(e, j, jPO ? j.y : i.xD));
  const loss1 = dJ * j.sS;
  const gain2 = dJ * i.sD;
  const loss2 = dI * i.sS;
  const gain1 = dI * j.sD;
  let over = 0;
  if (iPO && gain1 - loss1 > 0) over = gain2 - (loss1 / j.sD) * i.sS;
  if (jPO && gain2 - loss2 > 0) over = gain1 - (loss2 / i.sD) * j.sS;
  const [a, gain, loss] = gain2 > gain1 ? [j, gain1, loss2] : [i, gain2, loss1];
  const s = a.sS / (a.sS + a.opp.sD);
  const d1 = loss / (s * a.opp.sD);
  const d2 = gain / (s * a.sS);
  // The package takes the override when it is truthy (a Decimal 0 is not).
  a.opp.euMax = over !== 0 ? over : s * a.opp.sD * d2 - loss;
  a.euMax = gain - s * a.sS * d1;
}

/**
 * The randomised Equal Gain (`randomized_gain` of equalgain.py): the side `me` drawn by u wins with
 * v < 0.5, its gain becoming eu + p·z·(max − eu), or loses, eu − p·z·eu; it moves all the way to its
 * partner and the partner's move follows from that gain, capped at the partner's full move (then
 * `me`'s move follows instead) and, when `me` moves all the way, at the point where `me`'s issue's
 * forecast would pass the partner. Written as the package computes it, with two of its choices kept
 * (said in docs/models.md): in the cap at the forecast, `me` keeps its full move and its sign is
 * applied twice; with the partner's move capped the forecast is not checked.
 */
function randomisedGain(m: Model, e: Exchange, me: Side, v: number, z: number): void {
  const o = me.opp;
  const p = m.p;
  const eu = e.gain;
  const eui = v < 0.5 ? eu + p * z * (me.euMax - eu) : eu - p * z * eu;
  const denMe = m.denom[me.sup]!;
  const denO = m.denom[o.sup]!;
  let moveI = Math.abs(me.x - o.xD);
  let rq = (moveI * me.sS * me.cS) / denMe;
  let rp = (eui + rq * me.sS) / me.sD;
  let moveJ = (rp * denO) / (o.cS * o.sS);
  let euj = Math.abs(rp * o.sS - rq * o.sD);
  const dJ = Math.abs(o.x - me.xD);
  if (Math.abs(moveJ) > dJ) {
    rp = (dJ * o.sS * o.cS) / denO;
    rq = Math.abs((eui - rp * me.sD) / me.sS);
    moveJ = dJ;
    moveI = (rq * denMe) / (me.cS * me.sS);
    if (Math.abs(moveI) < Math.abs(me.x - o.xD)) euj = Math.abs(rp * o.sS - rq * o.sD);
  } else {
    const moveIa = me.x > o.xD ? -moveI : moveI;
    const adj = m.adjustNbs(e, me, me.x + moveIa);
    const x = o.xD;
    if (!((x >= me.nbs0 && x >= adj) || (x <= me.nbs0 && x <= adj))) {
      const delta = Math.abs(m.shiftToNbs(e, me, x));
      rq = (delta * me.sS * me.cS) / denMe;
      rp = (eui + rq * me.sS) / me.sD;
      moveJ = (rp * denO) / (o.cS * o.sS);
      euj = Math.abs(rp * o.sS - rq * o.sD);
      moveI = moveIa;
    }
  }
  me.eu = eui;
  o.eu = euj;
  me.move = me.x > o.xD ? -moveI : moveI;
  o.move = o.x > me.xD ? -moveJ : moveJ;
  me.moves.pop();
  me.moves.push(me.move);
  o.moves.pop();
  o.moves.push(o.move);
  me.y = me.x + me.move;
  o.y = o.x + o.move;
  e.valid = moveValid(me, me.move) && moveValid(o, o.move);
  for (const sd of [me, o]) {
    sd.nbs0 = m.adjustNbs(e, sd, sd.x);
    sd.nbs1 = m.adjustNbs(e, sd, sd.y);
  }
}

function setUpdate(e: Exchange, issue: number, s: Side): void {
  e.updates ??= new Updates(e.i.sup, e.j.sup);
  if (issue !== e.i.sup && issue !== e.j.sup)
    throw new Error('exchange model: an update outside the exchange’s issues');
  const u = e.updates.make(issue);
  const prev = u.get(s.actor);
  if (prev === undefined) u.set(s.actor, s.y);
  else if (s.start <= prev) u.set(s.actor, prev < s.y ? prev : s.y);
  else u.set(s.actor, prev > s.y ? prev : s.y);
}

const sameSupply = (a: Side, b: Side): boolean => a.actor === b.actor && a.sup === b.sup;
const sameDemand = (a: Side, b: Side): boolean => a.actor === b.actor && a.dem === b.dem;

/** Moves `mine` to the made exchange's new position when they share the actor and supply issue. */
function follow(mine: Side, done: Exchange): boolean {
  const src = sameSupply(mine, done.i) ? done.i : sameSupply(mine, done.j) ? done.j : null;
  if (!src) return false;
  mine.x = src.y;
  mine.moves.push(src.moves[src.moves.length - 1]!);
  return true;
}

function dropMoves(e: Exchange): void {
  e.i.moves.pop();
  e.j.moves.pop();
}

/** Another exchange was made: shift this one's positions and recalculate it if they share a side. */
function recalculate(m: Model, e: Exchange, done: Exchange): void {
  const invI = follow(e.i, done);
  const invJ = follow(e.j, done);
  let re = invI || invJ;
  if (re) dropMoves(e);
  if (sameDemand(done.j, e.j) || sameDemand(done.j, e.i)) {
    setUpdate(e, done.j.dem, done.i);
    if (!re) {
      dropMoves(e);
      re = true;
    }
  }
  if (sameDemand(done.i, e.j) || sameDemand(done.i, e.i)) {
    setUpdate(e, done.i.dem, done.j);
    if (!re) {
      dropMoves(e);
      re = true;
    }
  }
  if (re) calculate(m, e);
}

function byGain(a: Exchange, b: Exchange): number {
  const d = b.gain - a.gain;
  return Math.abs(d) <= TIE * Math.max(Math.abs(a.gain), Math.abs(b.gain)) ? 0 : d;
}

function zeroExt(): Externalities {
  return { own: 0, innerPositive: 0, innerNegative: 0, outerPositive: 0, outerNegative: 0 };
}

export function exchangeModel(input: ExchangeInput, opts: ExchangeOptions = {}): ExchangeResult {
  const roundsN = opts.rounds ?? 10;
  const sw = opts.salienceWeight ?? 0.4;
  const fw = opts.fixedWeight ?? 0.1;
  const m = new Model(input);
  m.p = opts.p ?? 0;
  m.rng = opts.rng ?? null;
  if (m.p > 0 && !m.rng) throw new Error('exchange model: p > 0 needs an rng');
  const { n, k } = m;
  const step = input.issues.map((is) => (is.hi - is.lo !== 0 ? 100 / (is.hi - is.lo) : 0));
  const denorm = (q: number, v: number) =>
    v === 0 || step[q] === 0 ? input.issues[q]!.lo : v / step[q]! + input.issues[q]!.lo;
  const rounds: ExchangeRound[] = [];
  const left: Uint8Array[] = Array.from({ length: k }, () => new Uint8Array(n));
  for (let r = 0; r < roundsN; r++) {
    m.calcNbs();
    const before = Float64Array.from(m.nbs, (v, q) => denorm(q, v));
    for (let q = 0; q < k; q++) for (let a = 0; a < n; a++) left[q]![a] = m.x[q]![a]! <= m.nbs[q]! ? 1 : 0;
    // Groups per issue pair and the candidate exchanges.
    const groupOf = new Map<number, Int8Array>();
    let list: Exchange[] = [];
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const g = new Int8Array(n).fill(-1);
        const pos: number[][] = [[], [], [], []];
        for (let a = 0; a < n; a++) {
          if (!m.has[p]![a] || !m.has[q]![a]) continue;
          g[a] = left[p]![a]! | (left[q]![a]! * 2);
          pos[g[a]!]!.push(a);
        }
        groupOf.set(p * k + q, g);
        for (const [ga, gb] of [
          [0, 3],
          [1, 2],
        ] as const) {
          for (const a of pos[ga]!) {
            for (const b of pos[gb]!) {
              // Skip pairs with a zero salience (the package divides by it).
              if (m.s[p]![a] === 0 || m.s[q]![a] === 0 || m.s[p]![b] === 0 || m.s[q]![b] === 0) continue;
              const swap = m.s[p]![a]! / m.s[q]![a]! < m.s[p]![b]! / m.s[q]![b]!;
              const si = swap ? side(m, b, q, p) : side(m, a, q, p);
              const sj = swap ? side(m, a, p, q) : side(m, b, p, q);
              si.opp = sj;
              sj.opp = si;
              const e: Exchange = {
                i: si,
                j: sj,
                p,
                q,
                inner: [ga, gb],
                gain: 0,
                dp: 0,
                dq: 0,
                valid: true,
                updates: null,
              };
              calculate(m, e);
              list.push(e);
            }
          }
        }
      }
    }
    // An invalid exchange never becomes valid again: the package pops and drops them one by one,
    // which leaves the order of the others as it is; drop them all at once (the recalculation
    // below keeps only valid ones).
    list = list.filter((e) => e.valid);
    const made: Exchange[] = [];
    const ext = Array.from({ length: n }, zeroExt);
    const issueExt = Array.from({ length: k }, zeroExt);
    // Highest gain first; a stable sort keeps the pair order among gains equal to 12 digits (the
    // package's 28-digit decimals make such ties exact, and it then keeps the list order). The list
    // is sorted once. After each exchange only the exchanges recalculated against it can change
    // gain: they are taken out, sorted among themselves (ties by list order) and put back each at
    // the place a stable sort of the whole list would give it (binary search among the others,
    // which stay in order). The actors of each listed exchange are kept in a flat array beside the
    // list, so the search for the exchanges sharing an actor touches no object.
    list.sort(byGain);
    const pool = list;
    let len = pool.length;
    // Slot t of the sorted list: the exchange pool[idx[t]], its actors act[2t], act[2t + 1] and its
    // gain gain[t] (the comparisons of the merge read these flat arrays, not the objects).
    let idx = new Int32Array(len);
    let act = new Int32Array(2 * len);
    let gain = new Float64Array(len);
    for (let t = 0; t < len; t++) {
      idx[t] = t;
      act[2 * t] = pool[t]!.i.actor;
      act[2 * t + 1] = pool[t]!.j.actor;
      gain[t] = pool[t]!.gain;
    }
    let idx2 = new Int32Array(len);
    let act2 = new Int32Array(2 * len);
    let gain2 = new Float64Array(len);
    const removed = new Uint8Array(len);
    const changed: number[] = [];
    /** byGain on two gains. */
    const cmpGain = (ga: number, gb: number): number => {
      const d = gb - ga;
      return Math.abs(d) <= TIE * Math.max(Math.abs(ga), Math.abs(gb)) ? 0 : d;
    };
    let head = 0;
    while (head < len) {
      const best = pool[idx[head++]!]!;
      const ai = best.i.actor;
      const aj = best.j.actor;
      changed.length = 0;
      let anyRemoved = false;
      for (let t = head; t < len; t++) {
        const ei = act[2 * t]!;
        const ej = act[2 * t + 1]!;
        // Only an exchange with one of the two actors can be affected.
        if (ei !== ai && ei !== aj && ej !== ai && ej !== aj) continue;
        const e = pool[idx[t]!]!;
        recalculate(m, e, best);
        if (!e.valid) {
          removed[t] = 1;
          anyRemoved = true;
        } else if (e.gain !== gain[t]) {
          removed[t] = 1;
          anyRemoved = true;
          changed.push(t);
        }
      }
      if (anyRemoved) {
        // The changed ones in the order a stable sort gives them (their slot breaks ties).
        changed.sort((x, y) => cmpGain(pool[idx[x]!]!.gain, pool[idx[y]!]!.gain) || x - y);
        // Merge the kept ones (in slot order, still sorted) with the changed ones: each changed
        // exchange goes after every kept one with a higher gain, or an equal gain and a lower slot.
        // Runs of kept slots are copied whole; the place of a changed one is found by binary search.
        let o = 0;
        let c = 0;
        const copy = (from: number, to: number) => {
          if (to <= from) return;
          idx2.set(idx.subarray(from, to), o);
          act2.set(act.subarray(2 * from, 2 * to), 2 * o);
          gain2.set(gain.subarray(from, to), o);
          o += to - from;
        };
        const put = (t: number) => {
          const e = pool[idx[t]!]!;
          idx2[o] = idx[t]!;
          act2[2 * o] = act[2 * t]!;
          act2[2 * o + 1] = act[2 * t + 1]!;
          gain2[o] = e.gain;
          o++;
        };
        let t = head;
        while (t < len) {
          if (removed[t]) {
            t++;
            continue;
          }
          let r = t;
          while (r < len && !removed[r]) r++;
          let from = t;
          while (c < changed.length) {
            const ct = changed[c]!;
            const cg = pool[idx[ct]!]!.gain;
            let lo = from;
            let hi = r;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              const cmp = cmpGain(gain[mid]!, cg);
              if (cmp < 0 || (cmp === 0 && mid < ct)) lo = mid + 1;
              else hi = mid;
            }
            if (lo === r) break; // every kept one of the run comes first
            copy(from, lo);
            from = lo;
            put(ct);
            c++;
          }
          copy(from, r);
          t = r;
        }
        while (c < changed.length) put(changed[c++]!);
        removed.fill(0, 0, len);
        [idx, idx2] = [idx2, idx];
        [act, act2] = [act2, act];
        [gain, gain2] = [gain2, gain];
        len = o;
        head = 0;
      }
      made.push(best);
      // Externalities, on the round's start positions.
      const g = groupOf.get(best.p * k + best.q)!;
      const qi = best.i.sup;
      const qj = best.j.sup;
      for (let a = 0; a < n; a++) {
        let v = 0;
        if (m.has[qj]![a] && m.has[qi]![a]) {
          const xp = m.x[qj]![a]!;
          const xq = m.x[qi]![a]!;
          const l = Math.abs(best.j.nbs0 - xp) - Math.abs(best.j.nbs1 - xp);
          const rr = Math.abs(best.i.nbs0 - xq) - Math.abs(best.i.nbs1 - xq);
          v = l * m.s[qj]![a]! + rr * m.s[qi]![a]!;
        }
        let key: keyof Externalities;
        if (a === best.i.actor || a === best.j.actor) {
          key = 'own';
          v = best.gain;
        } else {
          const inner = g[a] === best.inner[0] || g[a] === best.inner[1];
          key =
            v > 0 ? (inner ? 'innerPositive' : 'outerPositive') : inner ? 'innerNegative' : 'outerNegative';
        }
        ext[a]![key] += v;
        issueExt[best.p]![key] += v;
        issueExt[best.q]![key] += v;
      }
    }
    const exchanges: ExchangeMade[] = made.map((e) => {
      const out = (s: Side): ExchangeSide => ({
        actor: s.actor,
        supply: s.sup,
        demand: s.dem,
        from: denorm(s.sup, s.x),
        to: denorm(s.sup, s.y),
        gain: s.eu,
      });
      return { i: out(e.i), j: out(e.j), gain: e.gain };
    });
    for (const e of made) {
      m.x[e.i.sup]![e.i.actor] = e.i.y;
      m.x[e.j.sup]![e.j.actor] = e.j.y;
    }
    m.calcNbs();
    const after = Float64Array.from(m.nbs, (v, q) => denorm(q, v));
    for (const e of made) {
      for (const s of [e.i, e.j]) {
        const sal = s.sS;
        m.x[s.sup]![s.actor] = (1 - sal) * sw * s.y + fw * s.y + (1 - (1 - sal) * sw - fw) * s.start;
      }
    }
    rounds.push({ before, after, exchanges, externalities: ext, issueExternalities: issueExt });
  }
  const positions = m.x.map((x, q) =>
    Float64Array.from(x, (v, a) => (m.has[q]![a] ? denorm(q, v) : Number.NaN)),
  );
  m.calcNbs();
  const forecast = rounds.length
    ? Float64Array.from(rounds[rounds.length - 1]!.after)
    : Float64Array.from(m.nbs, (v, q) => denorm(q, v));
  return { rounds, positions, forecast };
}

// ───────────────────────── on a resolved scenario ─────────────────────────

export interface ScenarioExchange {
  /** Null when the model cannot run (see `note`). */
  readonly result: ExchangeResult | null;
  /** Scenario issue index per model issue (one model issue per dimension of each issue). */
  readonly issues: readonly number[];
  /** Dimension index per model issue. */
  readonly dims: readonly number[];
  /** Label per model issue: the issue id, or `id.dimension` for an issue of several dimensions. */
  readonly labels: readonly string[];
  readonly note: string | null;
  /** With `p` > 0 or several repetitions: every repetition's forecast, their mean and spread. */
  readonly summary?: ExchangeSummary;
}

/**
 * The exchange model over a scenario's issues, with the scenario's capabilities as every actor's
 * power (the model depends only on their ratios). Each dimension of an issue of several dimensions
 * enters as an issue of its own, with the actors' positions and saliences on that dimension: the
 * model trades shifts between separately weighed decisions, and a dimension weighed on its own is
 * one (Stokman & Van Oosten 1994 model each issue as one such dimension).
 */
export function scenarioExchange(s: ResolvedScenario, opts: ExchangeOptions = {}): ScenarioExchange {
  const issues: number[] = [];
  const dims: number[] = [];
  const labels: string[] = [];
  const inputs: ExchangeIssueInput[] = [];
  const n = s.actors.length;
  s.issues.forEach((is, q) => {
    for (let d = 0; d < is.dims; d++) {
      issues.push(q);
      dims.push(d);
      labels.push(is.dims === 1 ? is.id : `${is.id}.${is.dimensionIds[d]}`);
      inputs.push({
        id: labels[labels.length - 1]!,
        lo: is.lo[d]!,
        hi: is.hi[d]!,
        position:
          is.dims === 1
            ? is.position
            : Float64Array.from({ length: n }, (_, a) => is.position[a * is.dims + d]!),
        salience:
          is.dims === 1
            ? is.salience
            : Float64Array.from({ length: n }, (_, a) => is.salience[a * is.dims + d]!),
        has: is.has,
      });
    }
  });
  if (inputs.length < 2) {
    return {
      result: null,
      issues,
      dims,
      labels,
      note: 'the exchange model trades shifts between issues; this scenario has one issue',
    };
  }
  const input: ExchangeInput = {
    actors: s.actors.map((a) => a.id),
    capability: s.capability,
    issues: inputs,
  };
  // An injected rng is one run drawing from it; otherwise p > 0 or several repetitions repeat.
  if (!opts.rng && ((opts.p ?? 0) > 0 || (opts.repetitions ?? 1) > 1)) {
    const { first, summary } = exchangeRepeated(input, opts);
    return { result: first, issues, dims, labels, note: null, summary };
  }
  return { result: exchangeModel(input, opts), issues, dims, labels, note: null };
}
