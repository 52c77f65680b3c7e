/**
 * Bueno de Mesquita's expected-utility model of group decisions (Bueno de Mesquita 1994, 1997), as
 * reconstructed by Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's group decision
 * model", Journal of Theoretical Politics 23(4): 510–531 (the appendix's steps 1–11). One dimension
 * only.
 *
 * Notation: actor i has position x_i, capability c_i and salience s_i ∈ [0, 1]; distances are
 * normalized, d_ij = |x_i − x_j| / R (see A1); r_i ∈ [1/2, 2] is i's risk exponent; μ is the weighted
 * median of the current positions.
 *
 * Each round:
 *  (1) Votes and probabilities. Actor k's vote between x_i and x_j is
 *        v_k(i, j) = c_k s_k (U_k(x_i) − U_k(x_j)),  U_k(z) = 1 − 2|x_k − z| / R,
 *      and i's probability of prevailing over j is
 *        P_ij = Σ_{k : v_k(i,j) > 0} v_k(i, j) / Σ_k |v_k(i, j)|      (all actors k; A2).
 *  (2) Utilities, from the perspective of an actor with risk exponent r:
 *        U_s  = 2 − 4 (0.5 − 0.5 d_ij)^r           i succeeds: j moves to x_i
 *        U_f  = 2 − 4 (0.5 + 0.5 d_ij)^r           i fails: i moves to x_j
 *        U_b  = 2 − 4 (0.5 − 0.25 (d_iμ + d_ij))^r  things get better without a challenge
 *        U_w  = 2 − 4 (0.5 + 0.25 (d_iμ + d_ij))^r  things get worse
 *        U_sq = 2 − 4 (0.5)^r
 *  (3) Expected utility of i challenging j:
 *        EU(i→j) = s_j (P_ij U_s + (1 − P_ij) U_f) + (1 − s_j) U_s − Q U_sq − (1 − Q)(T U_b + (1 − T) U_w)
 *      (j resists with probability s_j; Q is the probability that the status quo persists without
 *      a challenge and T that it then moves in i's favour; Scholz et al. use Q = 1, so U_b and U_w
 *      drop out — the defaults here, A4).
 *  (4) Risk. With every r = 1, actor i's exposure is S_i = Σ_{j≠i} EU(j→i) (each computed by the
 *      challenger j), and
 *        R_i = (2 S_i − S_max − S_min) / (S_max − S_min),   r_i = (1 − R_i/3) / (1 + R_i/3),
 *      with S_max, S_min over all actors (R_i = 0 when they are equal) (A6).
 *  (5) With the new r_i, every actor i computes, from its own perspective (its own r_i for both,
 *      A3), a = EU(i→j) and b = EU(j→i) for every j with x_j ≠ x_i, and sends j an offer:
 *        a > b > 0            conflict that i expects to win: j should move to x_i;
 *        a > 0 ≥ b, a > |b|    compromise: j should move to x_j + (x_i − x_j) |b / a|;
 *        a > 0 ≥ b, a ≤ |b|    capitulation: j should move to x_i.
 *  (6) Every actor that received offers takes the one requiring the smallest move (A7); all moves
 *      are made at once (A10).
 * The rounds stop when no actor moves more than `tolerance` × R (converged) or after `maxRounds`.
 * The forecast is the weighted median of the final positions, Bueno de Mesquita's "median voter"
 * (A11); their weighted mean is reported too.
 *
 * Ambiguities in the published description, and how they are resolved here:
 *  A1  R: Scholz et al. divide by "x_max − x_min"; their replicators use the range of the actors'
 *      positions (Masad) or of the scale (others). Default: the range of the initial positions,
 *      fixed over the rounds; `normalize: 'scale'` uses the issue's scale instead.
 *  A2  P_ij: we use the published ratio over all actors (so P_ij + P_ji = 1). A public replication
 *      notes that Scholz's own code divides by a sum over all triples of actors, which makes P tiny.
 *  A3  Perspective: an actor estimates the other's expected utility with its own risk exponent, as
 *      in Scholz et al. and Bueno de Mesquita (1994).
 *  A4  Q = 1, T = 1 by default (options).
 *  A5  μ in U_b, U_w: the weighted median of the current positions (irrelevant when Q = 1).
 *  A6  S_i sums the challengers' own expected utilities computed with r = 1, before the new r.
 *  A7  Choice among offers: the paper (and Bueno de Mesquita) say the receiver accepts the offer that
 *      requires the least change; ties go to the larger sender expected utility, then the lower
 *      position (so relabelling the actors changes nothing). A replication reports that Scholz's
 *      code instead prefers conflicts to compromises to capitulations; we follow the text.
 *  A8  Offers are made from the sender's perspective and accepted without re-evaluation by the
 *      receiver (the receiver's own view enters only through its own offers).
 *  A9  Pairs at the same position (within 1e-12 of R) do not interact; actors without a position
 *      take no part; expected utilities within 1e-12 of each other (or of 0) count as equal, so that
 *      rounding never decides a contest.
 *  A10 Moves are simultaneous, computed from the positions at the start of the round.
 *  A11 Forecast: the weighted median (capability × salience) of the final positions.
 *  A12 Stopping: `tolerance` = 1e-3 of R (0.1 on a 0–100 scale), `maxRounds` = 100 by default.
 * To make results independent of the actors' order to the last bit, actors are processed in a
 * canonical order (by position, capability, salience).
 */
