/**
 * Scenarios and forecasts (src/scenario/, src/bargaining/): the built-in SCO cases, each model's
 * forecast for a built-in scenario or for one sent in the body (computed, never stored), the
 * backtest of the SCO cases, and the library data the lab needs to resolve a scenario in the
 * browser with the very code the CLI runs (the workbench recomputes there while a position moves).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { backtestWithCoders } from '../../bargaining/backtest.js';
import { forecastAll, forecastJson, MODEL_NAMES } from '../../bargaining/forecast.js';
import { backtestCsv, forecastCsv } from '../../bargaining/tidy.js';
import { packageRoot, readJson, readText } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { parseScenarioText, resolveWithLines } from '../../scenario/load.js';
import { resolveScenario } from '../../scenario/resolve.js';
import { type ModelName, ModelNameSchema, ScenarioFileSchema } from '../../scenario/schema.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import type { ServerContext } from '../context.js';
import { type AnyRoute, route } from '../route.js';

const SCO_DIR = 'scenarios/sco';

interface BuiltIn {
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

let builtins: BuiltIn[] | undefined;

/** The shipped scenario files (scenarios/sco/*.yaml), read once. */
export function builtInScenarios(): BuiltIn[] {
  if (builtins) return builtins;
  const dir = join(packageRoot(), SCO_DIR);
  builtins = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = `${SCO_DIR}/${f}`;
      const text = readText(file);
      return { id: parseScenarioText(text, file).id, file, text };
    });
  return builtins;
}

function findBuiltIn(id: string): BuiltIn {
  const b = builtInScenarios().find((x) => x.id === id);
  if (b) return b;
  throw new ConcordError('E_UNKNOWN_ID', `no built-in scenario "${id}"`, {
    path: 'params.id',
    hint: 'GET /api/scenarios lists them.',
  });
}

const ModelsQuery = z
  .object({
    models: z
      .string()
      .max(200)
      .transform((s) => s.split(','))
      .pipe(z.array(ModelNameSchema).min(1))
      .optional()
      .describe(`Comma-separated models (default: all of ${MODEL_NAMES.join(', ')})`),
  })
  .strict();

const ScenarioParams = z
  .object({ id: z.string().min(1).max(200).describe('A built-in scenario id (GET /api/scenarios)') })
  .strict();

const Point = z.union([z.number(), z.array(z.number()), z.null()]);

export const ForecastSchema = z
  .object({
    scenario: z.looseObject({
      id: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      organization: z.string().nullable(),
      capability: z.looseObject({ source: z.string(), shares: z.record(z.string(), z.number()) }),
      chair: z.string().nullable(),
    }),
    issues: z.array(
      z.looseObject({
        id: z.string(),
        title: z.string(),
        dimensions: z.number(),
        statusQuo: Point,
        proposal: Point,
        rule: z.string(),
        vetoPlayers: z.array(z.string()),
        explanation: z.string(),
        models: z.record(ModelNameSchema, z.looseObject({ outcome: Point })),
      }),
    ),
  })
  .describe('As `concord forecast FILE --json`');

const ScenarioListSchema = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      organization: z.string().nullable(),
      file: z.string(),
      issues: z.array(z.object({ id: z.string(), title: z.string(), dimensions: z.number() })),
      observed: z.boolean(),
    }),
  ),
});

function models(q: { models?: ModelName[] | undefined }) {
  return q.models ? { models: q.models } : {};
}

