/**
 * What a long computation will cost, told before it starts: an estimate from the input's size
 * (calibrated on this project's benchmarks on one core: the expected-utility model ≈ 0.03 ms per
 * actor pair and round-100 issue; `concord power`'s in ./power-estimate.ts), printed on
 * standard error with the way to a faster answer, and a progress bar where the work is
 * incremental (issue by issue) and standard error is a terminal.
 */
import { createRequire } from 'node:module';
import { DEFAULT_MAX_ROUNDS } from '../bargaining/options.js';
import { cliEstimate } from '../i18n/messages/cli-estimate/index.js';
import type { ModelName } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { cliText } from './i18n.js';
import { type CliIO, processIO } from './io.js';

/** Above this estimate (ms) the CLI says what it is in for. */
export const LONG_MS = 3000;

export function forecastEstimateMs(
  s: ResolvedScenario,
  models: readonly ModelName[],
  maxRounds = DEFAULT_MAX_ROUNDS,
): number {
  const n = s.actors.length;
  const eum = models.includes('eum');
  // KTAB's SMP: n³ per turn, some 15–30 turns (160 actors: about a second)
  const smp = models.includes('smp');
  return s.issues.reduce(
    (t, i) =>
      t +
      n * 0.05 +
      (eum && i.dims === 1 ? n * n * 0.03 * (maxRounds / 100) : 0) +
      (smp ? n ** 3 * 0.00025 : 0),
    0,
  );
}

/**
 * A backtest forecasts every case once per model, and again in each replicate of the adoption
 * sweep (--sweep-runs); the paired bootstrap over cases costs ≈ 0.1 µs per case, resample and model
 * pair (measured: 23 SCO cases, 200,000 resamples, 4.1 s).
 */
export function backtestEstimateMs(
  scenarios: readonly ResolvedScenario[],
  models: readonly ModelName[],
  opts: { maxRounds?: number; sweepRuns?: number; resamples?: number } = {},
): number {
  const once = scenarios.reduce(
    (t, s) => t + forecastEstimateMs(s, models, opts.maxRounds ?? DEFAULT_MAX_ROUNDS),
    0,
  );
  const cases = scenarios.reduce((t, s) => t + s.issues.length, 0);
  const pairs = (models.length * (models.length - 1)) / 2;
  return once * (1 + (opts.sweepRuns ?? 0)) + cases * (opts.resamples ?? 10_000) * pairs * 1e-4;
}

/**
 * Capacity computes exact power (passage probability, blocking power) for every stage and rule.
 * Counting rules cost little at any size; a rule that sums a field (population, votes) costs
 * ≈ 0.1 ms × n² per stage of n members (measured: the SCO with 180 states added, eu-qmv and
 * double-majority, 7.4 s; the default comparisons 2.5 s).
 */
export function capacityEstimateMs(stageSizes: readonly number[], weightedRules: number): number {
  return stageSizes.reduce((t, n) => t + weightedRules * n * n * 0.1, 0);
}

/** A duration in ms, s or min, in the language of `io` (English when none is given). */
export function formatMs(ms: number, io?: CliIO): string {
  const [n, unit] =
    ms < 1000
      ? [Math.round(ms), 'ms' as const]
      : ms < 120_000
        ? [Math.round(ms / 1000), 's' as const]
        : [Math.round(ms / 60_000), 'min' as const];
  if (!io) return `${n} ${unit}`;
  const c = cliText(io, cliEstimate);
  const v = { n: c.locale === 'en' ? String(n) : c.fmt.number(n, 0) };
  return unit === 'ms' ? c.t('ms', v) : unit === 's' ? c.t('s', v) : c.t('min', v);
}

/**
 * Says, on standard error, that a computation will take long, and how to get a faster answer
 * (`what` and `faster` in the language of `io`: the callers take them from their catalogues).
 */
export function warnIfLong(io: CliIO, ms: number | null, what: string, faster: string): boolean {
  if (ms === null || ms < LONG_MS) return false;
  io.err(cliText(io, cliEstimate).t('note', { what, time: formatMs(ms, io), faster }));
  return true;
}

/** A progress bar on standard error (a terminal only); a no-op otherwise. */
export function progressBar(io: CliIO, total: number, label: string): { tick(): void; stop(): void } {
  if (!io.isTTY || io !== processIO || total < 2) return { tick() {}, stop() {} };
  // loaded here, not at start-up: cli-progress and its dependencies take ≈5 ms to load
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
  const eta = cliText(io, cliEstimate).t('eta');
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} |{bar}| {value}/{total} | ${eta} {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