import type { ResolvedIssue } from '../scenario/types.js';
import { MedianWorkspace, weightedMedian } from './median.js';
import { DEFAULT_EUM_VARIANT, DEFAULT_MAX_ROUNDS, type EumVariant } from './options.js';

/**
 * The four choices that separate the paper's text from the code behind its published numbers, as a
 * public replication of that code documents them (jmckib/bdm-scholz-expected-utility-model, and its
 * Python 3 port dmasad/bdm-scholz-expected-utility-model; see docs/models.md):
 *  (a) `probability`: 'pair' divides i's votes over j by the votes of the pair (P_ij + P_ji = 1, the
 *      text); 'triples' divides by Σ_k Σ_a Σ_b |v_k(a, b)|, the sum over every triple of actors (the
 *      code), which makes every P small.
 *  (b) `perspective`: whose risk exponent evaluates an offer between sender i and receiver j:
 *      'sender' (the text: i computes EU(i→j) and EU(j→i) with r_i) or 'receiver' (the code: j
 *      evaluates both with r_j).
 *  (c) `voterRisk`: 'linear' votes v_k(a, b) = c_k s_k (d_kb − d_ka) (the text) or 'own' with each
 *      voter's distances raised to its own risk exponent, c_k s_k (d_kb^r_k − d_ka^r_k) (the code).
 *  (d) `selection`: 'smallest-move' (the text: the receiver takes the offer that moves it least) or
 *      'by-type' (the code: a conflict if there is one, the one needing the least move; else a
 *      compromise, the one with the lowest |EU|-weighted mean of the two positions; capitulations
 *      are never taken, because the code's test for one, eu_ji < |eu_ji| with eu_ji > 0, can never
 *      hold).
 */
export interface EumChoices {
  readonly probability: 'pair' | 'triples';
  readonly perspective: 'sender' | 'receiver';
  readonly voterRisk: 'linear' | 'own';
  readonly selection: 'smallest-move' | 'by-type';
}

export { EUM_VARIANTS, type EumVariant } from './options.js';

export const EUM_CHOICES: Record<EumVariant, EumChoices> = {
  text: { probability: 'pair', perspective: 'sender', voterRisk: 'linear', selection: 'smallest-move' },
  scholz: { probability: 'triples', perspective: 'receiver', voterRisk: 'own', selection: 'by-type' },
};

/** The choice keys, (a)–(d) in order. */
export const EUM_CHOICE_KEYS = ['probability', 'perspective', 'voterRisk', 'selection'] as const;

/**
 * Positions closer than this fraction of the issue's scale are the same position,
 * everywhere in the model: pairs at one position do not bargain, offers whose moves differ by less
 * are tied, and positions spread over less are one position. A billionth of the range is far below
 * the resolution of any coding and far above floating-point noise (about 1e-16 of it): positions
 * perturbed by 1e-9 on a 0–100 scale (1e-11 of it) give the same trajectory. The replication
 * tests exact equality instead; on its reference cases the two agree to 1e-9 over 10 rounds (the
 * trajectories would part only once an actor came within 1e-9 of the scale of another's position).
 */
export const SAME_POSITION = 1e-9;

export interface EumOptions {
  readonly maxRounds?: number;
  /** Stop when no actor moves more than this fraction of R in a round. */
  readonly tolerance?: number;
  readonly Q?: number;
  readonly T?: number;
  readonly normalize?: 'positions' | 'scale';
  /** Record the positions after every round (allocates; for charts and the web lab). */
  readonly trace?: boolean;
  /** 'text' (default) or 'scholz': the defaults of choices (a)–(d). */
  readonly variant?: EumVariant;
  readonly probability?: EumChoices['probability'];
  readonly perspective?: EumChoices['perspective'];
  readonly voterRisk?: EumChoices['voterRisk'];
  readonly selection?: EumChoices['selection'];
  /**
   * For tests: run every round and evaluate every expected utility with the general formula (no
   * shortcut). The shortcuts give the same values to the last bit; test/bargaining/eum-speed.test.ts
   * checks it.
   */
  readonly reference?: boolean;
}

