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
import { forecastAll, forecastJson, MODEL_NAMES, SMP_DEFAULT_MAX_ACTORS } from '../../bargaining/forecast.js';
import { FORECAST_OPTION_HELP } from '../../bargaining/options.js';
import { backtestCsv, forecastCsv } from '../../bargaining/tidy.js';
import { packageRoot, readJson, readText } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { parseScenarioText, resolveWithLines } from '../../scenario/load.js';
import { resolveScenario } from '../../scenario/resolve.js';
import {
  ExchangeRunSchema,
  type ModelName,
  ModelNameSchema,
  ScenarioFileSchema,
} from '../../scenario/schema.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import { sentence } from '../../util/format.js';
import { atPath } from '../errors.js';
import { type AnyRoute, route, type WorkContext } from '../route.js';

const SCO_DIR = 'scenarios/sco';

/**
 * The caps on a scenario sent to the API: actors, issues and dimensions, and the work of the
 * expected-utility model (actors² × issues), so that the largest allowed forecast finishes within
 * the server's budget (about 2 s of an idle worker). The CLI has no caps.
 */
export const SCENARIO_CAPS = { actors: 200, issues: 50, dimensions: 16, actorPairsTimesIssues: 80_000 };

/** Distinct actors of a scenario file: its `actors` and every actor with a position. */
function actorCount(s: z.infer<typeof ScenarioFileSchema>): number {
  const ids = new Set(Object.keys(s.actors ?? {}));
  for (const i of s.issues) for (const a of Object.keys(i.positions)) ids.add(a);
  return ids.size;
}

export function scenarioCaps(s: z.infer<typeof ScenarioFileSchema>): void {
  const limit = (
    what: string,
    n: number,
    cap: number,
    path: string,
    hint: string,
    key:
      | 'server.scenario.tooManyActors'
      | 'server.scenario.tooManyIssues'
      | 'server.scenario.tooManyDimensions'
      | 'server.scenario.tooManyPairs',
  ) => {
    if (n > cap)
      throw new ConcordError(
        'E_LIMIT',
        `the scenario has ${n.toLocaleString('en-US')} ${what}; the API takes at most ${cap.toLocaleString('en-US')} (cap: ${what})`,
        { path, hint, key, values: { n, what, cap } },
      );
  };
  const cli = 'Use `concord forecast FILE` on the command line, which has no caps.';
  const actors = actorCount(s);
  limit('actors', actors, SCENARIO_CAPS.actors, 'body.actors', cli, 'server.scenario.tooManyActors');
  limit(
    'issues',
    s.issues.length,
    SCENARIO_CAPS.issues,
    'body.issues',
    `Split the scenario, or ${cli}`,
    'server.scenario.tooManyIssues',
  );
  for (const [k, i] of s.issues.entries()) {
    limit(
      'dimensions',
      i.dimensions?.length ?? 1,
      SCENARIO_CAPS.dimensions,
      `body.issues[${k}].dimensions`,
      cli,
      'server.scenario.tooManyDimensions',
    );
  }
  limit(
    'actors² × issues',
    actors * actors * s.issues.length,
    SCENARIO_CAPS.actorPairsTimesIssues,
    'body.issues',
    `Fewer actors or issues; or leave out the eum model; or ${cli}`,
    'server.scenario.tooManyPairs',
  );
}

/** Estimated worker milliseconds of a forecast (the expected-utility model dominates). */
function forecastCost(
  s: z.infer<typeof ScenarioFileSchema>,
  q: { models?: ModelName[] | undefined; exchangeRepetitions?: number | undefined },
): number {
  const n = actorCount(s) || 10;
  const eum = !q.models || q.models.includes('eum');
  // KTAB's SMP: every actor weighs every challenge with every third party, each turn (~30 turns)
  const smp = q.models ? q.models.includes('smp') : n <= SMP_DEFAULT_MAX_ACTORS;
  const exchange = !q.models || q.models.includes('exchange');
  // the exchange model: about 5 ms per 15 actors × 10 issues run, once per repetition
  const k = s.issues.length;
  const reps = exchange ? (q.exchangeRepetitions ?? 1) : 0;
  return (
    5 +
    k * (n * 0.05 + (eum ? n * n * 0.03 : 0) + (smp ? n ** 3 * 0.025 : 0)) +
    reps * ((n * n * k * k) / 4500) * 5
  );
}

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
    key: 'server.scenario.unknown',
    values: { id },
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

