/**
 * Streaming aggregates of a sweep, per batch, and the summary computed from them.
 *
 * Each batch yields one aggregate per (design point, issue, model): the count, mean and sum of
 * squared deviations of the outcome (Welford's update, in replicate order), its minimum and
 * maximum, a histogram on FINE_BINS equal bins of the issue's scale, the adoption calls, and how
 * often each actor blocks or takes part. Aggregates of batches are merged in batch order
 * (Chan, Golub & LeVeque's pairwise update for the mean and variance, "Algorithms for computing the
 * sample variance", The American Statistician 37(3), 1983), so the summary is a fixed sequence of
 * floating-point operations on the batches' aggregates: bit-identical whatever the number of
 * workers, the order in which batches finished, or a crash and resume in between. Aggregates are
 * stored as JSON; numbers survive the round trip exactly (ECMAScript's shortest round-trip form).
 *
 * Quantiles are read off the fine histogram: exact to within one bin (1/1000 of the scale), and
 * exact for point masses (a status quo, a proposal), because a bin whose outcomes are all equal
 * keeps that value ("atoms"). The histogram is stored sparsely, so that a batch's aggregate stays
 * small (a few kB per issue and model). The rows
 * (kept with `--keep rows`, the default) allow exact quantiles to be recomputed from an export.
 *
 * With Saltelli sampling, a second aggregate per (issue, model) accumulates the sums behind the
 * Sobol estimators (./sobol.ts).
 */
import { ConcordError } from '../errors.js';
import type { ForecastRow } from './adapter.js';

export const FINE_BINS = 1000;
export const DISPLAY_BINS = 20;
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * The unit in which squares of outcomes are summed: 1 for ordinary scales (so sums are exactly
 * what they always were), the largest power of two not above the scale's width for scales wider than 2^300 or narrower
 * than 2^-300, whose squared deviations would overflow a double or underflow to a silent 0 (a power of two divides exactly: nothing is rounded).
 */
export function momentUnit(lo: number, hi: number): number {
  const w = hi - lo;
  if (!(w > 2 ** 300 || (w > 0 && w < 2 ** -300))) return 1;
  return 2 ** Math.floor(Math.log2(w));
}

/** A summary figure that is not finite is an error naming it, never a NaN or a null in output. */
function finite(x: number, field: string): number {
  if (!Number.isFinite(x))
    throw new ConcordError('E_VALIDATION', `the sweep's ${field} is not a finite number (${x})`, {
      path: field,
      hint: 'Use an issue scale of ordinary size (e.g. [0, 100]): outcomes are relative to it.',
      key: 'sweep.notFinite',
      values: { field, x: String(x) },
    });
  return x;
}

