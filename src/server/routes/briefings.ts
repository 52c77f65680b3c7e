/** Enlargement briefings (src/report/briefing.ts): public, read-only, computed on the worker pool. */
import { z } from 'zod';
import { ConcordError } from '../../errors.js';
import { parseLocale } from '../../i18n/locale.js';
import { BRIEFINGS } from '../../report/briefing.js';
import { briefingsFor } from '../../report/sections/briefings.js';
import { todayIso } from '../../util/dates.js';
import { type AnyRoute, route } from '../route.js';
import { LangParam, OrgId } from '../schemas.js';

const BriefingParams = z
  .object({
    id: OrgId,
    stage: z
      .enum(BRIEFINGS.map((b) => b.id) as [string, ...string[]])
      .describe('The enlargement: 2017, 2023 or 2024'),
  })
  .strict();

const Figure = z.looseObject({
  id: z.string(),
  title: z.string(),
  unit: z.enum(['share', 'index']),
  rows: z.array(z.object({ label: z.string(), before: z.number().nullable(), after: z.number().nullable() })),
  beforeLabel: z.string(),
  afterLabel: z.string(),
  shows: z.string(),
  doesNotShow: z.string(),
});

export const BriefingSchema = z
  .looseObject({
    id: z.string(),
    title: z.string(),
    question: z.string(),
    organization: z.object({ id: z.string(), shortName: z.string() }),
    date: z.string(),
    joined: z.array(z.string()),
    membersBefore: z.array(z.string()),
    membersAfter: z.array(z.string()),
    answer: z.array(z.string()),
    figures: z.array(Figure),
    notes: z.array(z.string()),
  })
  .describe('One view of an enlargement: balance, capacity, blocking power and alignment, before and after');

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/orgs/:id/briefings/:stage',
    operationId: 'enlargementBriefing',
    summary:
      'A briefing on one enlargement: balance, capacity, blocking power and alignment before and after',
    description:
      'As the report section "Enlargement briefings": each figure with its data, what it shows and what it does not.',
    tag: 'organizations',
    access: 'public',
    params: BriefingParams,
    query: z
      .object({
        lang: LangParam(
          'The language of the texts (titles, sentences, labels, notes): en (default), ru or zh; the figures do not change',
        ),
      })
      .strict(),
    cacheSeconds: 3600,
    response: { description: 'The briefing', schema: BriefingSchema },
    // Computed on the worker pool (balance, capacity and the alignment of two periods: about a
    // second); the answer is cached by the server under its validated input.
    work: {
      cost: () => 1000,
      run: ({ ctx, params, query }) => {
        ctx.registry.get(params.id);
        const locale = query.lang ? parseLocale(query.lang, 'lang') : 'en';
        const all = briefingsFor(
          { ds: ctx.ds, registry: ctx.registry, orgId: params.id, date: todayIso() },
          locale,
        );
        const b = all.find((x) => x.id === params.stage);
        if (!b)
          throw new ConcordError('E_NOT_FOUND', `no briefing ${params.stage} for ${params.id}`, {
            path: 'params.stage',
            hint: `Briefings of this organization: ${all.map((x) => x.id).join(', ') || 'none'}.`,
            key: 'server.briefing.notFound',
            values: { stage: params.stage, id: params.id, known: all.map((x) => x.id).join(', ') || 'none' },
          });
        return b;
      },
    },
  }),
];
