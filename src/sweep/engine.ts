/**
 * The sweep engine: compiles a sweep (scenario text + parameters) into a context that computes any
 * batch of replicates, and folds batch aggregates into the summary. Pure apart from the adapter it
 * is given: no I/O, no clock, no global randomness.
 *
 * Replicate r of a Monte Carlo sweep with P design points and N runs per point is replicate
 * rep = r mod N at point p = ⌊r / N⌋. Its inputs come from the generator of (seed, rep) on stream 0
 * (./random.ts): the same draws at every design point (common random numbers, so that differences
 * between points are due to the parameters, not to the noise). Inputs are visited in a fixed order
 * — for each issue, every (actor, dimension) position, then every salience; then every actor's
 * capability — and each consumes one uniform whether it is uncertain or not, so that changing one
 * input's distribution leaves the draws of the others unchanged.
 *
 * With Saltelli sampling (--sensitivity), N base samples give N·(k + 2) runs for k uncertain
 * inputs: group g = ⌊r / (k + 2)⌋ draws two independent uniform vectors A and B from (seed, g) on
 * stream 2; run c = r mod (k + 2) of the group evaluates A (c = 0), B (c = 1), or A with input
 * c − 2 taken from B (A_B^(c−2)). Batches hold whole groups.
 */
import { createHash } from 'node:crypto';
import { ConcordError, type ErrorValues } from '../errors.js';
import { type SweepBlocks, SweepBlocksSchema } from '../scenario/uncertainty.js';
import type { ResultRow } from '../store/store.js';
import { keptIssue, parseYamlText } from '../util/validate.js';
import type { DesignPoint, ForecastRow, Perturbation, SweepAdapter, SweepFrame } from './adapter.js';
import { outputKeys } from './adapter.js';
import {
  type BatchAggregateJSON,
  Cell,
  type CellSummary,
  momentUnit,
  SobolCell,
  type SobolSummary,
  summarizeCell,
  summarizeSobol,
} from './aggregate.js';
import { designPoints, pointLabel } from './design.js';
import {
  compileSampler,
  describeDist,
  type ResolvedDist,
  resolveBounded,
  resolveCapability,
  type Sampler,
} from './distributions.js';
import type { Keep } from './options.js';
import { Rng } from './random.js';

export const MC_STREAM = 0;
export const SALTELLI_STREAM = 2;
/** The generator stream of the Sobol indices' bootstrap over batches. */
export const BOOTSTRAP_STREAM = 3;
/** Bootstrap resamples of the batches behind each Sobol interval, and the fewest batches for one. */
export const SOBOL_BOOTSTRAP = { resamples: 400, minBatches: 10 } as const;

export type SweepMode = 'montecarlo' | 'saltelli';
export type { Keep } from './options.js';

/** Everything a worker needs to compute any batch of a sweep; stored once with the run. */
export interface SweepParams {
  readonly version: 1;
  readonly adapter: string;
  readonly scenario: { readonly file: string; readonly text: string; readonly sha256: string };
  readonly models: readonly string[];
  readonly mode: SweepMode;
  /** Replicates per design point (Monte Carlo) or base samples N (Saltelli). */
  readonly runs: number;
  readonly seed: number;
  readonly batchSize: number;
  readonly keep: Keep;
  /** Total replicates: points × runs, or runs × (k + 2). */
  readonly total: number;
}

export interface Slot {
  readonly kind: 'position' | 'salience' | 'capability';
  readonly issue: number;
  readonly actor: number;
  readonly dim: number;
  readonly name: string;
}

export interface FactorInfo {
  readonly name: string;
  readonly kind: Slot['kind'];
  readonly distribution: string;
}

interface PointState {
  readonly resolved: SweepFrame;
  /** Per slot: the sampler, or null when the value is fixed at the base. */
  readonly samplers: Array<Sampler | null>;
  readonly base: Float64Array;
  readonly capabilityUncertain: boolean;
}

