/**
 * Decision rules and voting power (src/rules/, src/power/): the capacity to decide across an
 * organization's enlargements under its own rule and comparison rules, and every power index of a
 * game — a built-in one, an organization's members on a date, or a game file sent in the body.
 *
 * Rules come by name (the built-in comparison rules) or inline in a JSON body, validated by the rule
 * language's schema; never by file name, so a request cannot make the server read a file. The
 * computations are exact and run on the request: games sent in a body are limited in size so that
 * one request cannot hold the server (the CLI has no such limit).
 */
import { z } from 'zod';
import { ConcordError } from '../../errors.js';
import { resolveGame } from '../../org/players.js';
import { type CapacityRule, capacity } from '../../power/capacity.js';
import { comparisonRules, DEFAULT_COMPARISONS, loadReferenceBand } from '../../power/load.js';
import { computePower, type Method } from '../../power/power.js';
import { describeRule } from '../../rules/evaluate.js';
import { GameFileSchema } from '../../rules/game.js';
import { builtinGames, loadBuiltinGameFile, NAMED_RULES } from '../../rules/load.js';
import { RuleSchema } from '../../rules/schema.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { type AnyRoute, route } from '../route.js';
import { DateParam, OrgParams } from '../schemas.js';

/** Largest game sent in a body (players), and largest Monte Carlo sample, per request. */
export const MAX_PLAYERS = 400;
export const MAX_SAMPLES = 1_000_000;
const MAX_ADDED = 30;

const RULE_NAMES = Object.keys(NAMED_RULES) as [string, ...string[]];
const RuleName = z.enum(RULE_NAMES);

const Codes = z
  .string()
  .max(200)
  .regex(/^[A-Za-z]{3}(,[A-Za-z]{3})*$/, 'expected ISO3 codes separated by commas, e.g. IRN,BLR')
  .transform((s) => s.toUpperCase().split(','));