/** A number in a query string, then checked by ExchangeRunSchema's own field (one definition). */
const queryNumber = <T extends z.ZodType<number, number>>(field: T) =>
  z
    .string()
    .max(40)
    .transform((v) => (v.trim() === '' ? Number.NaN : Number(v)))
    .pipe(field)
    .optional();

/** The models, and the exchange model's run options (as `concord forecast`'s flags). */
const ForecastQuery = ModelsQuery.extend({
  exchangeVariant: ExchangeRunSchema.shape.variant
    .unwrap()
    .optional()
    .describe(sentence(FORECAST_OPTION_HELP.exchangeVariant)),
  exchangeP: queryNumber(ExchangeRunSchema.shape.p.unwrap()).describe(
    sentence(FORECAST_OPTION_HELP.exchangeP),
  ),
  exchangeRepetitions: queryNumber(ExchangeRunSchema.shape.repetitions.unwrap()).describe(
    sentence(FORECAST_OPTION_HELP.exchangeRepetitions),
  ),
  seed: queryNumber(ExchangeRunSchema.shape.seed.unwrap()).describe(sentence(FORECAST_OPTION_HELP.seed)),
}).strict();
type ForecastQueryT = z.infer<typeof ForecastQuery>;

/** The forecast options of a query: models and the exchange model's run. */
function forecastOptions(q: ForecastQueryT) {
  const run = ExchangeRunSchema.parse({
    ...(q.exchangeVariant !== undefined ? { variant: q.exchangeVariant } : {}),
    ...(q.exchangeP !== undefined ? { p: q.exchangeP } : {}),
    ...(q.exchangeRepetitions !== undefined ? { repetitions: q.exchangeRepetitions } : {}),
    ...(q.seed !== undefined ? { seed: q.seed } : {}),
  });
  return { ...models(q), exchange: { p: run.p, repetitions: run.repetitions, seed: run.seed } };
}

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
function resolveBody(ctx: WorkContext, body: z.infer<typeof ScenarioFileSchema>): ResolvedScenario {
  try {
    return resolveScenario(body, { registry: ctx.registry, dataset: ctx.ds, file: 'body' });
  } catch (e) {
    if (e instanceof ConcordError && e.path && !e.path.startsWith('body')) throw atPath(e, `body.${e.path}`);
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
    query: ForecastQuery,
    cacheSeconds: 3600,
    response: { description: 'The forecasts', schema: ForecastSchema },
    csv: forecastCsv,
    work: {
      cost: ({ query }) => 20 * (query.exchangeRepetitions ?? 1),
      run: ({ params, query }) => {
        const b = findBuiltIn(params.id);
        const s = resolveWithLines(parseScenarioText(b.text, b.file), b.file, b.text);
        return forecastJson(s, forecastAll(s, forecastOptions(query)));
      },
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
    query: ForecastQuery,
    cacheSeconds: 3600,
    response: { description: 'The forecasts', schema: ForecastSchema },
    csv: forecastCsv,
    work: {
      caps: ({ body }) => scenarioCaps(body),
      cost: ({ body, query }) => forecastCost(body, query),
      timeoutHint:
        'Leave out the eum model (models=consensus,compromise,median,nash), or use `concord forecast FILE`.',
      timeoutKey: 'forecast',
      run: ({ ctx, body, query }) => {
        const s = resolveBody(ctx, body);
        const fs = forecastAll(s, forecastOptions(query));
        // SMP asked for by name on an issue it cannot run on: a 400 naming the issue and the field
        const refused = query.models?.includes('smp') ? fs.find((f) => f.smpRefusal)?.smpRefusal : undefined;
        if (refused)
          throw new ConcordError('E_VALIDATION', `body.${refused.path}: ${refused.note}`, {
            path: `body.${refused.path}`,
            hint: refused.hint,
            // SMP's refusal is written by the library (src/bargaining/smp.ts), in English.
            key: 'server.scenario.smpRefused',
            values: { path: refused.path, note: refused.note },
          });
        return forecastJson(s, fs);
      },
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
    work: {
      cost: () => 200,
      run: ({ query }) =>
        backtestWithCoders(
          builtInScenarios().map((b) => resolveWithLines(parseScenarioText(b.text, b.file), b.file, b.text)),
          models(query),
        ),
    },
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