/** The choices (a)–(d) in force: the variant's, with any set one by one. */
export function eumChoices(opts: EumOptions = {}): EumChoices {
  const base = EUM_CHOICES[opts.variant ?? DEFAULT_EUM_VARIANT];
  return {
    probability: opts.probability ?? base.probability,
    perspective: opts.perspective ?? base.perspective,
    voterRisk: opts.voterRisk ?? base.voterRisk,
    selection: opts.selection ?? base.selection,
  };
}

export interface EumResult {
  /** The weighted median of the final positions. */
  readonly outcome: number;
  /** The weighted mean of the final positions. */
  readonly mean: number;
  /** The weighted median of the initial positions. */
  readonly initialMedian: number;
  readonly rounds: number;
  readonly converged: boolean;
  /** Final positions, aligned with the scenario's actors (NaN for actors without a position). */
  readonly positions: Float64Array;
  /** Final risk exponents. */
  readonly risk: Float64Array;
  /** The choices (a)–(d) the run used. */
  readonly choices: EumChoices;
  /** With `trace`: the weighted median after each round (index 0 = before bargaining). */
  readonly medians?: number[];
  /** With `trace`: the weighted mean after each round (index 0 = before bargaining). */
  readonly means?: number[];
  /** With `trace`: the positions after each round (index 0 = the starting positions). */
  readonly history?: Float64Array[];
  /** With `trace`: the risk exponents used in each round (index 0 = all 1, before bargaining). */
  readonly risks?: Float64Array[];
}

export class EumWorkspace {
  m = 0;
  idx: Int32Array = new Int32Array(0);
  x: Float64Array = new Float64Array(0);
  nx: Float64Array = new Float64Array(0);
  c: Float64Array = new Float64Array(0);
  s: Float64Array = new Float64Array(0);
  w: Float64Array = new Float64Array(0);
  r: Float64Array = new Float64Array(0);
  S: Float64Array = new Float64Array(0);
  P: Float64Array = new Float64Array(0);
  ls: Float64Array = new Float64Array(0);
  lf: Float64Array = new Float64Array(0);
  dr: Float64Array = new Float64Array(0);
  best: Float64Array = new Float64Array(0);
  bestEu: Float64Array = new Float64Array(0);
  bestFrom: Int32Array = new Int32Array(0);
  /** Every sender's offer to every receiver in a round (i * m + j; NaN: none), its EU, kind and key. */
  offerTo: Float64Array = new Float64Array(0);
  offerEu: Float64Array = new Float64Array(0);
  offerKind: Int8Array = new Int8Array(0);
  offerKey: Float64Array = new Float64Array(0);
  usq: Float64Array = new Float64Array(0);
  ones: Uint8Array = new Uint8Array(0);
  /** The positions after each round and the risk exponents of that round (cycle detection). */
  states: Float64Array = new Float64Array(0);
  stateRisks: Float64Array = new Float64Array(0);
  stateHash: Float64Array = new Float64Array(0);
  readonly median = new MedianWorkspace();

  /** Room for the states of rounds 0..rounds (m actors each); grows by doubling. */
  ensureStates(rounds: number, m: number): void {
    const need = (rounds + 1) * m;
    if (this.states.length >= need && this.stateHash.length > rounds) return;
    const cap = Math.max(need, 2 * this.states.length, 64 * m);
    const st = new Float64Array(cap);
    st.set(this.states.subarray(0, Math.min(this.states.length, cap)));
    const sr = new Float64Array(cap);
    sr.set(this.stateRisks.subarray(0, Math.min(this.stateRisks.length, cap)));
    const sh = new Float64Array(Math.max(rounds + 1, 2 * this.stateHash.length, 64));
    sh.set(this.stateHash);
    this.states = st;
    this.stateRisks = sr;
    this.stateHash = sh;
  }

  ensure(m: number): void {
    if (this.x.length >= m) return;
    this.idx = new Int32Array(m);
    this.x = new Float64Array(m);
    this.nx = new Float64Array(m);
    this.c = new Float64Array(m);
    this.s = new Float64Array(m);
    this.w = new Float64Array(m);
    this.r = new Float64Array(m);
    this.S = new Float64Array(m);
    this.P = new Float64Array(m * m);
    this.ls = new Float64Array(m * m);
    this.lf = new Float64Array(m * m);
    this.dr = new Float64Array(m * m);
    this.best = new Float64Array(m);
    this.bestEu = new Float64Array(m);
    this.bestFrom = new Int32Array(m);
    this.offerTo = new Float64Array(m * m);
    this.offerEu = new Float64Array(m * m);
    this.offerKind = new Int8Array(m * m);
    this.offerKey = new Float64Array(m * m);
    this.usq = new Float64Array(m);
    this.ones = new Uint8Array(m).fill(1);
  }
}

const shared = new EumWorkspace();

/** Expected utilities closer than this are equal (rounding must not decide a contest). */
const TIE = 1e-12;

const CONFLICT = 1;
const COMPROMISE = 2;
const CAPITULATION = 3;

