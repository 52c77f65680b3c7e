/**
 * The options of a forecast, defined once for the library (the models' defaults), the CLI
 * (`concord forecast`, `backtest`, `sweep`: their flags' help and validation) and the server (the
 * scenario file's `eum` options, the forecast query): names, defaults, limits and one-line help.
 * Issue 19's "one options module per capability", for forecasts. Imports nothing of the models, so
 * the models and the scenario schema can import it. The exchange model's run options (and
 * their defaults, here) are validated by ExchangeRunSchema (src/scenario/schema.ts), the model
 * names by ModelNameSchema there.
 */
import { z } from 'zod';

/** The expected-utility model's variants (./eum.ts): the paper's text, or the code behind its numbers. */
export const EUM_VARIANTS = ['text', 'scholz'] as const;
export type EumVariant = (typeof EUM_VARIANTS)[number];
export const DEFAULT_EUM_VARIANT: EumVariant = 'text';
export const EumVariantSchema = z.enum(EUM_VARIANTS);

/** The expected-utility model's round limit. */
export const DEFAULT_MAX_ROUNDS = 100;
export const MAX_ROUNDS_LIMIT = 100_000;
export const MaxRoundsSchema = z.number().int().min(1).max(MAX_ROUNDS_LIMIT);

/** The Nash model's disagreement point (./nash.ts). */
export const NASH_DISAGREEMENTS = ['veto', 'statusQuo'] as const;
export type NashDisagreement = (typeof NASH_DISAGREEMENTS)[number];
export const DEFAULT_NASH_DISAGREEMENT: NashDisagreement = 'veto';
export const NashDisagreementSchema = z.enum(NASH_DISAGREEMENTS);

/** The salience (0–100) an imported DEU position takes when the table gives none. */
export const DEFAULT_SALIENCE = 50;
export const SalienceSchema = z.number().min(0).max(100);

/** The seed of the exchange model's draws (and of a backtest's sweep and bootstrap) when none is given. */
export const DEFAULT_FORECAST_SEED = 1;

/** A backtest's paired bootstrap over cases (./backtest.ts): its resamples when none are asked for. */
export const DEFAULT_BACKTEST_RESAMPLES = 10_000;

/**
 * How the exchange model runs (./exchange.ts; ExchangeRunSchema in src/scenario/schema.ts): its
 * variants (the `decide` package's Random Rate is not built), the randomised Equal Gain's p in
 * [0, 1] (0: none) and the number of seeded repetitions.
 */
export const EXCHANGE_VARIANTS = ['equal-gain'] as const;
export type ExchangeVariant = (typeof EXCHANGE_VARIANTS)[number];
export const DEFAULT_EXCHANGE_VARIANT: ExchangeVariant = 'equal-gain';
export const DEFAULT_EXCHANGE_P = 0;
export const DEFAULT_EXCHANGE_REPETITIONS = 1;
export const MAX_EXCHANGE_REPETITIONS = 10_000;

/** What each option means, as the CLI's help and the API's documentation say it. */
export const FORECAST_OPTION_HELP = {
  maxRounds: `round limit of the expected-utility model (default ${DEFAULT_MAX_ROUNDS})`,
  eumVariant:
    "expected-utility model: text (the paper's text, default) or scholz (the code behind its published numbers)",
  defaultSalience: `DEU tables: the salience (0–100) of a position given without one (default ${DEFAULT_SALIENCE})`,
  nashDisagreement: `Nash model's disagreement point: veto (status quo for veto players, worst point for the others; default) or statusQuo (for all, as Nash 1950 and Achen 2006)`,
  exchangeVariant: `exchange model: ${EXCHANGE_VARIANTS.join(', ')} (default ${DEFAULT_EXCHANGE_VARIANT})`,
  exchangeP: `exchange model: the randomised Equal Gain's p in [0, 1] (default ${DEFAULT_EXCHANGE_P}: no randomness)`,
  exchangeRepetitions: `exchange model: seeded runs, reported each and as mean and sd per issue (default ${DEFAULT_EXCHANGE_REPETITIONS})`,
  seed: `the seed of the exchange model's random draws (default ${DEFAULT_FORECAST_SEED})`,
  backtestSeed: `seed of the sweep and of the bootstrap (default ${DEFAULT_FORECAST_SEED})`,
  backtestResamples: `resamples of the paired bootstrap (default ${DEFAULT_BACKTEST_RESAMPLES})`,
} as const;
