/**
 * The options of a power computation, defined once for the library (computePower), the CLI
 * (`concord power`, `quota`, `capacity`) and the server (`method`, `samples`, `seed` of the power
 * routes): the methods, the defaults and their one-line descriptions. Issue 19's "one options
 * module per capability", for power.
 */
export const POWER_METHODS = ['exact', 'montecarlo', 'enumerate'] as const;
export type Method = (typeof POWER_METHODS)[number];

/** Monte Carlo draws when none are asked for. */
export const DEFAULT_SAMPLES = 100_000;
/** Monte Carlo seed when none is given. */
export const DEFAULT_SEED = 1;

/** What each option means, as the CLI's help and the API's documentation say it. */
export const POWER_OPTION_HELP = {
  method: 'exact | montecarlo | enumerate (default: exact when feasible, else Monte Carlo)',
  samples: `Monte Carlo draws (default ${DEFAULT_SAMPLES})`,
  seed: `Monte Carlo seed (default ${DEFAULT_SEED})`,
} as const;
