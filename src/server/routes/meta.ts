/** Health and identity. */
import { CAPABILITIES } from '../capabilities.js';
import { type AnyRoute, route } from '../route.js';
import { HealthSchema, WhoAmISchema } from '../schemas.js';

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/health',
    operationId: 'health',
    summary: 'Whether the server and its store answer; what this build can do',
    tag: 'server',
    access: 'public',
    response: { description: 'Healthy', schema: HealthSchema },
    handler: async ({ ctx }) => ({
      status: 'ok' as const,
      version: ctx.version,
      store: { dialect: ctx.store.dialect, schemaVersion: await ctx.store.schemaVersion() },
      startedAt: ctx.startedAt,
      capabilities: { ...CAPABILITIES, runKinds: ctx.jobs.kinds.size > 0 },
    }),
  }),
  route({
    method: 'GET',
    url: '/api/whoami',
    operationId: 'whoami',
    summary: 'The workspace of your bearer token (or public access without one)',
    tag: 'server',
    access: 'public',
    response: { description: 'Your access', schema: WhoAmISchema },
    handler: ({ workspace }) => ({
      workspace,
      access: workspace ? ('workspace' as const) : ('public' as const),
    }),
  }),
];
