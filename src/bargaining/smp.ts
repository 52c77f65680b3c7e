/**
 * KTAB's Spatial Model of Politics (SMP): actors in one or several dimensions challenge one another
 * in probabilistic Condorcet elections, strike bargains, and adopt the bargain their whole
 * community is most likely to back, turn after turn, until the positions stop moving.
 *
 * One turn, from the positions of the turn (each actor's ideal is its position: KTAB's identity
 * "accommodation" matrix, which its CSV input always uses):
 *
 *  1. **Distances and risk.** d(i,j) is the salience-weighted distance from i to j's position,
 *     √(Σ_d (s_id·Δ_d)² / Σ_d s_id²) on the 0–1 scale. With risk-neutral utilities 1 − d, a
 *     probabilistic Condorcet election among all positions (coalitions of capability × utility
 *     difference, the victory-probability model, the PCE model) gives each position a probability;
 *     the risk attitude R_i ∈ [−½, 1] ("Mid" range) rises with it: (3p − (pMax + 2pMin)) / (2(pMax − pMin)).
 *     Actor h's estimate of i's risk attitude is (2R_h + R_i)/3 ("OneThird" adjustment), and h's
 *     estimate of i's utility for j's position is u = (1 − d)(1 + d·R).
 *  2. **Challenges.** Each actor i estimates, for every j, the probability that i beats j: i and j
 *     vote with weight salience × capability, every third party n joins the side it prefers after
 *     weighing the "little conflict" of three (its vote also salience × capability; "SemiCommit":
 *     a winning third party keeps its own position on one of the three counts). The expected change
 *     in i's utility is (1 − s_j)·2u_ii + s_j·(p·2u_ii + (1 − p)·2u_ij) − (u_ii + u_ij); i challenges
 *     the j with the largest gain above 10⁻⁵, or no one.
 *  3. **Bargains.** Challenger and target meet at a point interpolated per dimension with weights
 *     salience² × probability² ("S2P2"), rounded to 10⁻⁴, from the challenger's estimate of the
 *     probability ("InitOnlyInterp").
 *  4. **Choice.** Each actor k has its status quo and every bargain it is party to; the actors vote
 *     on them (capability × the change in their mean utility over all positions), and k takes the
 *     bargain with the highest probability in that election ("Deterministic"), or one drawn with
 *     those probabilities ("Stochastic", from the injected seed). A bargain may thus be taken by
 *     both sides (struck), by one (half-struck), or by neither (refused).
 *  5. **Stop** when the total movement of a turn is below 2 % of the first turn's (plus 10⁻⁴), after
 *     at least 2 turns, or after 100 turns.
 *
 * The forecast is the expected outcome of the last state: each distinct position weighted by its
 * probability in the last state's Condorcet election (KTAB prints these probabilities; it gives no
 * single point), with the most probable position beside it.
 *
 * Source: KAPSARC Toolkit for Behavioral Analysis (KTAB), MIT licence: examples/smp/libsrc/smp.cpp,
 * smpbcn.cpp and kmodel/libsrc/kmodel.cpp (Model::vote, coalitions, vProb, probCE2, condPCE,
 * markovIncentivePCE, markovUniformPCE, bigRfromProb, estNRA, Actor::vProbLittle,
 * thirdPartyVoteSU), read at commit 3b5b063 of its repository (the lsyaseen/KTAB copy of
 * KAPSARC/KTAB); its SMP user guide (web/tutorial/SMPTutorial.md) and the KAPSARC discussion papers it
 * cites, "An Introduction to the KAPSARC Toolkit for Behavioral Analysis (KTAB)" and "Multidimensional
 * Bargaining using KTAB". This is an independent
 * implementation, not a copy. Every parameter of KTAB's SMP is an option, with KTAB's default.
 * Golden test: test/bargaining/smp.test.ts reproduces KTAB's reference runs
 * (examples/smp/doc/20170530_ref-SOE-Pol-Comp.txt, _ref-dummyData_3Dim.txt) to their printed
 * precision. Where this differs from KTAB on purpose (all outside KTAB's defaults):
 *   - "InitRcvrInterp" and "PWCompInterp": KTAB passes the receiver's estimated *gain* where it
 *     means the receiver's estimated probability, and weighs the receiver's side of the compromise
 *     by the initiator's capability; here the probability and the receiver's own capability are used.
 *   - "Stochastic": KTAB draws from its own generator in thread order (not reproducible even by
 *     KTAB); here the draws come from the injected seed, actor by actor.
 *   - Positions all alike (every position equally probable): KTAB's risk formula divides 0 by 0;
 *     here every actor is then risk neutral.
 *
 * Pure and browser-safe: no I/O; randomness only from the seed given.
 */
import { type Rng, seededRng } from '../power/rng.js';

export const SMP_VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export const SMP_PCE_MODELS = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
export const SMP_STATE_TRANSITIONS = ['Deterministic', 'Stochastic'] as const;
export const SMP_VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export const SMP_BIG_R_ADJUSTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export const SMP_BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
export const SMP_THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export const SMP_INTER_VEC_BRGNS = ['S1P1', 'S2P2', 'S2PMax'] as const;
export const SMP_BARGAIN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;