export interface BatchResult {
  readonly idx: number;
  readonly first: number;
  readonly count: number;
  readonly aggregate: BatchAggregateJSON;
  readonly rows: ResultRow[] | null;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Splits a parsed scenario document into the sweep blocks and the scenario proper. */
export function splitBlocks(data: unknown, file: string): { blocks: SweepBlocks; scenario: unknown } {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new ConcordError('E_VALIDATION', `${file}: a scenario file is a mapping (id, issues, …)`, {
      path: file,
      hint: 'See docs/scenarios.md for the format.',
      key: 'sweep.notAMapping',
      values: { file },
    });
  const { uncertainty, sweep, ...scenario } = data as Record<string, unknown>;
  const r = SweepBlocksSchema.safeParse({ uncertainty, sweep });
  if (!r.success) {
    const i = r.error.issues[0]!;
    const path = i.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new ConcordError('E_VALIDATION', `${file}: ${path}: ${i.message}`, {
      path,
      hint: 'Fix the uncertainty or sweep block; see docs/sweeps.md.',
      // `{issues}` is the issue worded in the locale (by zod's locales, src/i18n/errors.ts).
      key: 'sweep.blockValidation',
      values: { file },
      issues: [{ ...keptIssue(i), path }],
    });
  }
  return { blocks: r.data, scenario };
}

export class SweepContext<F = unknown, R extends SweepFrame = SweepFrame> {
  /** The parameters; `planSweep` sets the final size once the number of factors is known. */
  params: SweepParams;
  readonly adapter: SweepAdapter<F, R>;
  readonly blocks: SweepBlocks;
  readonly points: DesignPoint[];
  readonly frame: R;
  readonly slots: Slot[];
  readonly outputs: ReturnType<typeof outputKeys>;
  readonly actorIds: string[];
  /** Uncertain inputs (at the first design point): the Sobol factors. */
  readonly factors: FactorInfo[];
  readonly factorSlots: number[];
  readonly cellsPerPoint: number;
  private readonly file: F;
  private readonly pointStates = new Map<number, PointState>();
  private readonly outputIndex = new Map<string, number>();
  private readonly modelIndex = new Map<string, number>();
  private readonly pert: { capability: Float64Array; position: Float64Array[]; salience: Float64Array[] };

  constructor(adapter: SweepAdapter<F, R>, params: SweepParams, parsed?: unknown) {
    this.adapter = adapter;
    this.params = params;
    const fileName = params.scenario.file;
    const { blocks, scenario } = splitBlocks(
      parsed ?? readScenarioDocument(params.scenario.text, fileName),
      fileName,
    );
    this.blocks = blocks;
    this.file = adapter.parse(scenario, fileName);
    for (const m of params.models)
      if (!adapter.models.includes(m))
        throw new ConcordError('E_VALIDATION', `unknown model "${m}"`, {
          path: '--models',
          hint: `Choose among ${adapter.models.join(', ')}.`,
          key: 'sweep.unknownModel',
          values: { model: m, models: adapter.models.join(', ') },
        });
    if (params.mode === 'saltelli' && blocks.sweep)
      throw new ConcordError(
        'E_UNSUPPORTED',
        `${fileName}: --sensitivity is for one design point; the file has a sweep block`,
        {
          path: 'sweep',
          hint: 'Remove the sweep block (or fix its parameters in the scenario) to compute Sobol indices.',
          key: 'sweep.sensitivityOnePoint',
          values: { fileName },
        },
      );
    this.points = designPoints(blocks.sweep, params.seed);
    const first = this.pointState(0);
    this.frame = first.resolved as R;
    this.actorIds = this.frame.actors.map((a) => a.id);
    this.outputs = outputKeys(this.frame);
    this.outputs.forEach((o, i) => {
      this.outputIndex.set(o.key, i);
    });
    params.models.forEach((m, i) => {
      this.modelIndex.set(m, i);
    });
    this.cellsPerPoint = this.outputs.length * params.models.length;
    this.slots = enumerateSlots(this.frame);
    this.factorSlots = [];
    this.factors = [];
    first.samplers.forEach((s, i) => {
      if (s) {
        this.factorSlots.push(i);
        const slot = this.slots[i]!;
        this.factors.push({
          name: slot.name,
          kind: slot.kind,
          distribution: describeDist(this.dists(0)[i]!),
        });
      }
    });
    if (params.mode === 'saltelli' && this.factors.length === 0)
      throw new ConcordError(
        'E_VALIDATION',
        `${fileName}: --sensitivity needs uncertain inputs, and the file has none`,
        {
          path: 'uncertainty',
          hint: 'Add an uncertainty block (see docs/sweeps.md), e.g. uncertainty: { position: { dist: normal, sd: 10 } }.',
          key: 'sweep.sensitivityNeedsUncertainty',
          values: { fileName },
        },
      );
    this.pert = {
      capability: new Float64Array(this.frame.actors.length),
      position: this.frame.issues.map((i) => new Float64Array(i.position.length)),
      salience: this.frame.issues.map((i) => new Float64Array(i.salience.length)),
    };
  }

