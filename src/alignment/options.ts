/**
 * The options of an alignment analysis (./analysis.ts), defined once for the library (its
 * defaults), the CLI (`concord alignment`: its flags' defaults, help and validation) and the server
 * (`GET /api/orgs/:id/alignment`'s query): the roll-call scope, the camps' edge weights, the
 * Louvain seed and resolution, and the bootstrap. Issue 19's "one options module per capability",
 * for alignment. Imports nothing of the analysis, so the analysis can import it.
 */
import { z } from 'zod';

/** All roll calls, or only resolutions voted on as a whole (the scope both vote sources share). */
export const ROLL_CALL_SCOPES = ['all', 'resolutions'] as const;
export type RollCallScopeFilter = (typeof ROLL_CALL_SCOPES)[number];
export const DEFAULT_SCOPE: RollCallScopeFilter = 'all';
export const RollCallScopeSchema = z.enum(ROLL_CALL_SCOPES);

/** The edge weights of the camps graph: Cohen's kappa (negative → 0) or raw agreement. */
export const CAMP_WEIGHTS = ['kappa', 'agreement'] as const;
export type CampWeights = (typeof CAMP_WEIGHTS)[number];
export const DEFAULT_CAMP_WEIGHTS: CampWeights = 'kappa';
export const CampWeightsSchema = z.enum(CAMP_WEIGHTS);

/** Louvain community detection: its seed and the modularity's resolution. */
export const DEFAULT_CAMP_SEED = 1;
export const DEFAULT_RESOLUTION = 1;
export const ResolutionSchema = z.number().finite().positive();
export const CampSeedSchema = z.number().int();

/**
 * Bootstrap resamples of the camps: none in the library and the API (each costs a camps search),
 * 1000 on the command line; at most 100000 there, 2000 per API request.
 */
export const DEFAULT_BOOTSTRAP = 0;
export const CLI_DEFAULT_BOOTSTRAP = 1000;
export const MAX_BOOTSTRAP = 100_000;
export const API_MAX_BOOTSTRAP = 2000;
export const BootstrapSchema = z.number().int().min(0).max(MAX_BOOTSTRAP);

/** The pair followed year by year, when both are members (else the first two members). */
export const DEFAULT_PAIR: readonly [string, string] = ['CHN', 'RUS'];

/** What each option means, as the CLI's help says it. */
export const ALIGNMENT_OPTION_HELP = {
  pair: `the pair followed year by year (default ${DEFAULT_PAIR.join(',')})`,
  scope: 'all roll calls, or only resolutions voted on as a whole (the scope both sources share)',
  seed: 'seed of the Louvain community detection',
  resolution: 'resolution of the modularity (higher: smaller camps)',
  campWeights: 'edge weights for the camps: kappa (negative → 0) or agreement',
  bootstrap:
    'resamples of the bootstrap over roll calls (and permutations of the null model) of the camps; 0: none',
} as const;