/** The aggregate of one (point, issue, model) cell. */
export class Cell {
  n = 0;
  mean = 0;
  m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Rows without an outcome (the model makes no forecast there). */
  missing = 0;
  readonly hist: Int32Array;
  /**
   * Per fine bin: the value of its outcomes when they are all equal (an atom), NaN when they differ
   * (the bin is then read by interpolation between its edges); unset bins hold NaN too.
   */
  readonly atom: Float64Array;
  /** Adoption calls made, and how many said adopted. */
  calls = 0;
  adopted = 0;
  /** Replicates where the model names blockers (possibly none), with at least one, and per actor. */
  blockN = 0;
  blockAny = 0;
  readonly block: Int32Array;
  partN = 0;
  readonly part: Int32Array;
  roundsN = 0;
  roundsSum = 0;
  /** m2 is the sum of squared deviations in this unit squared (see momentUnit). */
  readonly unit: number;

  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly actors: number,
  ) {
    this.unit = momentUnit(lo, hi);
    this.hist = new Int32Array(FINE_BINS);
    this.atom = new Float64Array(FINE_BINS).fill(Number.NaN);
    this.block = new Int32Array(actors);
    this.part = new Int32Array(actors);
  }

  add(row: ForecastRow): void {
    const x = row.outcome;
    if (x === null || !Number.isFinite(x)) this.missing++;
    else {
      this.n++;
      const d = x - this.mean;
      this.mean += d / this.n;
      this.m2 += (d / this.unit) * ((x - this.mean) / this.unit);
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      const b = this.bin(x);
      const h = this.hist[b]!;
      this.hist[b] = h + 1;
      if (h === 0) this.atom[b] = x;
      else if (this.atom[b] !== x) this.atom[b] = Number.NaN;
    }
    if (row.adopted !== null) {
      this.calls++;
      if (row.adopted) this.adopted++;
    }
    if (row.blockers !== null) {
      this.blockN++;
      if (row.blockers.length > 0) this.blockAny++;
      for (const a of row.blockers) this.block[a]!++;
    }
    if (row.participants !== null) {
      this.partN++;
      for (const a of row.participants) this.part[a]!++;
    }
    if (row.rounds !== null) {
      this.roundsN++;
      this.roundsSum += row.rounds;
    }
  }

  bin(x: number): number {
    const b = Math.floor(((x - this.lo) / (this.hi - this.lo)) * FINE_BINS);
    return b < 0 ? 0 : b >= FINE_BINS ? FINE_BINS - 1 : b;
  }

  /** Merges `o` into this cell (Chan et al. for the moments; sums for the counts). */
  merge(o: Cell): void {
    if (o.n > 0) {
      if (this.n === 0) {
        this.n = o.n;
        this.mean = o.mean;
        this.m2 = o.m2;
      } else {
        const n = this.n + o.n;
        const delta = o.mean - this.mean;
        this.mean += delta * (o.n / n); // not (delta · o.n) / n, which overflows near the largest double
        const du = delta / this.unit;
        this.m2 += o.m2 + (du * du * this.n * o.n) / n;
        this.n = n;
      }
      if (o.min < this.min) this.min = o.min;
      if (o.max > this.max) this.max = o.max;
    }
    this.missing += o.missing;
    for (let i = 0; i < FINE_BINS; i++) {
      if (o.hist[i] === 0) continue;
      if (this.hist[i] === 0) this.atom[i] = o.atom[i]!;
      else if (this.atom[i] !== o.atom[i]) this.atom[i] = Number.NaN;
      this.hist[i]! += o.hist[i]!;
    }
    this.calls += o.calls;
    this.adopted += o.adopted;
    this.blockN += o.blockN;
    this.blockAny += o.blockAny;
    this.partN += o.partN;
    for (let a = 0; a < this.actors; a++) {
      this.block[a]! += o.block[a]!;
      this.part[a]! += o.part[a]!;
    }
    this.roundsN += o.roundsN;
    this.roundsSum += o.roundsSum;
  }

  toJSON(): CellJSON {
    const hist: number[] = [];
    const atoms: number[] = [];
    for (let i = 0; i < FINE_BINS; i++)
      if (this.hist[i]) {
        hist.push(i, this.hist[i]!);
        if (!Number.isNaN(this.atom[i]!)) atoms.push(i, this.atom[i]!);
      }
    return {
      n: this.n,
      mean: this.mean,
      m2: this.m2,
      min: this.n ? this.min : null,
      max: this.n ? this.max : null,
      missing: this.missing,
      hist,
      atoms,
      calls: this.calls,
      adopted: this.adopted,
      blockN: this.blockN,
      blockAny: this.blockAny,
      block: this.blockN ? Array.from(this.block) : [],
      partN: this.partN,
      part: this.partN ? Array.from(this.part) : [],
      roundsN: this.roundsN,
      roundsSum: this.roundsSum,
    };
  }

  static fromJSON(j: CellJSON, lo: number, hi: number, actors: number): Cell {
    const c = new Cell(lo, hi, actors);
    c.n = j.n;
    c.mean = j.mean;
    c.m2 = j.m2;
    c.min = j.min ?? Number.POSITIVE_INFINITY;
    c.max = j.max ?? Number.NEGATIVE_INFINITY;
    c.missing = j.missing;
    for (let i = 0; i < j.hist.length; i += 2) c.hist[j.hist[i]!] = j.hist[i + 1]!;
    for (let i = 0; i < j.atoms.length; i += 2) c.atom[j.atoms[i]!] = j.atoms[i + 1]!;
    c.calls = j.calls;
    c.adopted = j.adopted;
    c.blockN = j.blockN;
    c.blockAny = j.blockAny;
    j.block.forEach((v, a) => {
      c.block[a] = v;
    });
    c.partN = j.partN;
    j.part.forEach((v, a) => {
      c.part[a] = v;
    });
    c.roundsN = j.roundsN;
    c.roundsSum = j.roundsSum;
    return c;
  }
}