  /** The number of runs in one Saltelli group (k + 2), or 1. */
  get groupSize(): number {
    return this.params.mode === 'saltelli' ? this.factors.length + 2 : 1;
  }

  private dists(p: number): ResolvedDist[] {
    const resolved = this.resolvedAt(p);
    return slotDistributions(resolved, this.blocks, this.params.scenario.file);
  }

  private resolvedAt(p: number): R {
    const point = this.points[p]!;
    const f = Object.keys(point).length
      ? this.adapter.withPoint(this.file, point, this.params.scenario.file)
      : this.file;
    return this.adapter.resolve(f, this.params.scenario.file);
  }

  private pointState(p: number): PointState {
    let st = this.pointStates.get(p);
    if (st) return st;
    const resolved = this.resolvedAt(p);
    if (p > 0) checkSameShape(this.frame, resolved, pointLabel(this.points[p]!));
    const dists = slotDistributions(resolved, this.blocks, this.params.scenario.file);
    const slots = this.slots ?? enumerateSlots(resolved);
    const base = new Float64Array(slots.length);
    slots.forEach((s, i) => {
      base[i] = slotValue(resolved, s);
    });
    const samplers = dists.map((d) => (d.kind === 'fixed' ? null : compileSampler(d)));
    const capabilityUncertain = slots.some((s, i) => s.kind === 'capability' && samplers[i] !== null);
    st = { resolved, samplers, base, capabilityUncertain };
    if (this.pointStates.size > 256) this.pointStates.clear();
    this.pointStates.set(p, st);
    return st;
  }

  /** Fills the perturbation for uniforms `u` (one per slot) at point state `st`. */
  private fill(st: PointState, u: Float64Array): Perturbation {
    const { pert, slots } = this;
    const n = pert.capability.length;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      const sampler = st.samplers[i];
      const v = sampler ? sampler(u[i]!) : st.base[i]!;
      if (s.kind === 'capability') pert.capability[s.actor] = v;
      else {
        const dims = this.frame.issues[s.issue]!.dims;
        (s.kind === 'position' ? pert.position : pert.salience)[s.issue]![s.actor * dims + s.dim] = v;
      }
    }
    // Capabilities: base share × factor, rescaled to the base total (relative capabilities).
    const cap = st.resolved.capability;
    if (st.capabilityUncertain) {
      let total = 0;
      let baseTotal = 0;
      for (let a = 0; a < n; a++) {
        pert.capability[a] = cap[a]! * pert.capability[a]!;
        total += pert.capability[a]!;
        baseTotal += cap[a]!;
      }
      const k = total > 0 ? baseTotal / total : 0;
      for (let a = 0; a < n; a++) pert.capability[a]! *= k;
    } else pert.capability.set(cap);
    // Positions of actors without a position on an issue stay as resolved.
    return pert;
  }

  newCells(): Cell[] {
    const cells: Cell[] = [];
    for (let p = 0; p < this.points.length; p++)
      for (const o of this.outputs)
        for (let m = 0; m < this.params.models.length; m++)
          cells.push(new Cell(o.lo, o.hi, this.actorIds.length));
    return cells;
  }

  newSobolCells(): SobolCell[] {
    return this.outputs.flatMap((o) =>
      this.params.models.map(
        () => new SobolCell(this.factors.length, (o.lo + o.hi) / 2, momentUnit(o.lo, o.hi)),
      ),
    );
  }

  private cellOf(row: ForecastRow): number {
    const o = this.outputIndex.get(row.issue);
    const m = this.modelIndex.get(row.model);
    if (o === undefined || m === undefined)
      throw new Error(
        `adapter ${this.adapter.id} returned a row for an unknown issue or model: ${row.issue}/${row.model}`,
      );
    return o * this.params.models.length + m;
  }

