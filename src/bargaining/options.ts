/**
 * The options of a forecast, defined once for the library (the models' defaults), the CLI
 * (`concord forecast`, `backtest`, `sweep`: their flags' help and validation) and the server (the
 * scenario file's `eum` options, the forecast query): names, defaults, limits and one-line help.
 * Issue 19's "one options module per capability", for forecasts. Imports nothing of the models, so
 * the models and the scenario schema can import it. The exchange model's run options are
 * ExchangeRunSchema (src/scenario/schema.ts), the model names ModelNameSchema there.
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

/** What each option means, as the CLI's help and the API's documentation say it. */
export const FORECAST_OPTION_HELP = {
  maxRounds: `round limit of the expected-utility model (default ${DEFAULT_MAX_ROUNDS})`,
  eumVariant:
    "expected-utility model: text (the paper's text, default) or scholz (the code behind its published numbers)",
  defaultSalience: `DEU tables: the salience (0–100) of a position given without one (default ${DEFAULT_SALIENCE})`,
  nashDisagreement: `Nash model's disagreement point: veto (status quo for veto players, worst point for the others; default) or statusQuo (for all, as Nash 1950 and Achen 2006)`,
} as const;