const MethodQuery = {
  method: z.enum(['exact', 'montecarlo', 'enumerate']).optional().describe('Default: exact when feasible'),
  samples: z
    .string()
    .regex(/^\d{1,7}$/, 'expected a whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_SAMPLES, { message: `expected 1 to ${MAX_SAMPLES}` })
    .optional()
    .describe('Monte Carlo draws (default 100000)'),
  seed: z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .optional()
    .describe('Monte Carlo seed (default 1)'),
};

const CapacityQuery = z
  .object({
    rules: z
      .string()
      .max(300)
      .transform((s) => s.split(','))
      .pipe(z.array(RuleName).max(8))
      .optional()
      .describe(
        `Comparison rules by name (default ${DEFAULT_COMPARISONS.join(',')}): ${RULE_NAMES.join(', ')}`,
      ),
    add: Codes.optional().describe('A hypothetical stage: the latest members plus these states'),
    at: DateParam.optional().describe('The date of the hypothetical stage (its data year)'),
    eu: z.enum(['true', 'false']).default('true').describe('Include the EU Council reference band'),
  })
  .strict();

const RuleSpec = z.union([
  RuleName,
  z.object({ label: z.string().min(1).max(80).optional(), rule: RuleSchema }).strict(),
]);

const CapacityBody = z
  .object({
    rules: z
      .array(RuleSpec)
      .max(8)
      .optional()
      .describe('Comparison rules: names, or { label, rule } in the rule language'),
    add: z
      .array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code such as IRN'))
      .max(MAX_ADDED)
      .optional(),
    at: DateParam.optional(),
    eu: z.boolean().default(true),
  })
  .strict();

const Outcome = z.looseObject({
  rule: z.string(),
  passageProbability: z.number(),
  passageProbabilityFraction: z.string().nullable(),
  players: z.array(
    z.looseObject({ id: z.string(), blockingPower: z.number().nullable(), veto: z.boolean() }),
  ),
});

export const CapacitySchema = z
  .object({
    organization: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
    rules: z.array(
      z.object({ id: z.string(), label: z.string(), description: z.string(), own: z.boolean() }),
    ),
    stages: z.array(
      z.looseObject({
        from: z.string(),
        to: z.string().nullable(),
        hypothetical: z.boolean(),
        members: z.array(z.string()),
        joined: z.array(z.string()),
        outcomes: z.array(Outcome),
      }),
    ),
    euReference: z.array(z.looseObject({ id: z.string(), passageProbability: z.number() })),
  })
  .describe('As `concord capacity ORG --json`');

export const PowerSchema = z
  .looseObject({
    game: z.looseObject({ name: z.string(), players: z.number(), rule: z.string() }),
    method: z.enum(['exact', 'montecarlo', 'enumerate']),
    algorithm: z.string(),
    passageProbability: z.number(),
    winningCoalitions: z.string().nullable(),
    players: z.array(
      z.looseObject({
        id: z.string(),
        penrose: z.number(),
        banzhaf: z.number(),
        shapleyShubik: z.number().nullable(),
        colemanPrevent: z.number().nullable(),
        colemanInitiate: z.number().nullable(),
        holler: z.number().nullable(),
        deeganPackel: z.number().nullable(),
        johnston: z.number().nullable(),
        veto: z.boolean(),
      }),
    ),
  })
  .describe('As `concord power FILE --json`');

function capacityOf(
  org: Parameters<typeof capacity>[0],
  ds: Parameters<typeof capacity>[1],
  rules: CapacityRule[],
  add: string[],
  at: string | undefined,
  eu: boolean,
  part: 'query' | 'body',
) {
  if (add.length > MAX_ADDED)
    throw new ConcordError('E_LIMIT', `at most ${MAX_ADDED} hypothetical members`, { path: `${part}.add` });
  const r = within(part, ['add', 'at'], () =>
    capacity(org, ds, rules, { add, ...(at ? { at: parseDate(at, `${part}.at`) } : {}) }),
  );
  return { ...r, euReference: eu ? loadReferenceBand() : [] };
}

/**
 * Runs `f`, naming the request part in the paths of the library's errors about the given fields
 * (`add[0]` → `query.add[0]`).
 */
function within<T>(part: 'query' | 'body', fields: readonly string[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    const head = e instanceof ConcordError ? e.path?.split(/[.[]/)[0] : undefined;
    if (e instanceof ConcordError && head && fields.includes(head)) {
      throw new ConcordError(e.code, e.message, {
        path: `${part}.${e.path}`,
        ...(e.hint ? { hint: e.hint } : {}),
        cause: e,
      });
    }
    throw e;
  }
}

function powerOptions(q: { method?: Method; samples?: number; seed?: number }) {
  return {
    ...(q.method ? { method: q.method } : {}),
    ...(q.samples !== undefined ? { samples: q.samples } : {}),
    ...(q.seed !== undefined ? { seed: q.seed } : {}),
  };
}

export const routes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/api/rules',
    operationId: 'listRules',
    summary: 'The built-in comparison rules and games',
    tag: 'decision',
    access: 'public',
    cacheSeconds: 3600,
    response: {
      description: 'Rules and games',
      schema: z.object({
        rules: z.array(
          z.object({ id: z.string(), label: z.string(), description: z.string(), rule: RuleSchema }),
        ),
        defaults: z.array(z.string()),
        games: z.array(z.string()),
        limits: z.object({ players: z.number(), samples: z.number() }),
      }),
    },
    handler: () => ({
      rules: Object.entries(NAMED_RULES).map(([id, r]) => ({
        id,
        label: r.label,
        description: describeRule(r.rule),
        rule: r.rule,
      })),
      defaults: [...DEFAULT_COMPARISONS],
      games: builtinGames(),
      limits: { players: MAX_PLAYERS, samples: MAX_SAMPLES },
    }),
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/capacity',
    operationId: 'organizationCapacity',
    summary: 'Capacity to decide at every membership stage: passage probability and blocking power by rule',
    description:
      'As `concord capacity ORG --json`: the organization’s own rule and comparison rules (by name), optionally a hypothetical stage with added members, and the EU Council reference band.',
    tag: 'decision',
    access: 'public',
    params: OrgParams,
    query: CapacityQuery,
    cacheSeconds: 3600,
    response: { description: 'The capacity to decide', schema: CapacitySchema },
    handler: ({ ctx, params, query }) => {
      const org = ctx.registry.get(params.id);
      const rules = comparisonRules(org.rule, query.rules ?? [...DEFAULT_COMPARISONS], process.cwd());
      return capacityOf(org, ctx.ds, rules, query.add ?? [], query.at, query.eu === 'true', 'query');
    },
  }),
  route({
    method: 'POST',
    url: '/api/orgs/:id/capacity',
    operationId: 'organizationCapacityWithRules',
    summary: 'Capacity to decide under rules of your own (JSON body; nothing is stored)',
    description:
      'The body lists comparison rules by name or as `{ label, rule }` in the rule language (docs/rules.md), optionally added members and a date.',
    tag: 'decision',
    access: 'public',
    params: OrgParams,
    body: CapacityBody,
    yamlBody: true,
    rateLimitPerMinute: 120,
    response: { description: 'The capacity to decide', schema: CapacitySchema },
    handler: ({ ctx, params, body }) => {
      const org = ctx.registry.get(params.id);
      const specs = body.rules ?? [...DEFAULT_COMPARISONS];
      const own = comparisonRules(org.rule, [], process.cwd());
      const rules: CapacityRule[] = [
        ...own,
        ...specs.map((spec, i): CapacityRule => {
          if (typeof spec === 'string') {
            const r = NAMED_RULES[spec]!;
            return { id: spec, label: r.label, rule: r.rule, own: false };
          }
          return {
            id: `rule-${i + 1}`,
            label: spec.label ?? describeRule(spec.rule),
            rule: spec.rule,
            own: false,
          };
        }),
      ];
      return capacityOf(org, ctx.ds, rules, body.add ?? [], body.at, body.eu, 'body');
    },
  }),
  route({
    method: 'GET',
    url: '/api/orgs/:id/power',
    operationId: 'organizationPower',
    summary: "Every power index of an organization's members on a date, under its rule or a named rule",
    description: 'As `concord power --org ORG --at DATE [--rule NAME] --json`.',
    tag: 'decision',
    access: 'public',
    params: OrgParams,
    query: z
      .object({
        at: DateParam.optional().describe('The date (default: today)'),
        rule: RuleName.optional().describe("A named rule (default: the organization's own)"),
        add: Codes.optional().describe('Hypothetical members'),
        ...MethodQuery,
      })
      .strict(),
    cacheSeconds: 3600,
    response: { description: 'The power indices', schema: PowerSchema },
    handler: ({ ctx, params, query }) => {
      const org = ctx.registry.get(params.id);
      const game = within('query', ['add', 'at'], () =>
        resolveGame(
          { organization: org.id, at: parseDate(query.at ?? todayIso(), 'query.at'), add: query.add },
          org.id,
          ctx.registry,
          ctx.ds,
          query.rule ? { rule: NAMED_RULES[query.rule]!.rule } : {},
        ),
      );
      return computePower(game, powerOptions(query));
    },
  }),
  route({
    method: 'GET',
    url: '/api/games/:id/power',
    operationId: 'gamePower',
    summary: 'Every power index of a built-in game (EEC 1958, EU-27 Nice and Lisbon, UN Security Council)',
    tag: 'decision',
    access: 'public',
    params: z.object({ id: z.string().min(1).max(64) }).strict(),
    query: z.object(MethodQuery).strict(),
    cacheSeconds: 3600,
    response: { description: 'The power indices', schema: PowerSchema },
    handler: ({ ctx, params, query }) => {
      if (!builtinGames().includes(params.id)) {
        throw new ConcordError('E_UNKNOWN_ID', `no built-in game "${params.id}"`, {
          path: 'params.id',
          hint: `Built-in games: ${builtinGames().join(', ')}.`,
        });
      }
      const game = resolveGame(loadBuiltinGameFile(params.id), params.id, ctx.registry, ctx.ds);
      return computePower(game, powerOptions(query));
    },
  }),
  route({
    method: 'POST',
    url: '/api/power',
    operationId: 'power',
    summary: 'Every power index of a game sent in the body (a game file, JSON or YAML; nothing is stored)',
    description: `The body is a game file (schema: docs/schemas/game.json): players with numeric fields and a rule, or an organization on a date. At most ${MAX_PLAYERS} players per request; use the CLI for larger games.`,
    tag: 'decision',
    access: 'public',
    body: GameFileSchema,
    yamlBody: true,
    query: z.object(MethodQuery).strict(),
    rateLimitPerMinute: 120,
    response: { description: 'The power indices', schema: PowerSchema },
    handler: ({ ctx, body, query }) => {
      if (body.players && body.players.length > MAX_PLAYERS) {
        throw new ConcordError(
          'E_LIMIT',
          `the game has ${body.players.length} players; the API takes at most ${MAX_PLAYERS}`,
          { path: 'body.players', hint: 'Use `concord power FILE` for larger games.' },
        );
      }
      return within('body', ['organization', 'at', 'add', 'players', 'rule'], () =>
        computePower(resolveGame(body, body.name ?? 'game', ctx.registry, ctx.ds), powerOptions(query)),
      );
    },
  }),
];