  /** Computes replicates [first, first + count) as batch `idx`. */
  computeBatch(idx: number, first: number, count: number): BatchResult {
    const { params } = this;
    const keepRows = params.keep === 'rows';
    const rows: ResultRow[] | null = keepRows ? [] : null;
    const cells = this.newCells();
    const nSlots = this.slots.length;
    const u = new Float64Array(nSlots);
    const rng = Rng.forReplicate(params.seed, 0);
    const toRow = (r: number, f: ForecastRow): ResultRow => ({
      replicate: r,
      issue: f.issue,
      model: f.model,
      outcome: f.outcome,
      adopted: f.adopted === null ? null : f.adopted ? 1 : 0,
      blockers: f.blockers === null ? null : f.blockers.map((a) => this.actorIds[a]).join(','),
      participants: f.participants === null ? null : f.participants.map((a) => this.actorIds[a]).join(','),
      rounds: f.rounds,
    });
    if (params.mode === 'montecarlo') {
      for (let r = first; r < first + count; r++) {
        const p = Math.floor(r / params.runs);
        const rep = r - p * params.runs;
        const st = this.pointState(p);
        rng.reseed(params.seed, rep, MC_STREAM);
        for (let i = 0; i < nSlots; i++) u[i] = rng.uniform();
        const out = this.adapter.evaluate(st.resolved as R, this.fill(st, u), params.models);
        const off = p * this.cellsPerPoint;
        for (const f of out) {
          cells[off + this.cellOf(f)]!.add(f);
          if (rows) rows.push(toRow(r, f));
        }
      }
      return { idx, first, count, aggregate: { v: 1, cells: cells.map((c) => c.toJSON()) }, rows };
    }
    // Saltelli.
    const k = this.factors.length;
    const gsize = k + 2;
    const sobol = this.newSobolCells();
    const ncell = this.cellsPerPoint;
    const y = new Float64Array(gsize * ncell);
    const uA = new Float64Array(nSlots);
    const uB = new Float64Array(nSlots);
    let group = -1;
    const st = this.pointState(0);
    for (let r = first; r < first + count; r++) {
      const g = Math.floor(r / gsize);
      const c = r - g * gsize;
      if (g !== group) {
        group = g;
        rng.reseed(params.seed, g, SALTELLI_STREAM);
        for (let i = 0; i < nSlots; i++) uA[i] = rng.uniform();
        for (let i = 0; i < nSlots; i++) uB[i] = rng.uniform();
        y.fill(Number.NaN);
      }
      if (c === 0) u.set(uA);
      else if (c === 1) u.set(uB);
      else {
        u.set(uA);
        const s = this.factorSlots[c - 2]!;
        u[s] = uB[s]!;
      }
      const out = this.adapter.evaluate(st.resolved as R, this.fill(st, u), params.models);
      for (const f of out) {
        const ci = this.cellOf(f);
        y[c * ncell + ci] = f.outcome ?? Number.NaN;
        if (c < 2) cells[ci]!.add(f);
        if (rows) rows.push(toRow(r, f));
      }
      if (c === gsize - 1) for (let ci = 0; ci < ncell; ci++) sobol[ci]!.addGroup(y, ci, ncell);
    }
    return {
      idx,
      first,
      count,
      aggregate: { v: 1, cells: cells.map((x) => x.toJSON()), sobol: sobol.map((x) => x.toJSON()) },
      rows,
    };
  }

