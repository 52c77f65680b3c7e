/**
 * The forecast registry (`concord forecast FILE --register`): the registered forecasts of the
 * token's workspace, newest first, with their scores once scored (`concord registry score`).
 */
import { z } from 'zod';
import { requireWorkspace } from '../auth.js';
import { type AnyRoute, route } from '../route.js';

const ForecastListSchema = z.object({
  forecasts: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      scenarioId: z.string(),
      file: z.string(),
      scenarioHash: z.string(),
      codeVersion: z.string(),
      forecast: z.unknown(),
      score: z.unknown().nullable(),
      scoredAt: z.string().nullable(),
    }),
  ),
});

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/registry',
    operationId: 'listRegisteredForecasts',
    summary: "The registered forecasts of the token's workspace, newest first, with their scores",
    tag: 'forecasts',
    access: 'token',
    response: { description: 'Registered forecasts', schema: ForecastListSchema },
    handler: async ({ ctx, workspace }) => {
      const rows = await ctx.store.listForecasts(requireWorkspace(workspace), 500);
      return {
        forecasts: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          scenarioId: r.scenario_id,
          file: r.file,
          scenarioHash: r.scenario_hash,
          codeVersion: r.code_version,
          forecast: r.forecast,
          score: r.score,
          scoredAt: r.scored_at,
        })),
      };
    },
  }),
];