export type SmpVictoryProbModel = (typeof SMP_VICTORY_PROB_MODELS)[number];
export type SmpPceModel = (typeof SMP_PCE_MODELS)[number];
export type SmpStateTransitions = (typeof SMP_STATE_TRANSITIONS)[number];
export type SmpVotingRule = (typeof SMP_VOTING_RULES)[number];
export type SmpBigRAdjust = (typeof SMP_BIG_R_ADJUSTS)[number];
export type SmpBigRRange = (typeof SMP_BIG_R_RANGES)[number];
export type SmpThirdPartyCommit = (typeof SMP_THIRD_PARTY_COMMITS)[number];
export type SmpInterVecBrgn = (typeof SMP_INTER_VEC_BRGNS)[number];
export type SmpBargainModel = (typeof SMP_BARGAIN_MODELS)[number];

/** KTAB's SMP parameters, named and spelt as KTAB prints them. */
export interface SmpOptions {
  readonly victoryProbModel?: SmpVictoryProbModel;
  readonly pceModel?: SmpPceModel;
  readonly stateTransitions?: SmpStateTransitions;
  readonly votingRule?: SmpVotingRule;
  readonly bigRAdjust?: SmpBigRAdjust;
  readonly bigRRange?: SmpBigRRange;
  readonly thirdPartyCommit?: SmpThirdPartyCommit;
  readonly interVecBrgn?: SmpInterVecBrgn;
  readonly bargainModel?: SmpBargainModel;
  /** The stop rule (KTAB's configExec): at least minTurns turns, at most maxTurns. */
  readonly minTurns?: number;
  readonly maxTurns?: number;
  /** Stop when a turn's movement / (the first turn's movement + minSigDelta) is below this. */
  readonly minDeltaRatio?: number;
  readonly minSigDelta?: number;
  /** Positions closer than this (Euclidean, 0–1 scale) are one position in the elections. */
  readonly posTol?: number;
  /** Seed of the draws of "Stochastic" transitions (unused when Deterministic). */
  readonly seed?: number;
}

export const SMP_DEFAULTS: Required<SmpOptions> = {
  victoryProbModel: 'Linear',
  pceModel: 'Conditional',
  stateTransitions: 'Deterministic',
  votingRule: 'Prop',
  bigRAdjust: 'OneThird',
  bigRRange: 'Mid',
  thirdPartyCommit: 'SemiCommit',
  interVecBrgn: 'S2P2',
  bargainModel: 'InitOnlyInterp',
  minTurns: 2,
  maxTurns: 100,
  minDeltaRatio: 0.02,
  minSigDelta: 1e-4,
  posTol: 1e-3,
  seed: 0,
};

export interface SmpInput {
  /** Number of actors (at least 2) and of dimensions. */
  readonly n: number;
  readonly dims: number;
  /** Position of actor a on dimension d at [a * dims + d], on 0–1. */
  readonly position: ArrayLike<number>;
  /** Salience, same layout, ≥ 0, each actor's sum in (0, 1]. */
  readonly salience: ArrayLike<number>;
  /** Capability per actor, > 0 (any scale). */
  readonly capability: ArrayLike<number>;
}

export interface SmpChallenge {
  readonly initiator: number;
  readonly target: number;
  /** The initiator's estimate of the probability that it beats the target, and of its own gain. */
  readonly pWin: number;
  readonly gain: number;
  /** The initiator's estimate of the target's change in utility. */
  readonly targetChange: number;
  /** The target's estimate of the probability that the initiator wins, and of the initiator's gain. */
  readonly targetPWin: number;
  readonly targetGainEstimate: number;
  /** The bargain it proposes (index in the turn's `bargains`). */
  readonly bargain: number;
}

export interface SmpBargain {
  readonly initiator: number;
  readonly receiver: number;
  /** 'initiator' or 'receiver': whose estimate of the probability interpolates it. */
  readonly perspective: 'initiator' | 'receiver' | 'compromise';
  /** The positions it gives the initiator and the receiver (dims each, 0–1). */
  readonly posInit: Float64Array;
  readonly posRcvr: Float64Array;
  readonly takenByInitiator: boolean;
  readonly takenByReceiver: boolean;
}

export interface SmpChoice {
  /** Index in `bargains` of the bargain the actor took, or −1 for its status quo. */
  readonly bargain: number;
  /** Its probability in the actor's election, and the number of options (status quo included). */
  readonly probability: number;
  readonly options: number;
  /** The status quo's probability in that election. */
  readonly statusQuoProbability: number;
}

export interface SmpState {
  /** Positions (n × dims, 0–1). */
  readonly position: Float64Array;
  /** Risk attitudes inferred in this state. */
  readonly risk: Float64Array;
  /** Probability that each actor's position wins the state's Condorcet election. */
  readonly winProbability: Float64Array;
}

export interface SmpTurn {
  /** The state the turn starts from. */
  readonly from: SmpState;
  readonly challenges: ReadonlyArray<SmpChallenge | null>;
  readonly bargains: readonly SmpBargain[];
  readonly choices: readonly SmpChoice[];
  /** Σ over actors of the distance moved this turn (0–1 scale), and its ratio to the first turn's. */
  readonly movement: number;
  readonly ratio: number;
}

export interface SmpResult {
  readonly n: number;
  readonly dims: number;
  readonly turns: readonly SmpTurn[];
  /** The last state (positions after the last turn). */
  readonly final: SmpState;
  readonly stop: 'quiet' | 'turnLimit';
  /** Expected outcome of the last state (0–1 scale) and its most probable position. */
  readonly forecast: Float64Array;
  readonly modal: Float64Array;
  readonly options: Required<SmpOptions>;
}

// ───────────────────────── KTAB's kernel functions ─────────────────────────