export interface CellJSON {
  n: number;
  mean: number;
  m2: number;
  min: number | null;
  max: number | null;
  missing: number;
  /** Sparse fine histogram: bin, count, bin, count, … */
  hist: number[];
  /** Bins whose outcomes are all equal: bin, value, bin, value, … */
  atoms: number[];
  calls: number;
  adopted: number;
  blockN: number;
  blockAny: number;
  block: number[];
  partN: number;
  part: number[];
  roundsN: number;
  roundsSum: number;
}

/**
 * Sums behind the Sobol estimators for one (issue, model), over groups (A, B, A_B¹ … A_Bᵏ) of
 * Saltelli's design. Outcomes are shifted by the middle of the scale before summing.
 */
export class SobolCell {
  groups = 0;
  /** Groups left out because a model gave no outcome in one of their runs. */
  skipped = 0;
  sA = 0;
  sB = 0;
  sAA = 0;
  sBB = 0;
  readonly first: Float64Array;
  readonly total: Float64Array;

  constructor(
    readonly k: number,
    readonly shift: number,
    /** Outcomes are divided by this unit too (see momentUnit); the indices are ratios, unchanged. */
    readonly unit = 1,
  ) {
    this.first = new Float64Array(k);
    this.total = new Float64Array(k);
  }

  /** Adds one group: y[0] = f(A), y[1] = f(B), y[2 + i] = f(A_Bⁱ). */
  addGroup(y: Float64Array, offset: number, stride: number): void {
    const k = this.k;
    for (let c = 0; c < k + 2; c++) {
      if (!Number.isFinite(y[offset + c * stride]!)) {
        this.skipped++;
        return;
      }
    }
    const fa = (y[offset]! - this.shift) / this.unit;
    const fb = (y[offset + stride]! - this.shift) / this.unit;
    this.groups++;
    this.sA += fa;
    this.sB += fb;
    this.sAA += fa * fa;
    this.sBB += fb * fb;
    for (let i = 0; i < k; i++) {
      const fab = (y[offset + (2 + i) * stride]! - this.shift) / this.unit;
      this.first[i]! += fb * (fab - fa);
      this.total[i]! += (fa - fab) * (fa - fab);
    }
  }

  merge(o: SobolCell): void {
    this.groups += o.groups;
    this.skipped += o.skipped;
    this.sA += o.sA;
    this.sB += o.sB;
    this.sAA += o.sAA;
    this.sBB += o.sBB;
    for (let i = 0; i < this.k; i++) {
      this.first[i]! += o.first[i]!;
      this.total[i]! += o.total[i]!;
    }
  }

  toJSON(): SobolJSON {
    return {
      groups: this.groups,
      skipped: this.skipped,
      sA: this.sA,
      sB: this.sB,
      sAA: this.sAA,
      sBB: this.sBB,
      first: Array.from(this.first),
      total: Array.from(this.total),
    };
  }

  static fromJSON(j: SobolJSON, k: number, shift: number, unit = 1): SobolCell {
    const c = new SobolCell(k, shift, unit);
    c.groups = j.groups;
    c.skipped = j.skipped;
    c.sA = j.sA;
    c.sB = j.sB;
    c.sAA = j.sAA;
    c.sBB = j.sBB;
    c.first.set(j.first);
    c.total.set(j.total);
    return c;
  }
}

export interface SobolJSON {
  groups: number;
  skipped: number;
  sA: number;
  sB: number;
  sAA: number;
  sBB: number;
  first: number[];
  total: number[];
}

/** A batch's aggregates: cells in a fixed order (point, output, model); Sobol cells (output, model). */
export interface BatchAggregateJSON {
  v: 1;
  cells: Array<CellJSON | null>;
  sobol?: Array<SobolJSON | null>;
}

export interface CellSummary {
  readonly n: number;
  readonly missing: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly quantiles: Record<string, number | null>;
  readonly histogram: { readonly lo: number; readonly hi: number; readonly counts: number[] };
  readonly adoption: number | null;
  readonly adoptionCalls: number;
  /** Share of replicates with at least one blocker, and per actor; null when the model names none. */
  readonly anyBlocker: number | null;
  readonly blocking: Record<string, number> | null;
  readonly participation: Record<string, number> | null;
  readonly rounds: number | null;
}