/** Expected utility of challenging, from the perspective of an actor with risk exponent r. */
function eu(r: number, d: number, p: number, sTarget: number, dMu: number, Q: number, T: number): number {
  const us = 2 - 4 * (0.5 - 0.5 * d) ** r;
  const uf = 2 - 4 * (0.5 + 0.5 * d) ** r;
  const usq = 2 - 4 * 0.5 ** r;
  let v = sTarget * (p * us + (1 - p) * uf) + (1 - sTarget) * us - Q * usq;
  if (Q < 1) {
    const ub = 2 - 4 * Math.max(0, 0.5 - 0.25 * (dMu + d)) ** r;
    const uw = 2 - 4 * (0.5 + 0.25 * (dMu + d)) ** r;
    v -= (1 - Q) * (T * ub + (1 - T) * uw);
  }
  return v;
}

/**
 * A distance dx as a share of R, with the tolerance: 0 when dx is within `same` of 0, 1 when within
 * `same` of R. The utilities (0.5 ∓ 0.5 d)^r and the votes d^r have infinite slopes at d = 0 and
 * d = 1 when r < 1, so noise of 1e-11 there would otherwise move a compromise by 1e-4.
 */
function normDist(dx: number, R: number, same: number): number {
  if (dx <= same) return 0;
  if (R - dx <= same) return 1;
  return dx / R;
}

/**
 * P[i*m + j], the probability that i prevails over j, from the votes of all actors: with
 * `ownRisk`, voter k's normalized distances are raised to r_k (choice c); with `triples`, the
 * denominator is the sum over every triple (choice a), else over the pair.
 */
function probabilities(
  m: number,
  x: Float64Array,
  w: Float64Array,
  r: Float64Array,
  R: number,
  ownRisk: boolean,
  triples: boolean,
  P: Float64Array,
  dr: Float64Array,
  same: number,
): void {
  if (!triples && !ownRisk) {
    // the text's votes: linear in the distances (smooth, so no tolerance is needed), over the pair
    for (let i = 0; i < m; i++) {
      P[i * m + i] = 0;
      for (let j = i + 1; j < m; j++) {
        let num = 0;
        let den = 0;
        for (let k = 0; k < m; k++) {
          const v = w[k]! * (Math.abs(x[k]! - x[j]!) - Math.abs(x[k]! - x[i]!));
          if (v > 0) num += v;
          den += Math.abs(v);
        }
        const p = den > 0 ? num / den : 0.5;
        P[i * m + j] = p;
        P[j * m + i] = den > 0 ? 1 - p : 0.5;
      }
    }
    return;
  }
  // dr[k*m + a] = voter k's (normalized) distance to a, raised to r_k when ownRisk; 0 within the
  // tolerance (see normDist)
  for (let k = 0; k < m; k++) {
    const rk = ownRisk ? r[k]! : 1;
    for (let a = 0; a < m; a++) {
      const d = normDist(Math.abs(x[k]! - x[a]!), R, same);
      dr[k * m + a] = rk === 1 ? d : d ** rk;
    }
  }
  let all = 0;
  if (triples) {
    for (let k = 0; k < m; k++) {
      let t = 0;
      const row = k * m;
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) t += Math.abs(dr[row + b]! - dr[row + a]!);
      all += w[k]! * t;
    }
  }
  for (let i = 0; i < m; i++) {
    P[i * m + i] = 0;
    for (let j = i + 1; j < m; j++) {
      let num = 0;
      let numj = 0;
      let den = 0;
      for (let k = 0; k < m; k++) {
        const v = w[k]! * (dr[k * m + j]! - dr[k * m + i]!);
        if (v > 0) num += v;
        else numj -= v;
        den += Math.abs(v);
      }
      if (triples) {
        // the code returns 0 for two actors at one position
        const apart = all > 0 && Math.abs(x[i]! - x[j]!) > same;
        P[i * m + j] = apart ? num / all : 0;
        P[j * m + i] = apart ? numj / all : 0;
      } else {
        const p = den > 0 ? num / den : 0.5;
        P[i * m + j] = p;
        P[j * m + i] = den > 0 ? 1 - p : 0.5;
      }
    }
  }
}

/**
 * Runs the model on actors given as flat arrays (one dimension). `lo`/`hi` are the scale ends (used
 * when `normalize` is 'scale'). Returns null when no actor with a position has a positive weight.
 */