  /**
   * The sampled value of every uncertain input (`factors`, in their order) in replicate `r`: the
   * same draws `computeBatch` made (capabilities as the factor on the share, before rescaling).
   */
  inputsOf(r: number): number[] {
    const { params } = this;
    const nSlots = this.slots.length;
    const u = new Float64Array(nSlots);
    const rng = Rng.forReplicate(params.seed, 0);
    let st: PointState;
    if (params.mode === 'montecarlo') {
      const p = Math.floor(r / params.runs);
      rng.reseed(params.seed, r - p * params.runs, MC_STREAM);
      for (let i = 0; i < nSlots; i++) u[i] = rng.uniform();
      st = this.pointState(p);
    } else {
      const gsize = this.factors.length + 2;
      const g = Math.floor(r / gsize);
      const c = r - g * gsize;
      rng.reseed(params.seed, g, SALTELLI_STREAM);
      const uA = new Float64Array(nSlots);
      const uB = new Float64Array(nSlots);
      for (let i = 0; i < nSlots; i++) uA[i] = rng.uniform();
      for (let i = 0; i < nSlots; i++) uB[i] = rng.uniform();
      u.set(c === 1 ? uB : uA);
      if (c >= 2) u[this.factorSlots[c - 2]!] = uB[this.factorSlots[c - 2]!]!;
      st = this.pointState(0);
    }
    return this.factorSlots.map((i) => {
      const sampler = st.samplers[i];
      return sampler ? sampler(u[i]!) : st.base[i]!;
    });
  }

  /** Folds batch aggregates (in batch order) into the summary. */
  summarizer(): Summarizer {
    return new Summarizer(this);
  }

  describe(): SweepDescription {
    return {
      scenario: this.frame.id,
      adapter: this.adapter.id,
      adapterLabel: this.adapter.label,
      models: [...this.params.models],
      mode: this.params.mode,
      runs: this.params.runs,
      seed: this.params.seed,
      total: this.params.total,
      batchSize: this.params.batchSize,
      keep: this.params.keep,
      points: this.points.map((p) => ({ ...p })),
      factors: this.factors,
      uncertainty:
        this.blocks.uncertainty === undefined
          ? `default (the file has no uncertainty block): ${DEFAULT_UNCERTAINTY_TEXT}`
          : 'from the file',
      actors: this.actorIds,
      outputs: this.outputs.map((o) => ({ issue: o.key, scale: [o.lo, o.hi] as [number, number] })),
    };
  }
}

export interface SweepDescription {
  readonly scenario: string;
  readonly adapter: string;
  readonly adapterLabel: string;
  readonly models: string[];
  readonly mode: SweepMode;
  readonly runs: number;
  readonly seed: number;
  readonly total: number;
  readonly batchSize: number;
  readonly keep: Keep;
  readonly points: DesignPoint[];
  readonly factors: FactorInfo[];
  /** Where the distributions come from: the file's uncertainty block, or the defaults. */
  readonly uncertainty: string;
  readonly actors: string[];
  readonly outputs: Array<{ issue: string; scale: [number, number] }>;
}

export interface SummaryResult extends CellSummary {
  readonly point: number;
  readonly issue: string;
  readonly model: string;
}

export interface SensitivityResult {
  readonly issue: string;
  readonly model: string;
  readonly groups: number;
  readonly skipped: number;
  readonly variance: number | null;
  readonly factors: Array<{
    factor: string;
    first: number | null;
    total: number | null;
    /** 95% bootstrap intervals (percentile; batches resampled with replacement), null with too few batches. */
    firstCi: [number, number] | null;
    totalCi: [number, number] | null;
  }>;
  /** Warnings on the estimates, e.g. a first-order index above the total beyond sampling error. */
  readonly warnings: string[];
}

export interface SweepSummary {
  readonly sweep: SweepDescription;
  readonly batches: number;
  readonly replicates: number;
  readonly results: SummaryResult[];
  readonly sensitivity?: SensitivityResult[];
}

export class Summarizer {
  private readonly cells: Cell[];
  private readonly sobol: SobolCell[] | null;
  /** Each batch's Sobol sums, for the bootstrap over batches (batches are independent blocks of groups). */
  private readonly sobolBatches: Array<Array<SobolCell | null>> = [];
  private batches = 0;
  private replicates = 0;
  private nextFirst = 0;

  constructor(private readonly ctx: SweepContext) {
    this.cells = ctx.newCells();
    this.sobol = ctx.params.mode === 'saltelli' ? ctx.newSobolCells() : null;
  }