/** Model::vote: the influence weight w puts behind the utility difference u1 − u2. */
export function smpVote(vr: number, w: number, u1: number, u2: number): number {
  const du = u1 - u2;
  switch (vr) {
    case 2:
      return w * du;
    case 0:
      return w * clampBin(du / 1e-8);
    case 1:
      return w * ((1 - 0.2) * du + 0.2 * clampBin(du / 1e-8));
    case 3:
      return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
    case 4:
      return w * (du * du * du);
    default:
      if (du < 0) return w * du;
      if (du > 0) return (2 * w * du) / 3;
      return 0;
  }
}

function clampBin(x: number): number {
  return x > 1 ? 1 : x < -1 ? -1 : x;
}

/** Model::vProb for two strengths: the shares of victory of the first and the second, in vp. */
/** The two shares (a typed array: doubles kept in variables shared with a function are boxed). */
const vp = new Float64Array(2);
function vProb2(vpm: number, s1: number, s2: number): void {
  let x1: number;
  let x2: number;
  switch (vpm) {
    case 0:
      x1 = s1;
      x2 = s2;
      break;
    case 1:
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case 2:
      x1 = s1 * s1 * (s1 * s1);
      x2 = s2 * s2 * (s2 * s2);
      break;
    case 3: {
      const q1 = s1 * s1 * (s1 * s1);
      const q2 = s2 * s2 * (s2 * s2);
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    default: {
      const thresh = 1.1;
      if (s1 >= thresh * s2) {
        x1 = 1;
        x2 = 1e-6;
      } else if (s2 >= thresh * s1) {
        x1 = 1e-6;
        x2 = 1;
      } else {
        const r12 = s1 / (s1 + s2);
        const p12 = (r12 * (thresh + 1) - 1) / (thresh - 1);
        x1 = p12;
        x2 = 1 - p12;
      }
    }
  }
  vp[0] = x1 / (x1 + x2);
  vp[1] = x2 / (x1 + x2);
}

function bsUtil(sd: number, r: number): number {
  return sd <= 1 ? (1 - sd) * (1 + sd * r) : (1 - sd) * (1 + r);
}

function estNRA(adj: number, rh: number, ri: number): number {
  switch (adj) {
    case 4:
      return ri;
    case 3:
      return (rh + 2 * ri) / 3;
    case 2:
      return (rh + ri) / 2;
    case 1:
      return (2 * rh + ri) / 3;
    default:
      return rh;
  }
}

/** Workspace of one probabilistic Condorcet election over m options. */
class Pce {
  c = new Float64Array(0);
  pv = new Float64Array(0);
  p = new Float64Array(0);
  q = new Float64Array(0);
  aux = new Float64Array(0);
  ensure(m: number): void {
    if (this.c.length < m * m) {
      this.c = new Float64Array(m * m);
      this.pv = new Float64Array(m * m);
      this.aux = new Float64Array(m * m);
    }
    if (this.p.length < m) {
      this.p = new Float64Array(m);
      this.q = new Float64Array(m);
    }
  }
}

/**
 * Model::scalarPCE: actors with weights w (n) and utilities u (n × m, row-major with stride m) elect
 * among m options; the option probabilities are written to out (m).
 */
function scalarPce(
  ws: Pce,
  n: number,
  m: number,
  w: ArrayLike<number>,
  u: Float64Array,
  vr: number,
  vpm: number,
  pcem: number,
  out: Float64Array,
): void {
  ws.ensure(m);
  const { c, pv } = ws;
  const minC = 1e-8;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) {
      let cij = minC;
      let cji = minC;
      for (let k = 0; k < n; k++) {
        const v = smpVote(vr, w[k]!, u[k * m + i]!, u[k * m + j]!);
        if (v > 0) cij += v;
        if (v < 0) cji -= v;
      }
      c[i * m + j] = cij;
      c[j * m + i] = cji;
    }
    c[i * m + i] = minC;
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) {
      vProb2(vpm, c[i * m + j]!, c[j * m + i]!);
      pv[i * m + j] = vp[0]!;
      pv[j * m + i] = vp[1]!;
    }
    pv[i * m + i] = 0.5;
  }
  if (pcem === 0) {
    let total = 0;
    for (let i = 0; i < m; i++) {
      let pi = 1;
      for (let j = 0; j < m; j++) pi *= pv[i * m + j]!;
      out[i] = pi;
      total += pi;
    }
    for (let i = 0; i < m; i++) out[i] = out[i]! / total;
    return;
  }
  const p = ws.p;
  const q = ws.q;
  for (let i = 0; i < m; i++) p[i] = 1 / m;
  if (pcem === 1) {
    // Markov incentive: challenges in proportion to coalition strength × victory probability
    const inc = ws.aux;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) inc[i * m + j] = c[i * m + j]! * pv[i * m + j]! + (i === j ? 1e-10 : 0);
    // column sums → challenge probabilities chlg(i, j) = inc(i, j) / Σ_k inc(k, j), in place
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += inc[k * m + j]!;
      q[j] = s;
    }
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) inc[i * m + j] = inc[i * m + j]! / q[j]!;
    let change = 1;
    for (let iter = 0; change > 1e-8 && iter < 100000; iter++) {
      change = 0;
      for (let i = 0; i < m; i++) {
        let qi = 0;
        for (let j = 0; j < m; j++) {
          const cij = p[i]! * inc[j * m + i]! + p[j]! * inc[i * m + j]!;
          qi += pv[i * m + j]! * cij;
        }
        q[i] = qi;
        const d = Math.abs(qi - p[i]!);
        if (d > change) change = d;
      }
      for (let i = 0; i < m; i++) p[i] = (p[i]! + q[i]!) / 2;
    }
  } else {
    let change = 1;
    for (let iter = 0; change > 1e-6 && iter < 100000; iter++) {
      change = 0;
      for (let i = 0; i < m; i++) {
        let pi = 0;
        for (let j = 0; j < m; j++) pi += pv[i * m + j]! * (p[i]! + p[j]!);
        q[i] = pi / m;
        const d = Math.abs(q[i]! - p[i]!);
        if (d > change) change = d;
      }
      for (let i = 0; i < m; i++) p[i] = (p[i]! + q[i]!) / 2;
    }
  }
  for (let i = 0; i < m; i++) out[i] = p[i]!;
}

