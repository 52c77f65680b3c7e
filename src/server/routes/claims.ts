/** The claim check: the seed paper's claims (public), or a claims file sent in the body (computed, not stored). */
import { z } from 'zod';
import { checkClaims } from '../../claims/check.js';
import { loadDefaultClaims } from '../../claims/load.js';
import { ClaimsFileSchema } from '../../claims/schema.js';
import { parseLocale } from '../../i18n/locale.js';
import { type AnyRoute, route } from '../route.js';
import { ClaimsReportSchema, LangParam } from '../schemas.js';

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/claims',
    operationId: 'checkDefaultClaims',
    summary: "The seed paper's quantitative claims, checked against the data",
    description:
      'As `concord claims --json` (data/claims/nurimbetov-2021.yaml); `?lang=` words the explanations in Russian or Chinese.',
    tag: 'claims',
    access: 'public',
    query: z
      .object({
        lang: LangParam(
          'The language of the explanations: en (default), ru or zh; the figures and verdicts do not change',
        ),
      })
      .strict(),
    cacheSeconds: 3600,
    response: { description: 'Each claim with its verdict', schema: ClaimsReportSchema },
    handler: ({ ctx, query }) =>
      checkClaims(
        loadDefaultClaims(),
        ctx.registry,
        ctx.ds,
        query.lang ? parseLocale(query.lang, 'lang') : 'en',
      ),
  }),
  route({
    method: 'POST',
    url: '/api/claims/check',
    operationId: 'checkClaims',
    summary: 'Check a claims file of your own (JSON or YAML body; nothing is stored)',
    description:
      'The body is a claims file (schema: docs/schemas/claims.json), as `concord claims FILE --json`.',
    tag: 'claims',
    access: 'public',
    body: ClaimsFileSchema,
    yamlBody: true,
    response: { description: 'Each claim with its verdict', schema: ClaimsReportSchema },
    handler: ({ ctx, body }) => checkClaims(body, ctx.registry, ctx.ds),
  }),
];