  /** Adds the aggregate of the batch starting at `first`; batches must come in order. */
  add(first: number, count: number, agg: BatchAggregateJSON): void {
    if (first !== this.nextFirst)
      throw new Error(`batch aggregates out of order: expected replicate ${this.nextFirst}, got ${first}`);
    this.nextFirst = first + count;
    if (agg.cells.length !== this.cells.length) throw new Error('batch aggregate does not match the sweep');
    const actors = this.ctx.actorIds.length;
    agg.cells.forEach((c, i) => {
      if (!c) return;
      const cell = this.cells[i]!;
      cell.merge(Cell.fromJSON(c, cell.lo, cell.hi, actors));
    });
    if (this.sobol && agg.sobol) {
      const kept: Array<SobolCell | null> = [];
      agg.sobol.forEach((s, i) => {
        if (!s) {
          kept[i] = null;
          return;
        }
        const cell = this.sobol![i]!;
        const b = SobolCell.fromJSON(s, cell.k, cell.shift, cell.unit);
        cell.merge(b);
        kept[i] = b;
      });
      this.sobolBatches.push(kept);
    }
    this.batches++;
    this.replicates += count;
  }

  /**
   * 95% percentile intervals of the Sobol indices of cell `ci` (and of first − total), from
   * SOBOL_BOOTSTRAP.resamples resamples of the batches with replacement; the generator is the
   * sweep's seed on its own stream, so the intervals are reproducible. Null with too few batches.
   */
  private bootstrap(ci: number): {
    first: Array<[number, number] | null>;
    total: Array<[number, number] | null>;
    gap: Array<[number, number] | null>;
  } | null {
    const batches = this.sobolBatches.map((b) => b[ci]).filter((b): b is SobolCell => !!b && b.groups > 0);
    if (batches.length < SOBOL_BOOTSTRAP.minBatches) return null;
    const k = this.sobol![ci]!.k;
    const shift = this.sobol![ci]!.shift;
    const unit = this.sobol![ci]!.unit;
    const rng = Rng.forReplicate(this.ctx.params.seed, ci, BOOTSTRAP_STREAM);
    const firsts: number[][] = Array.from({ length: k }, () => []);
    const totals: number[][] = Array.from({ length: k }, () => []);
    const gaps: number[][] = Array.from({ length: k }, () => []);
    for (let r = 0; r < SOBOL_BOOTSTRAP.resamples; r++) {
      const cell = new SobolCell(k, shift, unit);
      for (let j = 0; j < batches.length; j++) cell.merge(batches[rng.int(batches.length)]!);
      const s = summarizeSobol(cell);
      for (let i = 0; i < k; i++) {
        const f = s.first[i];
        const t = s.total[i];
        if (f == null || t == null) continue;
        firsts[i]!.push(f);
        totals[i]!.push(t);
        gaps[i]!.push(f - t);
      }
    }
    const interval = (xs: number[]): [number, number] | null => {
      if (xs.length < SOBOL_BOOTSTRAP.resamples / 2) return null;
      const a = [...xs].sort((x, y) => x - y);
      const q = (p: number) => a[Math.min(a.length - 1, Math.max(0, Math.round(p * (a.length - 1))))]!;
      return [q(0.025), q(0.975)];
    };
    return { first: firsts.map(interval), total: totals.map(interval), gap: gaps.map(interval) };
  }

  summary(): SweepSummary {
    const { ctx } = this;
    const models = ctx.params.models;
    const results: SummaryResult[] = [];
    ctx.points.forEach((_, p) => {
      ctx.outputs.forEach((o, oi) => {
        models.forEach((m, mi) => {
          const cell = this.cells[p * ctx.cellsPerPoint + oi * models.length + mi]!;
          results.push({ point: p, issue: o.key, model: m, ...summarizeCell(cell, ctx.actorIds) });
        });
      });
    });
    const out: SweepSummary = {
      sweep: ctx.describe(),
      batches: this.batches,
      replicates: this.replicates,
      results,
    };
    if (this.sobol) {
      const sensitivity: SensitivityResult[] = [];
      ctx.outputs.forEach((o, oi) => {
        models.forEach((m, mi) => {
          const ci = oi * models.length + mi;
          const s: SobolSummary = summarizeSobol(this.sobol![ci]!);
          const boot = this.bootstrap(ci);
          const warnings: string[] = [];
          const factors = ctx.factors.map((f, i) => {
            const first = s.first[i] ?? null;
            const total = s.total[i] ?? null;
            const firstCi = boot?.first[i] ?? null;
            const totalCi = boot?.total[i] ?? null;
            const gap = boot?.gap[i] ?? null;
            // Differences under 0.01 (1% of the variance) are not worth a warning.
            if (first !== null && total !== null && first - total >= 0.01) {
              warnings.push(
                gap && gap[0] > 0
                  ? `${f.name}: the first-order index (${first.toFixed(3)}) exceeds the total (${total.toFixed(3)}) beyond their 95% bootstrap interval: the estimates are not to be trusted (more runs, or a model whose outcome jumps)`
                  : `${f.name}: the first-order index (${first.toFixed(3)}) is above the total (${total.toFixed(3)}), within sampling error${gap ? ` (difference ${gap[0].toFixed(3)} to ${gap[1].toFixed(3)})` : ' (too few batches for an interval)'}`,
              );
            }
            return { factor: f.name, first, total, firstCi, totalCi };
          });
          sensitivity.push({
            issue: o.key,
            model: m,
            groups: s.groups,
            skipped: s.skipped,
            variance: s.variance,
            factors,
            warnings,
          });
        });
      });
      return { ...out, sensitivity };
    }
    return out;
  }
}