// ───────────────────────── the model ─────────────────────────

function index<T extends string>(list: readonly T[], v: T, name: string): number {
  const i = list.indexOf(v);
  if (i < 0) throw new RangeError(`SMP option ${name}: ${v} is not one of ${list.join(', ')}`);
  return i;
}

/** Everything one state needs: distances, risk attitudes, and the election over its positions. */
interface StateCalc {
  vd: Float64Array;
  risk: Float64Array;
  win: Float64Array;
  /** The distinct positions (an actor index for each) and their probabilities. */
  uniq: number[];
  pu: Float64Array;
}

export function smpModel(input: SmpInput, options: SmpOptions = {}): SmpResult {
  const o: Required<SmpOptions> = { ...SMP_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  const vpm = index(SMP_VICTORY_PROB_MODELS, o.victoryProbModel, 'victoryProbModel');
  const pcem = index(SMP_PCE_MODELS, o.pceModel, 'pceModel');
  const stochastic = index(SMP_STATE_TRANSITIONS, o.stateTransitions, 'stateTransitions') === 1;
  const vr = index(SMP_VOTING_RULES, o.votingRule, 'votingRule');
  const adj = index(SMP_BIG_R_ADJUSTS, o.bigRAdjust, 'bigRAdjust');
  const rRange = index(SMP_BIG_R_RANGES, o.bigRRange, 'bigRRange');
  const tpc = index(SMP_THIRD_PARTY_COMMITS, o.thirdPartyCommit, 'thirdPartyCommit');
  const ivb = index(SMP_INTER_VEC_BRGNS, o.interVecBrgn, 'interVecBrgn');
  const bMod = index(SMP_BARGAIN_MODELS, o.bargainModel, 'bargainModel');
  const { n, dims: D } = input;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`SMP needs at least 2 actors (got ${n})`);
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`SMP needs at least 1 dimension (got ${D})`);
  const cap = Float64Array.from({ length: n }, (_, i) => input.capability[i]!);
  const sal = Float64Array.from({ length: n * D }, (_, i) => input.salience[i]!);
  const salSum = new Float64Array(n);
  const salSq = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    if (!(cap[a]! > 0) || !Number.isFinite(cap[a]!))
      throw new RangeError(`SMP: actor ${a} has capability ${cap[a]} (it must be positive)`);
    let s = 0;
    let q = 0;
    for (let d = 0; d < D; d++) {
      const x = sal[a * D + d]!;
      if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`SMP: actor ${a} has salience ${x}`);
      s += x;
      q += x * x;
    }
    if (!(s > 0) || s > 1 + 1e-12)
      throw new RangeError(
        `SMP: actor ${a}'s saliences sum to ${s} (they must sum to more than 0 and at most 1)`,
      );
    salSum[a] = s;
    salSq[a] = q;
  }
  const rng: Rng | null = stochastic ? seededRng(o.seed) : null;
  const pce = new Pce();
  const u = new Float64Array(n * n);
  const uh = new Float64Array(n * n);
  const uh2 = new Float64Array(n * n);

  /** Salience-weighted distance from actor a's ideal (ideal[a]) to the point x (D values at xo). */
  const dist = (ideal: ArrayLike<number>, a: number, x: ArrayLike<number>, xo: number): number => {
    let ds = 0;
    for (let d = 0; d < D; d++) {
      const v = (ideal[a * D + d]! - x[xo + d]!) * sal[a * D + d]!;
      ds += v * v;
    }
    return Math.sqrt(ds / salSq[a]!);
  };

  const calcState = (P: Float64Array): StateCalc => {
    const vd = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vd[i * n + j] = dist(P, i, P, j * D);
    // risk-neutral election over all positions (duplicates included), as KTAB's setAllAUtil
    for (let i = 0; i < n * n; i++) u[i] = bsUtil(vd[i]!, 0);
    const p = new Float64Array(n);
    scalarPce(pce, n, n, cap, u, vr, vpm, pcem, p);
    let pMin = 1;
    let pMax = 0;
    for (let i = 0; i < n; i++) {
      if (p[i]! < pMin) pMin = p[i]!;
      if (p[i]! > pMax) pMax = p[i]!;
    }
    const risk = new Float64Array(n);
    if (pMax > pMin) {
      for (let i = 0; i < n; i++) {
        const pi = p[i]!;
        risk[i] =
          rRange === 0
            ? (pi - pMin) / (pMax - pMin)
            : rRange === 1
              ? (3 * pi - (pMax + 2 * pMin)) / (2 * (pMax - pMin))
              : (2 * pi - (pMax + pMin)) / (pMax - pMin);
      }
    }
    // the state's win probabilities: each actor's own utilities over the distinct positions
    const uniq: number[] = [];
    const eq = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let found = -1;
      for (let k = 0; k < uniq.length && found < 0; k++) if (close(P, i, uniq[k]!)) found = k;
      if (found < 0) {
        uniq.push(i);
        found = uniq.length - 1;
      }
      eq[i] = found;
    }
    const m = uniq.length;
    const uu = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const r = estNRA(adj, risk[i]!, risk[i]!);
      for (let k = 0; k < m; k++) uu[i * m + k] = bsUtil(vd[i * n + uniq[k]!]!, r);
    }
    const pu = new Float64Array(m);
    scalarPce(pce, n, m, cap, uu, vr, vpm, pcem, pu);
    const win = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // State::posProb: the last distinct position equivalent to i's
      let k = -1;
      for (let j = 0; j < m; j++) if (close(P, i, uniq[j]!)) k = j;
      win[i] = pu[k < 0 ? eq[i]! : k]!;
    }
    return { vd, risk, win, uniq, pu };
  };
  const close = (P: Float64Array, i: number, j: number): boolean => {
    let s = 0;
    for (let d = 0; d < D; d++) {
      const x = P[i * D + d]! - P[j * D + d]!;
      s += x * x;
    }
    return Math.sqrt(s) < o.posTol;
  };

  /** SMPState::probEduChlg: h's estimate of P(i beats j) and of the change in k's utility. */
  /** h's estimates of every actor's utility for every position (KTAB's aUtil[h]), into out (n × n). */
  const fillUh = (st: StateCalc, h: number, out: Float64Array): void => {
    const { vd, risk } = st;
    const r0 = risk[h]!;
    for (let a = 0; a < n; a++) {
      const r = estNRA(adj, r0, risk[a]!);
      for (let b = 0; b < n; b++) out[a * n + b] = bsUtil(vd[a * n + b]!, r);
    }
  };
  /** probEdu's answer: [P(i beats j), the change in k's utility] (typed: no boxed doubles). */
  const edu = new Float64Array(2);
  /** With Uh = h's estimates (fillUh): h's estimate of P(i beats j) and of the change in k's utility. */
  const probEdu = (Uh: Float64Array, k: number, i: number, j: number): void => {
    const uii = Uh[i * n + i]!;
    const uij = Uh[i * n + j]!;
    const uji = Uh[j * n + i]!;
    const ujj = Uh[j * n + j]!;
    const uki = Uh[k * n + i]!;
    const ukj = Uh[k * n + j]!;
    const euSQ = uki + ukj;
    const uhkij = uki + uki;
    const uhkji = ukj + ukj;
    const sj = salSum[j]!;
    const ci = smpVote(vr, salSum[i]! * cap[i]!, uii, uij);
    const cj = smpVote(vr, sj * cap[j]!, uji, ujj);
    let chij = 1e-10;
    let chji = 1e-10;
    if (ci > 0) chij += ci;
    if (ci < 0) chji -= ci;
    if (cj > 0) chij += cj;
    if (cj < 0) chji -= cj;
    const ciij = chij;
    const cjij = chji;
    for (let m = 0; m < n; m++) {
      if (m === i || m === j) continue;
      const wn = salSum[m]! * cap[m]!;
      const uni = Uh[m * n + i]!;
      const unj = Uh[m * n + j]!;
      const unn = Uh[m * n + m]!;
      // Actor::vProbLittle
      const cn = smpVote(vr, wn, uni, unj);
      const cni = cn > 0 ? ciij + cn : ciij;
      const cnj = cn < 0 ? cjij - cn : cjij;
      const pin = cni / (cni + cnj);
      const pjn = 1 - pin;
      // Actor::thirdPartyVoteSU
      let uIkJ: number;
      let uJIk: number;
      let uIJk: number;
      let uJkI: number;
      if (tpc === 2) {
        uIkJ = uni + uni + uni;
        uJIk = unj + unj + unj;
        uIJk = uni + uni + uni;
        uJkI = unj + unj + unj;
      } else if (tpc === 1) {
        uIkJ = uni + uni + unn;
        uJIk = unj + unj + unj;
        uIJk = uni + uni + uni;
        uJkI = unj + unj + unn;
      } else {
        uIkJ = uni + uni + unn;
        uJIk = unj + unj + unn;
        uIJk = uni + uni + unn;
        uJkI = unj + unj + unn;
      }
      const v = smpVote(vr, wn, pin * uIkJ + pjn * uJIk, pin * uIJk + pjn * uJkI);
      if (v > 0) chij += v;
      if (v < 0) chji -= v;
    }
    const phij = chij / (chij + chji);
    const phji = chji / (chij + chji);
    const euChlg = (1 - sj) * uhkij + sj * (phij * uhkij + phji * uhkji);
    edu[0] = phij;
    edu[1] = euChlg - euSQ;
  };

  const round4 = (x: number) => Math.trunc(0.5 + x * 10000) / 10000;
  const interpolate = (
    P: Float64Array,
    i: number,
    j: number,
    prbI: number,
    prbJ: number,
  ): [Float64Array, Float64Array] => {
    const bi = new Float64Array(D);
    const bj = new Float64Array(D);
    for (let d = 0; d < D; d++) {
      const ti = P[i * D + d]!;
      const si = sal[i * D + d]!;
      const tj = P[j * D + d]!;
      const sj = sal[j * D + d]!;
      if (ivb === 2) {
        const di = prbJ > prbI ? prbJ - prbI : 0;
        const dj = prbI > prbJ ? prbI - prbJ : 0;
        const si2 = si * si;
        const sj2 = sj * sj;
        const dik = (di * sj2) / (di * sj2 + 1e-6 + (1 - di) * si2);
        const djk = (dj * si2) / (dj * si2 + 1e-6 + (1 - dj) * sj2);
        bi[d] = ti + dik * (tj - ti);
        bj[d] = tj + djk * (ti - tj);
      } else {
        const sq = ivb === 1;
        const wi = (sq ? si * si : si) * (sq ? prbI * prbI : prbI);
        const wj = (sq ? sj * sj : sj) * (sq ? prbJ * prbJ : prbJ);
        const minW = 1e-6;
        bi[d] = round4(((wi + minW) * ti + wj * tj) / (wi + minW + wj));
        bj[d] = round4((wi * ti + (minW + wj) * tj) / (wi + minW + wj));
      }
    }
    return [bi, bj];
  };

  const stateDist = (A: Float64Array, B: Float64Array): number => {
    let sum = 0;
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let d = 0; d < D; d++) {
        const x = A[a * D + d]! - B[a * D + d]!;
        s += x * x;
      }
      sum += Math.sqrt(s);
    }
    return sum;
  };

  let P = Float64Array.from({ length: n * D }, (_, i) => input.position[i]!);
  for (let i = 0; i < n * D; i++)
    if (!(P[i]! >= 0 && P[i]! <= 1)) throw new RangeError(`SMP: position ${P[i]} is outside 0–1`);
  let st = calcState(P);
  const turns: SmpTurn[] = [];
  let d01 = 0;
  let stop: SmpResult['stop'] = 'turnLimit';
  const bestJ = new Int32Array(n);
  const uim: Float64Array[] = [];
  let bu = new Float64Array(0);
  for (let iter = 1; ; iter++) {
    // 2–3. challenges and bargains
    const bargains: Array<{
      initiator: number;
      receiver: number;
      perspective: SmpBargain['perspective'];
      posInit: Float64Array;
      posRcvr: Float64Array;
    }> = [];
    const challenges: Array<SmpChallenge | null> = [];
    const involved: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      fillUh(st, i, uh);
      let best = -1;
      let bestP = 0;
      let bestEU = -1;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        probEdu(uh, i, i, j);
        const p = edu[0]!;
        const gain = edu[1]!;
        if (1e-5 < gain && bestEU < gain) {
          best = j;
          bestP = p;
          bestEU = gain;
        }
      }
      bestJ[i] = best;
      if (best < 0) {
        challenges.push(null);
        continue;
      }
      const j = best;
      probEdu(uh, j, i, j);
      const ijij = [edu[0]!, edu[1]!] as const;
      fillUh(st, j, uh2);
      probEdu(uh2, i, i, j);
      const jiij = [edu[0]!, edu[1]!] as const;
      const first = bargains.length;
      const push = (b: (typeof bargains)[number]) => {
        involved[i]!.push(bargains.length);
        involved[j]!.push(bargains.length);
        bargains.push(b);
      };
      const [ii, ij] = interpolate(P, i, j, bestP, 1 - bestP);
      if (bMod === 0) push({ initiator: i, receiver: j, perspective: 'initiator', posInit: ii, posRcvr: ij });
      else {
        const pj = jiij[0];
        const [ji, jj] = interpolate(P, i, j, pj, 1 - pj);
        if (bMod === 1) {
          push({ initiator: i, receiver: j, perspective: 'initiator', posInit: ii, posRcvr: ij });
          push({ initiator: i, receiver: j, perspective: 'receiver', posInit: ji, posRcvr: jj });
        } else {
          const wi = cap[i]! * salSum[i]!;
          const wj = cap[j]! * salSum[j]!;
          const bi = new Float64Array(D);
          const bj = new Float64Array(D);
          for (let d = 0; d < D; d++) {
            bi[d] = (wi * ii[d]! + wj * ji[d]!) / (wi + wj);
            bj[d] = (wi * ij[d]! + wj * jj[d]!) / (wi + wj);
          }
          push({ initiator: i, receiver: j, perspective: 'compromise', posInit: bi, posRcvr: bj });
        }
      }
      challenges.push({
        initiator: i,
        target: j,
        pWin: bestP,
        gain: bestEU,
        targetChange: ijij[1],
        targetPWin: jiij[0],
        targetGainEstimate: jiij[1],
        bargain: first,
      });
    }
    // 4. each actor's election over its status quo and its bargains
    const next = new Float64Array(P);
    const choices: SmpChoice[] = [];
    const takenInit = new Uint8Array(bargains.length);
    const takenRcvr = new Uint8Array(bargains.length);
    const { vd, risk } = st;
    const sqU = new Float64Array(n);
    // each actor's utility for each position, by its own estimate (KTAB's aUtil[a](a, ·))
    const own = u;
    for (let a = 0; a < n; a++) {
      const r = estNRA(adj, risk[a]!, risk[a]!);
      let s = 0;
      for (let m = 0; m < n; m++) {
        const x = bsUtil(vd[a * n + m]!, r);
        own[a * n + m] = x;
        s += x;
      }
      sqU[a] = s / n;
    }
    // every actor's mean utility over all positions once a bargain is made (KTAB's u_im column),
    // summed in KTAB's order: the initiator's new position, the receiver's, then the others
    const nbg = bargains.length;
    if (bu.length < nbg * n) bu = new Float64Array(nbg * n * 2);
    for (let g = 0; g < nbg; g++) {
      const b = bargains[g]!;
      const bi = b.initiator;
      const br = b.receiver;
      for (let a = 0; a < n; a++) {
        let s = 0;
        s += bsUtil(dist(P, a, b.posInit, 0), risk[a]!);
        s += bsUtil(dist(P, a, b.posRcvr, 0), risk[a]!);
        const row = a * n;
        for (let x = 0; x < n; x++) if (x !== bi && x !== br) s += own[row + x]!;
        bu[g * n + a] = s / n;
      }
    }
    for (let k = 0; k < n; k++) {
      const opts = involved[k]!;
      const nb = opts.length + 1;
      let um = uim[nb];
      if (!um) {
        um = new Float64Array(n * nb);
        uim[nb] = um;
      }
      for (let a = 0; a < n; a++) {
        um[a * nb] = sqU[a]!;
        for (let m = 1; m < nb; m++) um[a * nb + m] = bu[opts[m - 1]! * n + a]!;
      }
      const p = new Float64Array(nb);
      scalarPce(pce, n, nb, cap, um, vr, vpm, pcem, p);
      let mMax = 0;
      if (rng) {
        const x = rng.next();
        let sum = 0;
        mMax = -1;
        for (let m = 0; m < nb && mMax < 0; m++) {
          sum += p[m]!;
          if (x <= sum) mMax = m;
        }
        if (mMax < 0) mMax = nb - 1;
      } else {
        let best = -1;
        for (let m = 0; m < nb; m++)
          if (best < Math.abs(p[m]!)) {
            best = Math.abs(p[m]!);
            mMax = m;
          }
      }
      const bi = mMax === 0 ? -1 : opts[mMax - 1]!;
      choices.push({ bargain: bi, probability: p[mMax]!, options: nb, statusQuoProbability: p[0]! });
      if (bi >= 0) {
        const b = bargains[bi]!;
        const src = b.initiator === k ? b.posInit : b.posRcvr;
        if (b.initiator === k) takenInit[bi] = 1;
        else takenRcvr[bi] = 1;
        for (let d = 0; d < D; d++) next[k * D + d] = src[d]!;
      }
    }
    const movement = stateDist(P, next);
    if (iter === 1) d01 = movement + o.minSigDelta;
    const ratio = movement / d01;
    turns.push({
      from: { position: P, risk: st.risk, winProbability: st.win },
      challenges,
      bargains: bargains.map((b, x) => ({
        ...b,
        takenByInitiator: takenInit[x] === 1,
        takenByReceiver: takenRcvr[x] === 1,
      })),
      choices,
      movement,
      ratio,
    });
    P = next;
    st = calcState(P);
    const tooLong = o.maxTurns <= iter;
    const quiet = o.minTurns <= iter && ratio < o.minDeltaRatio;
    if (quiet || tooLong) {
      stop = quiet ? 'quiet' : 'turnLimit';
      break;
    }
  }
  // the forecast: expected outcome and modal position of the last state's election
  const { uniq, pu } = st;
  const forecast = new Float64Array(D);
  const modal = new Float64Array(D);
  let bestK = 0;
  let total = 0;
  for (let k = 0; k < uniq.length; k++) {
    total += pu[k]!;
    if (pu[k]! > pu[bestK]!) bestK = k;
    for (let d = 0; d < D; d++) forecast[d] = forecast[d]! + pu[k]! * P[uniq[k]! * D + d]!;
  }
  for (let d = 0; d < D; d++) {
    forecast[d] = forecast[d]! / total;
    modal[d] = P[uniq[bestK]! * D + d]!;
  }
  return {
    n,
    dims: D,
    turns,
    final: { position: P, risk: st.risk, winProbability: st.win },
    stop,
    forecast,
    modal,
    options: o,
  };
}