export function expectedUtility(
  n: number,
  x0: ArrayLike<number>,
  capability: ArrayLike<number>,
  salience: ArrayLike<number>,
  has: ArrayLike<number>,
  lo: number,
  hi: number,
  opts: EumOptions = {},
  ws: EumWorkspace = shared,
): EumResult | null {
  const maxRounds = opts.maxRounds ?? DEFAULT_MAX_ROUNDS;
  const tol = opts.tolerance ?? 1e-3;
  const Q = opts.Q ?? 1;
  const T = opts.T ?? 1;
  const choices = eumChoices(opts);
  const triples = choices.probability === 'triples';
  const receiver = choices.perspective === 'receiver';
  const ownRisk = choices.voterRisk === 'own';
  const byType = choices.selection === 'by-type';
  const reference = opts.reference === true;
  // The text's choices with Q = 1 take the fast path (one log per pair, one exp per perceiver).
  const fast = Q === 1 && !receiver;
  // A round maps the positions alone to the next positions (the risk exponents, probabilities and
  // offers are recomputed from them), so once the positions repeat those after an earlier round the
  // trajectory is periodic, never converges (every move in the cycle exceeded the tolerance) and its
  // state after maxRounds is known without running the rest: Scholz's choices cycle on most issues.
  // States are kept for up to MAX_CYCLE_ROUNDS rounds.
  const detectCycles = !reference && maxRounds > 1;
  ws.ensure(n);
  const { idx, x, nx, c, s, w, r, S, P, best, bestEu, bestFrom, offerTo, offerEu, offerKind, offerKey } = ws;
  const usqOf = ws.usq;
  // Canonical order: by position, capability, salience (ties: the input order).
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    let j = m - 1;
    while (j >= 0 && after(idx[j]!, i, x0, capability, salience)) {
      idx[j + 1] = idx[j]!;
      j--;
    }
    idx[j + 1] = i;
    m++;
  }
  let wsum = 0;
  let xmin = Number.POSITIVE_INFINITY;
  let xmax = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < m; k++) {
    const i = idx[k]!;
    x[k] = x0[i]!;
    c[k] = capability[i]!;
    s[k] = salience[i]!;
    w[k] = c[k]! * s[k]!;
    wsum += w[k]!;
    if (x[k]! < xmin) xmin = x[k]!;
    if (x[k]! > xmax) xmax = x[k]!;
  }
  if (m === 0 || !(wsum > 0)) return null;
  const ones = ws.ones;
  const weightOf = (k: number) => w[k]!;
  const median = () => weightedMedian(m, x, 1, 0, weightOf, ones, ws.median);
  const mean = () => {
    let num = 0;
    for (let k = 0; k < m; k++) num += w[k]! * x[k]!;
    return num / wsum;
  };
  const initialMedian = median();
  const R = opts.normalize === 'scale' ? hi - lo : xmax - xmin;
  r.fill(1, 0, m);
  const medians: number[] | undefined = opts.trace ? [initialMedian] : undefined;
  const means: number[] | undefined = opts.trace ? [mean()] : undefined;
  const history: Float64Array[] | undefined = opts.trace ? [x.slice(0, m)] : undefined;
  const risks: Float64Array[] | undefined = opts.trace ? [r.slice(0, m)] : undefined;
  // positions closer than this are the same position (floating-point noise must not start a contest)
  const same = SAME_POSITION * Math.max(hi - lo, R);
  let rounds = 0;
  // positions spread over less than the tolerance of the scale are one position: nothing to bargain over
  let converged = !(R > SAME_POSITION * (hi - lo));
  const LS = ws.ls;
  const LF = ws.lf;
  if (detectCycles) {
    ws.ensureStates(0, m);
    saveState(ws, 0, m, x, r);
  }
  while (!converged && rounds < maxRounds) {
    rounds++;
    const mu = median();
    // (1) probabilities with every r = 1 (the risk exponents are recomputed from scratch each round)
    r.fill(1, 0, m);
    probabilities(m, x, w, r, R, false, triples, P, ws.dr, same);
    // (4) risk, from expected utilities with r = 1.
    let smax = Number.NEGATIVE_INFINITY;
    let smin = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let j = 0; j < m; j++) {
        if (j === i) continue;
        const d = Math.abs(x[i]! - x[j]!) / R; // enters linearly (r = 1): no tolerance needed
        // with r = 1: U_s = 2d, U_f = −2d, U_sq = 0, so EU = 2d (1 − 2 s_i (1 − P_ji)) when Q = 1
        sum +=
          Q === 1
            ? 2 * d * (1 - 2 * s[i]! * (1 - P[j * m + i]!))
            : eu(1, d, P[j * m + i]!, s[i]!, Math.abs(x[j]! - mu) / R, Q, T);
      }
      S[i] = sum;
      if (sum > smax) smax = sum;
      if (sum < smin) smin = sum;
    }
    for (let i = 0; i < m; i++) {
      const Ri = smax > smin ? (2 * S[i]! - smax - smin) / (smax - smin) : 0;
      r[i] = (1 - Ri / 3) / (1 + Ri / 3);
      usqOf[i] = 2 - 4 * 0.5 ** r[i]!;
    }
    // (c) the votes with each voter's own risk exponent
    if (ownRisk) probabilities(m, x, w, r, R, true, triples, P, ws.dr, same);
    // (5) offers; (6) each receiver keeps one (the smallest move, or by type).
    best.fill(Number.NaN, 0, m);
    bestEu.fill(0, 0, m);
    offerTo.fill(Number.NaN, 0, m * m);
    if (fast) {
      // ln(0.5 ∓ 0.5 d) per pair, so that each perceiver's U_s, U_f cost an exp, not a pow
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) {
          const d = normDist(Math.abs(x[i]! - x[j]!), R, same);
          LS[i * m + j] = LS[j * m + i] = Math.log(0.5 - 0.5 * d);
          LF[i * m + j] = LF[j * m + i] = Math.log(0.5 + 0.5 * d);
        }
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (j === i || Math.abs(x[j]! - x[i]!) <= same) continue;
        // i (sender) to j (receiver): a = EU(i→j), b = EU(j→i), both from the perceiver's view
        const rp = receiver ? r[j]! : r[i]!;
        let a: number;
        let b: number;
        if (fast) {
          // U_s and U_f are the same for i's challenge of j and j's of i (same distance, one risk)
          const us = 2 - 4 * Math.exp(rp * LS[i * m + j]!);
          const uf = 2 - 4 * Math.exp(rp * LF[i * m + j]!);
          const usq = receiver ? usqOf[j]! : usqOf[i]!;
          const pij = P[i * m + j]!;
          a = s[j]! * (pij * us + (1 - pij) * uf) + (1 - s[j]!) * us - usq;
          if (!(a > TIE)) continue;
          const pji = P[j * m + i]!;
          b = s[i]! * (pji * us + (1 - pji) * uf) + (1 - s[i]!) * us - usq;
        } else if (Q === 1 && !reference) {
          // Q = 1 (the default; the receiver's perspective of Scholz's code lands here): U_b and U_w
          // drop out, and a and b share one distance and one perceiver, so U_s, U_f and U_sq are
          // computed once per ordered pair (U_sq once per perceiver, above) — the operations of eu(),
          // in its order, so every value is the same to the last bit
          const d = normDist(Math.abs(x[i]! - x[j]!), R, same);
          const us = 2 - 4 * (0.5 - 0.5 * d) ** rp;
          const usq = receiver ? usqOf[j]! : usqOf[i]!;
          const pij = P[i * m + j]!;
          const uf = 2 - 4 * (0.5 + 0.5 * d) ** rp;
          a = s[j]! * (pij * us + (1 - pij) * uf) + (1 - s[j]!) * us - usq;
          if (!(a > TIE)) continue;
          const pji = P[j * m + i]!;
          b = s[i]! * (pji * us + (1 - pji) * uf) + (1 - s[i]!) * us - usq;
        } else {
          const d = normDist(Math.abs(x[i]! - x[j]!), R, same);
          a = eu(rp, d, P[i * m + j]!, s[j]!, Math.abs(x[i]! - mu) / R, Q, T);
          if (!(a > TIE)) continue;
          b = eu(rp, d, P[j * m + i]!, s[i]!, Math.abs(x[j]! - mu) / R, Q, T);
        }
        let target: number;
        let kind: number;
        if (b > TIE) {
          if (!(a > b + TIE)) continue;
          target = x[i]!; // conflict i expects to win
          kind = CONFLICT;
        } else if (a > -b) {
          target = b >= 0 ? x[j]! : x[j]! + (x[i]! - x[j]!) * (-b / a); // compromise
          kind = COMPROMISE;
        } else {
          if (byType) continue; // never taken by the code (see (d))
          target = x[i]!; // capitulation
          kind = CAPITULATION;
        }
        // every offer is kept, and each receiver chooses after all are known (below), so that the
        // choice does not depend on the order the senders are visited in
        const o = i * m + j;
        offerTo[o] = target;
        offerEu[o] = a;
        offerKind[o] = kind;
        if (byType)
          offerKey[o] =
            kind === CONFLICT
              ? Math.abs(target - x[j]!)
              : (Math.abs(b) * x[j]! + a * x[i]!) / (a + Math.abs(b));
      }
    }
    // (6) each receiver's choice, anchored at the best offer so that ties within the tolerance are
    // the same whatever the order (a chain of offers each within the tolerance of the next is not
    // one tie):
    // - smallest move: the least move; offers within `same` of it are tied: the largest EU (those
    //   within TIE of it are tied), then the lowest position;
    // - by type: conflicts before compromises; among them the least move (conflicts) or the lowest
    //   |EU|-weighted mean of the two positions (compromises); within `same` of it: the first
    //   sender in input order.
    for (let j = 0; j < m; j++) {
      if (byType) {
        let k0 = 0;
        let key0 = Number.POSITIVE_INFINITY;
        for (let i = 0; i < m; i++) {
          const o = i * m + j;
          if (Number.isNaN(offerTo[o]!)) continue;
          const k = offerKind[o]!;
          if (k0 === 0 || k < k0 || (k === k0 && offerKey[o]! < key0)) {
            k0 = k;
            key0 = offerKey[o]!;
          }
        }
        if (k0 === 0) continue;
        let from = -1;
        for (let i = 0; i < m; i++) {
          const o = i * m + j;
          if (Number.isNaN(offerTo[o]!) || offerKind[o] !== k0 || !(offerKey[o]! <= key0 + same)) continue;
          if (from < 0 || idx[i]! < bestFrom[j]!) {
            from = i;
            best[j] = offerTo[o]!;
            bestEu[j] = offerEu[o]!;
            bestFrom[j] = idx[i]!;
          }
        }
        continue;
      }
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        const t = offerTo[i * m + j]!;
        if (Number.isNaN(t)) continue;
        const move = Math.abs(t - x[j]!);
        if (move < least) least = move;
      }
      if (least === Number.POSITIVE_INFINITY) continue;
      let top = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        const o = i * m + j;
        const t = offerTo[o]!;
        if (!Number.isNaN(t) && Math.abs(t - x[j]!) <= least + same && offerEu[o]! > top) top = offerEu[o]!;
      }
      for (let i = 0; i < m; i++) {
        const o = i * m + j;
        const t = offerTo[o]!;
        if (Number.isNaN(t) || !(Math.abs(t - x[j]!) <= least + same) || !(offerEu[o]! >= top - TIE))
          continue;
        if (Number.isNaN(best[j]!) || t < best[j]!) {
          best[j] = t;
          bestEu[j] = offerEu[o]!;
        }
      }
    }
    let moved = 0;
    for (let j = 0; j < m; j++) {
      nx[j] = Number.isNaN(best[j]!) ? x[j]! : best[j]!;
      moved = Math.max(moved, Math.abs(nx[j]! - x[j]!));
    }
    for (let j = 0; j < m; j++) x[j] = nx[j]!;
    if (medians) medians.push(median());
    if (means) means.push(mean());
    if (history) history.push(x.slice(0, m));
    if (risks) risks.push(r.slice(0, m));
    if (moved <= tol * R) converged = true;
    else if (detectCycles && rounds < maxRounds && rounds <= MAX_CYCLE_ROUNDS) {
      ws.ensureStates(rounds, m);
      const p = saveState(ws, rounds, m, x, r);
      if (p >= 0) {
        // the state after round `rounds` is the state after round p: period L = rounds − p, and the
        // state after round k ≥ p is the state after round p + (k − p) mod L; the risk exponents
        // used in round k come from the state before it, so they are those of round at(k − 1) + 1
        const L = rounds - p;
        const at = (k: number) => p + ((k - p) % L);
        if (medians && means && history && risks)
          for (let k = rounds + 1; k <= maxRounds; k++) {
            const q = at(k);
            medians.push(medians[q]!);
            means.push(means[q]!);
            history.push(history[q]!);
            risks.push(risks[at(k - 1) + 1]!);
          }
        const fin = at(maxRounds);
        const used = at(maxRounds - 1) + 1;
        x.set(ws.states.subarray(fin * m, fin * m + m));
        r.set(ws.stateRisks.subarray(used * m, used * m + m));
        rounds = maxRounds;
      }
    }
  }
  const positions = new Float64Array(n).fill(Number.NaN);
  const risk = new Float64Array(n).fill(Number.NaN);
  for (let k = 0; k < m; k++) {
    positions[idx[k]!] = x[k]!;
    risk[idx[k]!] = r[k]!;
  }
  const result: EumResult = {
    outcome: median(),
    mean: mean(),
    initialMedian,
    rounds,
    converged,
    positions,
    risk,
    choices,
  };
  if (medians && means && history && risks) {
    // history rows are in canonical order: map them back to the actors' order
    const mapBack = (row: Float64Array) => {
      const out = new Float64Array(n).fill(Number.NaN);
      for (let k = 0; k < m; k++) out[idx[k]!] = row[k]!;
      return out;
    };
    return { ...result, medians, means, history: history.map(mapBack), risks: risks.map(mapBack) };
  }
  return result;
}