// ─── slots ──────────────────────────────────────────────────────────────────────────────────

export function enumerateSlots(frame: SweepFrame): Slot[] {
  const slots: Slot[] = [];
  const actors = frame.actors;
  frame.issues.forEach((iss, k) => {
    const dimName = (d: number) =>
      iss.dims === 1 ? iss.id : `${iss.id}/${iss.dimensionIds?.[d] ?? String(d + 1)}`;
    for (const kind of ['position', 'salience'] as const)
      for (let a = 0; a < actors.length; a++)
        for (let d = 0; d < iss.dims; d++)
          slots.push({ kind, issue: k, actor: a, dim: d, name: `${kind}.${dimName(d)}.${actors[a]!.id}` });
  });
  actors.forEach((act, a) => {
    slots.push({ kind: 'capability', issue: -1, actor: a, dim: 0, name: `capability.${act.id}` });
  });
  return slots;
}

function slotValue(frame: SweepFrame, s: Slot): number {
  if (s.kind === 'capability') return 1; // a factor on the share (see fill)
  const iss = frame.issues[s.issue]!;
  return (s.kind === 'position' ? iss.position : iss.salience)[s.actor * iss.dims + s.dim]!;
}

/**
 * The uncertainty assumed when a scenario file has no `uncertainty:` block (an explicit empty block,
 * `uncertainty: {}`, means none). Illustrative, not estimated: a coder's position is taken to be
 * uncertain by about a tenth of the scale, a salience by 0.1, a capability by about 20%.
 */
export const DEFAULT_UNCERTAINTY = {
  /** Standard deviation of a position, as a share of its scale's width (truncated to the scale). */
  positionSdShare: 0.1,
  /** Standard deviation of a salience (normal truncated to [0, 1]). */
  salienceSd: 0.1,
  /** σ of the log-normal capability factor (median 1; shares renormalised). */
  capabilitySigma: 0.2,
} as const;

export const DEFAULT_UNCERTAINTY_TEXT = `positions ~ normal(coded, ${DEFAULT_UNCERTAINTY.positionSdShare} × scale width), saliences ~ normal(coded, ${DEFAULT_UNCERTAINTY.salienceSd}), both truncated to their ranges; capabilities × lognormal(0, ${DEFAULT_UNCERTAINTY.capabilitySigma})`;