// ───────────────────────── on a Concord issue ─────────────────────────

/** Why an actor is left out of an issue's SMP run. */
export interface SmpExcluded {
  readonly actor: number;
  readonly reason: 'capability' | 'salience';
}

export interface IssueSmp {
  readonly run: SmpResult;
  /** The scenario's actor index of each of the run's actors. */
  readonly actors: readonly number[];
  readonly excluded: readonly SmpExcluded[];
  /** The forecast (the last state's expected outcome) and its most probable position, on the issue's scale. */
  readonly outcome: Float64Array;
  readonly modal: Float64Array;
  /** The factor the saliences were multiplied by (1 unless some actor's saliences summed above 1). */
  readonly salienceScale: number;
}

/** Why SMP cannot run on an issue: the message and the field to fix. */
export interface SmpRefusal {
  readonly note: string;
  readonly path: string;
  readonly hint: string;
}

/**
 * SMP on one issue of a resolved scenario. Positions are mapped to 0–1 per dimension; capabilities
 * are the scenario's shares × 100 (KTAB's examples use powers of that size; the model depends on
 * their scale only through its 10⁻⁸ and 10⁻¹⁰ floors); an actor whose saliences on the issue sum
 * above 1 (KTAB's limit: 100 % of its attention) divides every actor's saliences by the largest sum.
 * Actors without a position take no part; those with zero capability or zero salience cannot vote
 * in KTAB's elections and are left out (listed in `excluded`). Returns a refusal when fewer than two
 * actors are left.
 */