/** Rounds whose states are kept for cycle detection (beyond them every round is run). */
const MAX_CYCLE_ROUNDS = 4096;
/**
 * The longest period looked for (a longer cycle is simply run round by round): Scholz's choices
 * cycle with periods of 2 to 8 rounds on the benchmark's issues, and a wider search costs the
 * converging runs of the text's choices more than it saves.
 */
const MAX_PERIOD = 16;

/**
 * Stores the positions after round k (and the risk exponents used in it) and returns the earlier
 * round whose positions are the same to the last bit (Object.is, so −0 and 0 differ) within the last MAX_PERIOD rounds, or −1.
 */
function saveState(ws: EumWorkspace, k: number, m: number, x: Float64Array, r: Float64Array): number {
  let h = 0;
  for (let a = 0; a < m; a++) h += x[a]! * (a + 1);
  const base = k * m;
  for (let a = 0; a < m; a++) {
    ws.states[base + a] = x[a]!;
    ws.stateRisks[base + a] = r[a]!;
  }
  ws.stateHash[k] = h;
  for (let p = k - 1; p >= 0 && p >= k - MAX_PERIOD; p--) {
    if (ws.stateHash[p] !== h) continue;
    let same = true;
    for (let a = 0; a < m && same; a++) same = Object.is(ws.states[p * m + a], x[a]);
    if (same) return p;
  }
  return -1;
}