export function quantileKey(p: number): string {
  return `p${String(Math.round(p * 100)).padStart(2, '0')}`;
}

/** The summary of a merged cell. */
export function summarizeCell(c: Cell, actorIds: readonly string[]): CellSummary {
  const quantiles: Record<string, number | null> = {};
  for (const p of QUANTILES) quantiles[quantileKey(p)] = c.n ? histQuantile(c, p) : null;
  const per = DISPLAY_BINS > 0 ? FINE_BINS / DISPLAY_BINS : FINE_BINS;
  const counts = new Array<number>(DISPLAY_BINS).fill(0);
  for (let i = 0; i < FINE_BINS; i++) counts[Math.floor(i / per)]! += c.hist[i]!;
  const share = (arr: Int32Array, n: number): Record<string, number> | null => {
    if (n === 0) return null;
    const out: Record<string, number> = {};
    actorIds.forEach((id, a) => {
      out[id] = arr[a]! / n;
    });
    return out;
  };
  return {
    n: c.n,
    missing: c.missing,
    mean: c.n ? c.mean : null,
    sd: c.n > 1 ? finite(Math.sqrt(c.m2 / (c.n - 1)) * c.unit, 'sd') : c.n === 1 ? 0 : null,
    min: c.n ? c.min : null,
    max: c.n ? c.max : null,
    quantiles,
    histogram: { lo: c.lo, hi: c.hi, counts },
    adoption: c.calls ? c.adopted / c.calls : null,
    adoptionCalls: c.calls,
    anyBlocker: c.blockN ? c.blockAny / c.blockN : null,
    blocking: share(c.block, c.blockN),
    participation: share(c.part, c.partN),
    rounds: c.roundsN ? c.roundsSum / c.roundsN : null,
  };
}

/**
 * The p-quantile read off the fine histogram: the bin holding rank p·n; its value if the bin is an
 * atom (all its outcomes equal), else linear interpolation between the bin's edges, clamped to the
 * observed minimum and maximum.
 */
export function histQuantile(c: Cell, p: number): number {
  const target = p * c.n;
  const width = (c.hi - c.lo) / FINE_BINS;
  let cum = 0;
  for (let i = 0; i < FINE_BINS; i++) {
    const k = c.hist[i]!;
    if (k > 0 && cum + k >= target) {
      const a = c.atom[i]!;
      if (!Number.isNaN(a)) return a;
      const x = c.lo + (i + (target - cum) / k) * width;
      return x < c.min ? c.min : x > c.max ? c.max : x;
    }
    cum += k;
  }
  return c.max;
}

export interface SobolSummary {
  readonly groups: number;
  readonly skipped: number;
  readonly variance: number | null;
  /** First-order (Saltelli et al. 2010) and total (Jansen 1999) indices per factor. */
  readonly first: Array<number | null>;
  readonly total: Array<number | null>;
}

/**
 * Sobol indices from the merged sums. With N groups, f_A, f_B, f_{A_B^i} the outputs:
 *   V      = the variance of the 2N outputs f(A), f(B)
 *   S_i    = (1/N) Σ f_B (f_{A_B^i} − f_A) / V             (Saltelli et al. 2010, Table 2 (b))
 *   S_Ti   = (1/2N) Σ (f_A − f_{A_B^i})² / V              (Jansen 1999; Saltelli et al. 2010 (f))
 */
export function summarizeSobol(s: SobolCell): SobolSummary {
  const n = s.groups;
  if (n < 2) return { groups: n, skipped: s.skipped, variance: null, first: [], total: [] };
  const m = (s.sA + s.sB) / (2 * n);
  const v = (s.sAA + s.sBB) / (2 * n) - m * m;
  if (!(v > 1e-12 * (1 + m * m)))
    return {
      groups: n,
      skipped: s.skipped,
      variance: v > 0 ? finite(v * s.unit * s.unit, 'sobol.variance') : 0,
      first: Array.from(s.first, () => null),
      total: Array.from(s.total, () => null),
    };
  return {
    groups: n,
    skipped: s.skipped,
    variance: finite(v * s.unit * s.unit, 'sobol.variance'),
    first: Array.from(s.first, (x) => finite(x / n / v, 'sobol.first')),
    total: Array.from(s.total, (x) => finite(x / (2 * n) / v, 'sobol.total')),
  };
}