/** Resolves a scenario sent in a request; the library's paths become paths in the body. */
function resolveBody(ctx: ServerContext, body: z.infer<typeof ScenarioFileSchema>): ResolvedScenario {
  try {
    return resolveScenario(body, { registry: ctx.registry, dataset: ctx.ds, file: 'body' });
  } catch (e) {
    if (e instanceof ConcordError && e.path && !e.path.startsWith('body')) {
      throw new ConcordError(e.code, e.message, {
        path: `body.${e.path}`,
        ...(e.hint ? { hint: e.hint } : {}),
        cause: e,
      });
    }
    throw e;
  }
}

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/scenarios',
    operationId: 'listScenarios',
    summary: 'The built-in scenarios: the SCO cases of scenarios/sco/',
    tag: 'forecasts',
    access: 'public',
    cacheSeconds: 3600,
    response: { description: 'The scenarios', schema: ScenarioListSchema },
    handler: () => ({
      scenarios: builtInScenarios().map((b) => {
        const s = parseScenarioText(b.text, b.file);
        return {
          id: s.id,
          title: s.title ?? s.id,
          date: s.date ?? null,
          organization: s.organization ?? null,
          file: b.file,
          issues: s.issues.map((i) => ({
            id: i.id,
            title: i.title ?? i.id,
            dimensions: i.dimensions?.length ?? 1,
          })),
          observed: s.issues.some((i) => i.outcome !== undefined) || s.outcome !== undefined,
        };
      }),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/scenarios/:id',
    operationId: 'showScenario',
    summary: 'A built-in scenario file, validated (JSON; `text` is the file as shipped)',
    tag: 'forecasts',
    access: 'public',
    params: ScenarioParams,
    cacheSeconds: 3600,
    response: {
      description: 'The scenario',
      schema: z.object({ id: z.string(), file: z.string(), text: z.string(), scenario: z.unknown() }),
    },
    handler: ({ params }) => {
      const b = findBuiltIn(params.id);
      return { id: b.id, file: b.file, text: b.text, scenario: parseScenarioText(b.text, b.file) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/scenarios/:id/forecast',
    operationId: 'forecastScenario',
    summary: "Every model's forecast for a built-in scenario",
    description: 'As `concord forecast scenarios/sco/<case>.yaml --json`.',
    tag: 'forecasts',
    access: 'public',
    params: ScenarioParams,
    query: ModelsQuery,
    cacheSeconds: 3600,
    response: { description: 'The forecasts', schema: ForecastSchema },
    csv: forecastCsv,
    handler: ({ params, query }) => {
      const b = findBuiltIn(params.id);
      const s = resolveWithLines(parseScenarioText(b.text, b.file), b.file, b.text);
      return forecastJson(s, forecastAll(s, models(query)));
    },
  }),
  route({
    method: 'POST',
    url: '/api/forecast',
    operationId: 'forecast',
    summary: "Every model's forecast for a scenario of your own (JSON or YAML body; nothing is stored)",
    description:
      'The body is a scenario file (schema: docs/schemas/scenario.json, see docs/models.md); the answer is that of `concord forecast FILE --json`.',
    tag: 'forecasts',
    access: 'public',
    body: ScenarioFileSchema,
    yamlBody: true,
    query: ModelsQuery,
    rateLimitPerMinute: 120,
    response: { description: 'The forecasts', schema: ForecastSchema },
    csv: forecastCsv,
    handler: ({ ctx, body, query }) => {
      const s = resolveBody(ctx, body);
      return forecastJson(s, forecastAll(s, models(query)));
    },
  }),
  route({
    method: 'GET',
    url: '/api/backtest',
    operationId: 'backtestScoCases',
    summary: 'How each model does on the SCO cases with an observed outcome',
    description: 'As `concord backtest scenarios/sco --json`.',
    tag: 'forecasts',
    access: 'public',
    query: ModelsQuery,
    cacheSeconds: 3600,
    response: {
      description: 'Per case and per model',
      schema: z.object({
        cases: z.array(z.looseObject({ scenario: z.string() })),
        models: z.record(z.string(), z.unknown()),
      }),
    },
    csv: backtestCsv,
    handler: ({ query }) =>
      backtestWithCoders(
        builtInScenarios().map((b) => resolveWithLines(parseScenarioText(b.text, b.file), b.file, b.text)),
        models(query),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/library',
    operationId: 'libraryData',
    summary:
      'The built-in data and organizations, as the library reads them (for resolving scenarios in a browser)',
    description:
      'The files of data/generated/ behind `createDataset` and the parsed organizations behind `OrganizationRegistry`: with them a browser resolves a scenario exactly as the CLI does.',
    tag: 'forecasts',
    access: 'public',
    cacheSeconds: 86_400,
    response: {
      description: 'Data files and organizations',
      schema: z.object({
        dataset: z.object({
          countries: z.unknown(),
          population: z.unknown(),
          gdp: z.unknown(),
          cow: z.unknown(),
        }),
        organizations: z.array(z.unknown()),
      }),
    },
    handler: ({ ctx }) => ({
      dataset: {
        countries: readJson('data/generated/countries.json'),
        population: readJson('data/generated/population.json'),
        gdp: readJson('data/generated/gdp.json'),
        cow: readJson('data/generated/cow-nmc.json'),
        milex: readJson('data/generated/milex.json'),
      },
      organizations: ctx.registry.all(),
    }),
  }),
];