/** Does actor a come after actor b in the canonical order? */
function after(
  a: number,
  b: number,
  x: ArrayLike<number>,
  c: ArrayLike<number>,
  s: ArrayLike<number>,
): boolean {
  if (x[a] !== x[b]) return x[a]! > x[b]!;
  if (c[a] !== c[b]) return c[a]! > c[b]!;
  return s[a]! > s[b]!;
}

export function eumModel(
  issue: ResolvedIssue,
  capability: ArrayLike<number>,
  opts?: EumOptions,
  ws?: EumWorkspace,
): EumResult | null {
  if (issue.dims !== 1) return null;
  return expectedUtility(
    capability.length,
    issue.position,
    capability,
    issue.salience,
    issue.has,
    issue.lo[0]!,
    issue.hi[0]!,
    opts,
    ws,
  );
}

export interface EumSensitivity {
  /** Every combination of choices (a)–(d), with its forecast (null when the model cannot say). */
  readonly combinations: Array<{ choices: EumChoices; outcome: number | null; rounds: number }>;
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  /**
   * For each choice, how much switching it alone moves the forecast: the mean and the largest
   * absolute change over the 8 combinations of the other three.
   */
  readonly effects: Record<(typeof EUM_CHOICE_KEYS)[number], { mean: number; max: number }>;
  /** The choices whose switch moves the forecast by more than 1e-9 of the scale somewhere. */
  readonly moving: Array<(typeof EUM_CHOICE_KEYS)[number]>;
}