/** The resolved distribution of every slot, from the uncertainty block; checks its references. */
export function slotDistributions(frame: SweepFrame, blocks: SweepBlocks, file: string): ResolvedDist[] {
  const useDefault = blocks.uncertainty === undefined;
  const u = blocks.uncertainty ?? {};
  const actorIndex = new Map(frame.actors.map((a, i) => [a.id, i]));
  const issueIndex = new Map(frame.issues.map((iss, k) => [iss.id, k]));
  // `key` names the message (`{file}: {path}: …`) in the errors catalogue.
  const bad = (path: string, message: string, hint: string, key: string, values: ErrorValues = {}): never => {
    throw new ConcordError('E_VALIDATION', `${file}: ${path}: ${message}`, {
      path,
      hint,
      key,
      values: { file, path, ...values },
    });
  };
  for (const [id, spec] of Object.entries(u.issues ?? {})) {
    const k = issueIndex.get(id);
    if (k === undefined)
      bad(
        `uncertainty.issues.${id}`,
        `"${id}" is not an issue of the scenario`,
        `The issues are ${[...issueIndex.keys()].join(', ')}.`,
        'sweep.notAnIssue',
        { id, issues: [...issueIndex.keys()].join(', ') },
      );
    for (const actor of Object.keys(spec.actors ?? {})) {
      const a = actorIndex.get(actor);
      if (a === undefined)
        bad(
          `uncertainty.issues.${id}.actors.${actor}`,
          `"${actor}" is not an actor of the scenario`,
          `The actors are ${[...actorIndex.keys()].join(', ')}.`,
          'sweep.notAnActor',
          { actor, actors: [...actorIndex.keys()].join(', ') },
        );
      if (!frame.issues[k!]!.has[a!])
        bad(
          `uncertainty.issues.${id}.actors.${actor}`,
          `${actor} takes no position on ${id}`,
          'Remove the entry, or give the actor a position.',
          'sweep.noPosition',
          { actor, id },
        );
    }
  }
  for (const actor of Object.keys(u.actors ?? {}))
    if (!actorIndex.has(actor))
      bad(
        `uncertainty.actors.${actor}`,
        `"${actor}" is not an actor of the scenario`,
        `The actors are ${[...actorIndex.keys()].join(', ')}.`,
        'sweep.notAnActor',
        { actor, actors: [...actorIndex.keys()].join(', ') },
      );
  const out: ResolvedDist[] = [];
  for (const slot of enumerateSlots(frame)) {
    const actorId = frame.actors[slot.actor]!.id;
    if (slot.kind === 'capability') {
      out.push(
        resolveCapability(
          useDefault
            ? { dist: 'lognormal', sigma: DEFAULT_UNCERTAINTY.capabilitySigma }
            : (u.actors?.[actorId]?.capability ?? u.capability),
        ),
      );
      continue;
    }
    const iss = frame.issues[slot.issue]!;
    const coded = (slot.kind === 'position' ? iss.position : iss.salience)[slot.actor * iss.dims + slot.dim]!;
    if (!iss.has[slot.actor]) {
      out.push({ kind: 'fixed', value: coded });
      continue;
    }
    const iu = u.issues?.[iss.id];
    const lo = slot.kind === 'position' ? iss.lo[slot.dim]! : 0;
    const hi = slot.kind === 'position' ? iss.hi[slot.dim]! : 1;
    const spec = useDefault
      ? ({
          dist: 'normal',
          sd:
            slot.kind === 'position'
              ? DEFAULT_UNCERTAINTY.positionSdShare * (hi - lo)
              : DEFAULT_UNCERTAINTY.salienceSd,
        } as const)
      : (iu?.actors?.[actorId]?.[slot.kind] ?? iu?.[slot.kind] ?? u[slot.kind]);
    const path = `uncertainty (${slot.name})`;
    if (slot.kind === 'position' && spec && spec !== 'fixed' && spec.dist === 'beta')
      bad(
        path,
        'a beta distribution is for saliences only',
        'Use normal, uniform or triangular for positions.',
        'sweep.betaForSaliences',
      );
    out.push(resolveBounded(spec, coded, lo, hi, path));
  }
  return out;
}

function checkSameShape(a: SweepFrame, b: SweepFrame, label: string): void {
  const same =
    a.actors.length === b.actors.length &&
    a.actors.every((x, i) => x.id === b.actors[i]!.id) &&
    a.issues.length === b.issues.length &&
    a.issues.every((x, i) => x.id === b.issues[i]!.id && x.dims === b.issues[i]!.dims);
  if (!same)
    throw new ConcordError(
      'E_VALIDATION',
      `design point ${label} changes the actors or issues of the scenario`,
      {
        path: 'sweep.parameters',
        hint: 'A sweep may change the chair, the rule, positions, saliences and capabilities, not who takes part.',
        key: 'sweep.pointChangesShape',
        values: { label },
      },
    );
}

export function readScenarioDocument(text: string, file: string): unknown {
  return parseYamlText(text, file);
}
