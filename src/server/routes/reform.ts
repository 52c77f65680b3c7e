/**
 * The reform explorer (src/power/reform.ts, docs/reform.md): the rules of a documented family that
 * satisfy the constraints of the body, ranked, with their figures at every membership stage. It
 * evaluates about 150 rules at every stage, so it runs on the worker pool; the answer is cached.
 * The lab's Decision page calls it each time a constraint is toggled.
 */
import { z } from 'zod';
import {
  assertFeasible,
  CONSTRAINT_HELP,
  DEFAULT_REFORM_RANK,
  MAX_BLOCS,
  MAX_CONSTRAINTS,
  parseConstraint,
  REFORM_CSV_COLUMNS,
  REFORM_RANKS,
  type ReformResult,
  reform,
  reformRows,
} from '../../power/reform.js';
import { toCsv } from '../../util/csv.js';
import { parseDate } from '../../util/dates.js';
import { type AnyRoute, route } from '../route.js';
import { DateParam, OrgParams } from '../schemas.js';

const Code = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO3 code such as KAZ');

export const ReformBody = z
  .object({
    constraints: z
      .array(z.string().min(1).max(400))
      .max(MAX_CONSTRAINTS)
      .default([])
      .describe(`Constraints, each one of: ${CONSTRAINT_HELP}`),
    at: DateParam.optional().describe('The stage the constraints are checked on (default: the latest)'),
    add: z
      .array(Code)
      .max(10)
      .transform((a) => [...new Set(a.map((s) => s.toUpperCase()))])
      .optional()
      .describe('A hypothetical stage: the members on `at` plus these states (checked too)'),
    unions: z
      .array(z.array(Code).min(1).max(30))
      .max(MAX_BLOCS)
      .optional()
      .describe('Blocs for the bloc-veto rules (default: the lists of the veto and bloc-veto constraints)'),
    rank: z.enum(REFORM_RANKS).default(DEFAULT_REFORM_RANK),
  })
  .strict();

const Figures = z.looseObject({
  from: z.string(),
  passageProbability: z.number().nullable(),
  passageProbabilityFraction: z.string().nullable(),
  maxShare: z.object({ id: z.string(), banzhaf: z.number() }).nullable(),
  gini: z.number().nullable(),
  vetoes: z.array(z.string()),
  players: z.array(
    z.looseObject({
      id: z.string(),
      banzhaf: z.number(),
      shapleyShubik: z.number().nullable(),
      blockingPower: z.number().nullable(),
      veto: z.boolean(),
    }),
  ),
  note: z.string().nullable(),
});

export const ReformSchema = z
  .looseObject({
    organization: z.looseObject({ id: z.string(), name: z.string(), shortName: z.string() }),
    at: z.string(),
    rankBy: z.enum(REFORM_RANKS),
    constraints: z.array(z.looseObject({ kind: z.string(), text: z.string(), satisfiedBy: z.number() })),
    blocs: z.array(z.array(z.string())),
    family: z.object({ rules: z.number(), distinct: z.number(), description: z.string() }),
    stages: z.array(
      z.looseObject({
        from: z.string(),
        hypothetical: z.boolean(),
        checked: z.boolean(),
        members: z.array(z.string()),
        joined: z.array(z.string()),
      }),
    ),
    rules: z.array(
      z.looseObject({
        rank: z.number(),
        id: z.string(),
        label: z.string(),
        description: z.string(),
        criterion: z.number(),
        equivalent: z.array(z.string()),
        stages: z.array(Figures),
      }),
    ),
  })
  .describe('As `concord reform ORG --json`');

export const routes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/api/orgs/:id/reform',
    operationId: 'organizationReform',
    summary: 'Reform explorer: the rules of a documented family that satisfy the constraints, ranked',
    description:
      'As `concord reform ORG --constraint … --json` (docs/reform.md). An infeasible set of constraints answers 400 naming the smallest conflicting ones.',
    tag: 'decision',
    access: 'public',
    params: OrgParams,
    body: ReformBody,
    cacheSeconds: 3600,
    response: { description: 'The rules that satisfy the constraints', schema: ReformSchema },
    csv: (r: ReformResult) => toCsv(REFORM_CSV_COLUMNS, reformRows(r)),
    work: {
      // About 0.6 s for the SCO's 156 rules at four stages; each bloc and stage adds its share.
      cost: ({ body }) => 150 * (1 + 2 * (body.unions?.length ?? 1)) * (1 + (body.add?.length ? 0.3 : 0)),
      timeoutHint: 'Name fewer blocs, or use `concord reform` on the command line.',
      timeoutKey: 'reform',
      run: ({ ctx, params, body }) => {
        const org = ctx.registry.get(params.id);
        const constraints = body.constraints.map((c, i) => parseConstraint(c, `body.constraints[${i}]`));
        const r = reform(org, ctx.ds, {
          constraints,
          add: body.add ?? [],
          rank: body.rank,
          path: 'body.constraints',
          unionsPath: 'body.unions',
          atPath: 'body.at',
          ...(body.at ? { at: parseDate(body.at, 'body.at') } : {}),
          ...(body.unions ? { blocs: body.unions.map((b) => b.map((s) => s.toUpperCase())) } : {}),
        });
        assertFeasible(r, 'body.constraints');
        return r;
      },
    },
  }),
];
