/**
 * The options of a sweep, defined once for the library (planSweep's defaults and checks), the CLI
 * (`concord sweep`: its flags' defaults, help and validation) and the server (POST /api/sweeps'
 * body): what is kept of the results, and the seed. Issue 19's "one options module per
 * capability", for sweeps. Imports nothing of the engine, so the engine can import it.
 */
import { z } from 'zod';
import { type ModelName, ModelNameSchema } from '../scenario/schema.js';

/** rows: every result row (exportable); summary: the batches' aggregates only. */
export const KEEP_OPTIONS = ['rows', 'summary'] as const;
export type Keep = (typeof KEEP_OPTIONS)[number];
export const DEFAULT_KEEP: Keep = 'rows';
export const KeepSchema = z.enum(KEEP_OPTIONS);

/** The sweep's seed: each replicate's seed derives from (seed, replicate index). */
export const DEFAULT_SWEEP_SEED = 1;
export const SweepSeedSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The models a forecast sweep runs when none are named (the forecast adapter, ./forecast.ts). */
export const DEFAULT_SWEEP_MODELS: readonly ModelName[] = ['consensus', 'compromise', 'median'];

/** What each option means, as the CLI's help says it (the API's body says the same, capitalised). */
export const SWEEP_OPTION_HELP = {
  seed: "the seed, an integer in [0, 2^53): each replicate's seed derives from (seed, replicate index)",
  models: `comma-separated models: ${ModelNameSchema.options.join(', ')} (default: ${DEFAULT_SWEEP_MODELS.join(', ')})`,
  keep: 'rows (every result row, exportable) | summary (batch aggregates only)',
} as const;