/** Runs the model under all 16 combinations of choices (a)–(d) (other options as given). */
export function eumSensitivity(
  issue: ResolvedIssue,
  capability: ArrayLike<number>,
  opts: EumOptions = {},
  ws?: EumWorkspace,
): EumSensitivity | null {
  if (issue.dims !== 1) return null;
  const alternatives = {
    probability: ['pair', 'triples'],
    perspective: ['sender', 'receiver'],
    voterRisk: ['linear', 'own'],
    selection: ['smallest-move', 'by-type'],
  } as const;
  const combinations: EumSensitivity['combinations'] = [];
  for (let bits = 0; bits < 16; bits++) {
    const choices: EumChoices = {
      probability: alternatives.probability[bits & 1]!,
      perspective: alternatives.perspective[(bits >> 1) & 1]!,
      voterRisk: alternatives.voterRisk[(bits >> 2) & 1]!,
      selection: alternatives.selection[(bits >> 3) & 1]!,
    };
    const r = eumModel(issue, capability, { ...opts, ...choices, trace: false }, ws);
    combinations.push({ choices, outcome: r ? r.outcome : null, rounds: r ? r.rounds : 0 });
  }
  const values = combinations.flatMap((c) => (c.outcome === null ? [] : [c.outcome])).sort((a, b) => a - b);
  const q = (p: number) => {
    if (values.length === 0) return null;
    const h = (values.length - 1) * p;
    const l = Math.floor(h);
    return values[l]! + (values[Math.min(l + 1, values.length - 1)]! - values[l]!) * (h - l);
  };
  const scale = issue.hi[0]! - issue.lo[0]!;
  const effects = {} as Record<(typeof EUM_CHOICE_KEYS)[number], { mean: number; max: number }>;
  const moving: Array<(typeof EUM_CHOICE_KEYS)[number]> = [];
  EUM_CHOICE_KEYS.forEach((key, bit) => {
    let sum = 0;
    let max = 0;
    let k = 0;
    for (let bits = 0; bits < 16; bits++) {
      if (bits & (1 << bit)) continue;
      const a = combinations[bits]!.outcome;
      const b = combinations[bits | (1 << bit)]!.outcome;
      if (a === null || b === null) continue;
      const d = Math.abs(a - b);
      sum += d;
      k++;
      if (d > max) max = d;
    }
    effects[key] = { mean: k ? sum / k : 0, max };
    if (max > SAME_POSITION * scale) moving.push(key);
  });
  return { combinations, min: q(0), median: q(0.5), max: q(1), effects, moving };
}