export function issueSmp(
  issue: {
    readonly id: string;
    readonly index: number;
    readonly dims: number;
    readonly lo: ArrayLike<number>;
    readonly hi: ArrayLike<number>;
    readonly position: ArrayLike<number>;
    readonly salience: ArrayLike<number>;
    readonly has: ArrayLike<number>;
  },
  capability: ArrayLike<number>,
  actorIds: readonly string[],
  options: SmpOptions = {},
): IssueSmp | SmpRefusal {
  const D = issue.dims;
  const actors: number[] = [];
  const excluded: SmpExcluded[] = [];
  let maxSum = 0;
  for (let a = 0; a < actorIds.length; a++) {
    if (issue.has[a] !== 1) continue;
    let s = 0;
    for (let d = 0; d < D; d++) s += issue.salience[a * D + d]!;
    if (!(capability[a]! > 0)) excluded.push({ actor: a, reason: 'capability' });
    else if (!(s > 0)) excluded.push({ actor: a, reason: 'salience' });
    else {
      actors.push(a);
      if (s > maxSum) maxSum = s;
    }
  }
  if (actors.length < 2) {
    const noCap = excluded.filter((x) => x.reason === 'capability').map((x) => actorIds[x.actor]!);
    const field = noCap.length ? `actors.${noCap[0]}.capability` : `issues[${issue.index}].positions`;
    return {
      note: noCap.length
        ? `SMP needs at least two actors with a position, a positive capability and a positive salience on issue "${issue.id}"; ${noCap.join(', ')} ${noCap.length === 1 ? 'has' : 'have'} no capability`
        : `SMP needs at least two actors with a position and a positive salience on issue "${issue.id}" (${actors.length} here)`,
      path: field,
      hint: noCap.length
        ? `Give ${noCap.join(', ')} a capability above 0 (\`actors: { ${noCap[0]}: { capability: 0.1 } }\`), or \`capability: equal\`.`
        : 'Give at least two actors a position with a salience above 0 on this issue.',
    };
  }
  const n = actors.length;
  const scale = maxSum > 1 ? 1 / maxSum : 1;
  const position = new Float64Array(n * D);
  const salience = new Float64Array(n * D);
  const cap = new Float64Array(n);
  actors.forEach((a, k) => {
    cap[k] = capability[a]! * 100;
    for (let d = 0; d < D; d++) {
      const x = (issue.position[a * D + d]! - issue.lo[d]!) / (issue.hi[d]! - issue.lo[d]!);
      position[k * D + d] = x < 0 ? 0 : x > 1 ? 1 : x;
      salience[k * D + d] = issue.salience[a * D + d]! * scale;
    }
  });
  const run = smpModel({ n, dims: D, position, salience, capability: cap }, options);
  const back = (v: Float64Array) =>
    Float64Array.from(v, (x, d) => issue.lo[d]! + x * (issue.hi[d]! - issue.lo[d]!));
  return { run, actors, excluded, outcome: back(run.forecast), modal: back(run.modal), salienceScale: scale };
}

