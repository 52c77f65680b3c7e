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

/** Power against the quota (./quota.ts): the first quota and the step, when none are given. */
export const DEFAULT_QUOTA_FROM = 1;
export const DEFAULT_QUOTA_STEP = 1;
/**
 * `concord quota` and the quota route: an organization's members weighted by population unless
 * told otherwise, and the Banzhaf index alone unless others are asked for (the library's
 * quotaSweep computes all of them by default).
 */
export const QUOTA_WEIGHTS = ['population', 'gdp', 'count'] as const;
export type QuotaWeight = (typeof QUOTA_WEIGHTS)[number];
export const DEFAULT_QUOTA_WEIGHT: QuotaWeight = 'population';
export const DEFAULT_QUOTA_INDEX = 'banzhaf';

/**
 * What the options of power against the quota mean, as `concord quota`'s help says them; the API's
 * query says the same, capitalised (`sentence` of ../util/format.ts).
 */
export const QUOTA_OPTION_HELP = {
  from: `the first quota (default ${DEFAULT_QUOTA_FROM})`,
  to: 'the last quota (default: the total weight)',
  step: `the step between quotas (default ${DEFAULT_QUOTA_STEP})`,
  jumps: 'only the quotas where the set of winning coalitions changes',
  criterion:
    'with a rule of several criteria: the summed one to vary the quota of, at its own quota (e.g. votes for eu27-nice)',
} as const;

const QUOTA_WEIGHT_UNITS: Readonly<Record<QuotaWeight, string>> = {
  population: 'millions, rounded',
  gdp: 'billion USD, rounded',
  count: '',
};

/**
 * The help of the weight of an organization's members, `org` naming the organization's option as
 * the reader writes it (`--org` on the command line, `` `org` `` in the API's query).
 */
export function quotaWeightHelp(org: string): string {
  const each = QUOTA_WEIGHTS.map((w) => {
    const notes = [QUOTA_WEIGHT_UNITS[w], w === DEFAULT_QUOTA_WEIGHT ? 'default' : ''].filter(Boolean);
    return `"${w}"${notes.length ? ` (${notes.join('; ')})` : ''}`;
  });
  return `with ${org}: the weight, ${each.slice(0, -1).join(', ')} or ${each[each.length - 1]}`;
}

/** The help of the indices of a quota sweep, given their names (QUOTA_INDICES of ./quota.ts). */
export function quotaIndexHelp(indices: readonly string[]): string {
  return `indices, comma-separated (default ${DEFAULT_QUOTA_INDEX}): ${indices.join(', ')} or all`;
}

/** Weights and a quota by Leech's iterative method (./design.ts): the weights' total and the iterations. */
export const DEFAULT_DESIGN_RESOLUTION = 10_000;
export const MAX_DESIGN_RESOLUTION = 1_000_000;
export const DEFAULT_DESIGN_ITERATIONS = 200;

/** The population field of the square-root rule's target. */
export const DEFAULT_DESIGN_FIELD = 'population';

/** What `concord design`'s options mean. */
export const DESIGN_OPTION_HELP = {
  field: `the population field for square-root (default ${DEFAULT_DESIGN_FIELD})`,
  resolution: `total of the integer weights (default ${DEFAULT_DESIGN_RESOLUTION})`,
  maxIterations: `iterations at most (default ${DEFAULT_DESIGN_ITERATIONS})`,
} as const;
