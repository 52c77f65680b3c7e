/** The balance of power inside an organization (src/balance/): public, read-only. */
import { z } from 'zod';
import { balance } from '../../balance/balance.js';
import { BalanceQuerySchema, balanceOptions } from '../../balance/options.js';
import { balanceCsv } from '../../balance/tidy.js';
import { ConcordError } from '../../errors.js';
import { type AnyRoute, route } from '../route.js';
import { OrgParams } from '../schemas.js';

export const BalanceQuery = BalanceQuerySchema;

const Distribution = z.looseObject({
  year: z.number(),
  members: z.array(z.string()),
  values: z.record(z.string(), z.number().nullable()),
  missing: z.array(z.string()),
  total: z.number().nullable(),
  shares: z.record(z.string(), z.number()),
  concentration: z
    .looseObject({ n: z.number(), hhi: z.number(), con: z.number(), hegemon: z.boolean() })
    .nullable(),
  pairRatio: z.number().nullable(),
});

export const BalanceSchema = z
  .looseObject({
    organization: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
    measure: z.looseObject({ id: z.string(), label: z.string(), unit: z.string(), source: z.string() }),
    from: z.number(),
    to: z.number(),
    pair: z.tuple([z.string(), z.string()]).nullable(),
    years: z.array(Distribution.extend({ status: z.enum(['complete', 'partial', 'missing']) })),
    stages: z.array(
      z.looseObject({
        from: z.string(),
        kind: z.string(),
        joined: z.array(z.string()),
        sentence: z.string(),
      }),
    ),
    hypothetical: z.looseObject({ sentence: z.string() }).nullable(),
    summary: z.string(),
    notes: z.array(z.string()),
  })
  .describe('As `concord balance ORG --json`');

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/orgs/:id/balance',
    operationId: 'organizationBalance',
    summary:
      "The balance of power inside an organization: members' shares of a yardstick, per year and stage",
    description:
      'As `concord balance ORG --measure M --json`: shares, concentration (HHI, Ray–Singer CON), the ratio of a pair of members, and what each enlargement changed.',
    tag: 'organizations',
    access: 'public',
    params: OrgParams,
    query: BalanceQuery,
    cacheSeconds: 3600,
    response: { description: 'The balance', schema: BalanceSchema },
    csv: balanceCsv,
    work: {
      cost: () => 30,
      run: ({ ctx, params, query }) => {
        const org = ctx.registry.get(params.id);
        if (query.pair && query.pair.length !== 2) {
          throw new ConcordError(
            'E_VALIDATION',
            `query.pair: "${query.pair.join(',')}" does not name two states`,
            {
              path: 'query.pair',
              hint: 'Give two ISO3 codes separated by a comma, e.g. pair=CHN,RUS.',
              key: 'server.balance.pair',
              values: { pair: query.pair.join(',') },
            },
          );
        }
        return balance(org, ctx.ds, balanceOptions(query, org, ctx.registry));
      },
    },
  }),
];