export function isSmpRefusal(x: IssueSmp | SmpRefusal): x is SmpRefusal {
  return (x as SmpRefusal).note !== undefined;
}

/** What one actor did in one turn, and why (rendered in words by ../i18n's `smp` catalogue). */
export interface SmpMove {
  /** The run's actor index. */
  readonly actor: number;
  readonly moved: boolean;
  /**
   * ownChallenge: took the bargain of its own challenge; challenged: took a bargain a challenger
   * proposed to it; statusQuo: its status quo beat the bargains it was party to; none: no bargain
   * involved it (no challenge worth making, none made to it).
   */
  readonly kind: 'ownChallenge' | 'challenged' | 'statusQuo' | 'none';
  /** The other side of the bargain it took (or of its own challenge), else −1. */
  readonly partner: number;
  /** Whether the partner took the same bargain (null when it took none). */
  readonly partnerTook: boolean | null;
  /** The probability of its choice in its election, and the number of options (status quo included). */
  readonly probability: number;
  readonly options: number;
  /** Its own challenge, if it made one (estimate of winning and of its gain). */
  readonly challenge: SmpChallenge | null;
}

/** One line's worth of reasons per actor for turn t. */
export function smpMoves(r: SmpResult, t: number): SmpMove[] {
  const turn = r.turns[t]!;
  const D = r.dims;
  const after = t + 1 < r.turns.length ? r.turns[t + 1]!.from.position : r.final.position;
  return turn.choices.map((c, k) => {
    let moved = false;
    for (let d = 0; d < D; d++) if (after[k * D + d] !== turn.from.position[k * D + d]) moved = true;
    const challenge = turn.challenges[k] ?? null;
    if (c.bargain < 0)
      return {
        actor: k,
        moved,
        kind: c.options > 1 ? 'statusQuo' : 'none',
        partner: challenge ? challenge.target : -1,
        partnerTook: null,
        probability: c.probability,
        options: c.options,
        challenge,
      };
    const b = turn.bargains[c.bargain]!;
    const own = b.initiator === k;
    return {
      actor: k,
      moved,
      kind: own ? 'ownChallenge' : 'challenged',
      partner: own ? b.receiver : b.initiator,
      partnerTook: own ? b.takenByReceiver : b.takenByInitiator,
      probability: c.probability,
      options: c.options,
      challenge,
    };
  });
}

/** A turn's bargains counted: struck (both sides took it), taken by one side only, refused by both. */
export function smpBargainCounts(turn: SmpTurn): { struck: number; oneSided: number; refused: number } {
  let struck = 0;
  let oneSided = 0;
  let refused = 0;
  for (const b of turn.bargains) {
    if (b.takenByInitiator && b.takenByReceiver) struck++;
    else if (b.takenByInitiator || b.takenByReceiver) oneSided++;
    else refused++;
  }
  return { struck, oneSided, refused };
}
