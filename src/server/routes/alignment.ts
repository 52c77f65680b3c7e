/** Alignment in the UN General Assembly (src/alignment/): public, read-only. */
import { z } from 'zod';
import { alignOrganization, MAX_STAGE_YEARS } from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import {
  ALIGNMENT_OPTION_HELP,
  API_MAX_BOOTSTRAP,
  CampWeightsSchema,
  DEFAULT_BOOTSTRAP,
  DEFAULT_CAMP_SEED,
  DEFAULT_CAMP_WEIGHTS,
  DEFAULT_RESOLUTION,
  DEFAULT_SCOPE,
  ResolutionSchema,
  RollCallScopeSchema,
} from '../../alignment/options.js';
import { alignmentCsv } from '../../alignment/tidy.js';
import { sentence } from '../../util/format.js';
import { type AnyRoute, route } from '../route.js';
import { OrgParams } from '../schemas.js';

const Bound = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'expected a year such as 2001 or a day such as 2001-06-15');
const Positive = z
  .string()
  .max(20)
  .transform(Number)
  .refine((x) => ResolutionSchema.safeParse(x).success, { message: 'expected a positive number' });

export const AlignmentQuery = z
  .object({
    from: Bound.optional().describe(
      'First day (YYYY-MM-DD) or year (default: the founding date, or the first day of the data)',
    ),
    to: Bound.optional().describe('Last day (YYYY-MM-DD) or year (default: the last roll call of the data)'),
    scope: RollCallScopeSchema.default(DEFAULT_SCOPE).describe(sentence(ALIGNMENT_OPTION_HELP.scope)),
    bootstrap: z
      .string()
      .regex(/^\d{1,4}$/, 'expected a whole number of resamples, at most 2000')
      .transform(Number)
      .refine((x) => x <= API_MAX_BOOTSTRAP, { message: `at most ${API_MAX_BOOTSTRAP} resamples` })
      .default(DEFAULT_BOOTSTRAP)
      .describe('Bootstrap resamples (and null-model permutations) of the camps, 0–2000 (default 0: none)'),
    topic: z
      .string()
      .max(60)
      .optional()
      .describe('Only roll calls of one topic: me, nu, di, co, hr, ec (or its name)'),
    with: z
      .string()
      .max(600)
      .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'expected ISO3 codes, "partners" or "all", separated by commas')
      .transform((s) => s.split(','))
      .optional()
      .describe('Also compare these states: ISO3 codes, "partners", "all"'),
    seed: z
      .string()
      .regex(/^-?\d{1,9}$/, 'expected an integer')
      .transform(Number)
      .default(DEFAULT_CAMP_SEED)
      .describe(sentence(ALIGNMENT_OPTION_HELP.seed)),
    resolution: Positive.default(DEFAULT_RESOLUTION).describe(sentence(ALIGNMENT_OPTION_HELP.resolution)),
    campWeights: CampWeightsSchema.default(DEFAULT_CAMP_WEIGHTS).describe(
      sentence(ALIGNMENT_OPTION_HELP.campWeights),
    ),
    stageYears: Positive.refine((x) => x <= MAX_STAGE_YEARS, {
      message: `expected at most ${MAX_STAGE_YEARS} years`,
    })
      .optional()
      .describe(`Compare at most this many years before and after each stage (at most ${MAX_STAGE_YEARS})`),
  })
  .strict();

const Pair = z.looseObject({
  a: z.string(),
  b: z.string(),
  rollCalls: z.number(),
  agreement: z.number().nullable(),
  kappa: z.number().nullable(),
  s: z.number().nullable(),
});

export const AlignmentSchema = z
  .looseObject({
    organization: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
    window: z.looseObject({ from: z.string(), to: z.string(), rollCalls: z.number() }),
    states: z.array(
      z.looseObject({ iso3: z.string(), name: z.string(), role: z.enum(['member', 'partner', 'reference']) }),
    ),
    pairs: z.array(Pair),
    camps: z.looseObject({
      camps: z.array(z.array(z.string())),
      community: z.array(z.number()),
      modularity: z.number(),
    }),
    cohesion: z.looseObject({
      overall: z.looseObject({}),
      byYear: z.array(z.looseObject({ year: z.number(), agreementIndex: z.number().nullable() })),
    }),
    stages: z.array(
      z.looseObject({ date: z.string(), comparable: z.boolean(), change: z.number().nullable() }),
    ),
    notes: z.array(z.string()),
  })
  .describe('As `concord alignment ORG --json`');

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/alignment/topics',
    operationId: 'alignmentTopics',
    summary: 'The topics and years of the UN General Assembly roll calls in the data',
    tag: 'alignment',
    access: 'public',
    cacheSeconds: 3600,
    response: {
      description: 'Topics and years',
      schema: z.object({
        topics: z.array(z.object({ code: z.string(), label: z.string() })),
        firstYear: z.number(),
        lastYear: z.number(),
        source: z.string(),
      }),
    },
    handler: () => {
      const data = loadVoteData();
      return {
        topics: Object.entries(data.topics).map(([code, label]) => ({ code, label })),
        firstYear: data.meta.firstYear,
        lastYear: data.meta.lastYear,
        source: data.meta.source,
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/alignment',
    operationId: 'organizationAlignment',
    summary: "Who votes with whom: the members' agreement in the UN General Assembly, camps, cohesion",
    description:
      'As `concord alignment ORG --json`: pairwise agreement, Cohen’s κ and Signorino–Ritter S; Louvain camps; the Agreement Index per year and session; cohesion before and after each enlargement.',
    tag: 'alignment',
    access: 'public',
    params: OrgParams,
    query: AlignmentQuery,
    cacheSeconds: 3600,
    response: { description: 'The alignment analysis', schema: AlignmentSchema },
    csv: alignmentCsv,
    work: {
      cost: ({ query }) => 300 + (query.with?.length ?? 0) * 20,
      run: ({ ctx, params, query }) => {
        const org = ctx.registry.get(params.id);
        const data = loadVoteData();
        const first = `${data.meta.firstYear}-01-01`;
        const lastData = data.rollCalls.at(-1)!.date;
        const from = query.from ?? (org.founded > first ? org.founded : first);
        const to = query.to ?? (org.dissolved && org.dissolved <= lastData ? org.dissolved : undefined);
        return alignOrganization(data, org, {
          from,
          ...(to !== undefined ? { to } : {}),
          ...(query.topic ? { topic: query.topic } : {}),
          scope: query.scope,
          bootstrap: query.bootstrap,
          with: query.with ?? [],
          seed: query.seed,
          resolution: query.resolution,
          campWeights: query.campWeights,
          ...(query.stageYears !== undefined ? { stageYears: query.stageYears } : {}),
        });
      },
    },
  }),
];
