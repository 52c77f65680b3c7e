/**
 * Decision rules and voting power (src/rules/, src/power/): the capacity to decide across an
 * organization's enlargements under its own rule and comparison rules, and every power index of a
 * game — a built-in one, an organization's members on a date, or a game file sent in the body.
 *
 * Rules come by name (the built-in comparison rules) or inline in a JSON body, validated by the rule
 * language's schema; never by file name, so a request cannot make the server read a file. The
 * computations run on the server's worker pool under its time budget, and requests are capped in
 * size (players, Monte Carlo draws) so that the largest allowed one finishes within it (the CLI has
 * no such caps).
 */
import { z } from 'zod';
import { ConcordError } from '../../errors.js';
import { resolveGame } from '../../org/players.js';
import { type CapacityRule, capacity } from '../../power/capacity.js';
import {
  AddedCodesSchema,
  API_MAX_ADDED,
  API_MAX_COMPARISONS,
  BlocsSchema,
  CAPACITY_OPTION_HELP,
  ComparisonNameSchema,
  ComparisonNamesSchema,
  capacityOptions,
  DEFAULT_COMPARISONS,
  DEFAULT_EU_REFERENCE,
} from '../../power/capacity-options.js';
import { POWER_INDEX_NAMES, type PowerIndexName, parseIndexList } from '../../power/indices.js';
import { comparisonRules, loadReferenceBand } from '../../power/load.js';
import {
  DEFAULT_QUOTA_WEIGHT,
  DEFAULT_SAMPLES,
  POWER_METHODS,
  POWER_OPTION_HELP,
  QUOTA_OPTION_HELP,
  quotaIndexHelp,
  quotaWeightHelp,
} from '../../power/options.js';
import { computePower, type Method, type PowerOptions } from '../../power/power.js';
import { QUOTA_INDICES, QUOTA_MAX_PLAYERS, quotaSweep } from '../../power/quota.js';
import {
  orgWeightedInput,
  parseQuotaIndices,
  QUOTA_WEIGHTS,
  quotaCsv,
  type WeightedInput,
  weightedInput,
} from '../../power/quota-input.js';
import { capacityCsv, powerCsv } from '../../power/tidy.js';
import { describeRule } from '../../rules/evaluate.js';
import { GameFileSchema } from '../../rules/game.js';
import { builtinGames, loadBuiltinGameFile, NAMED_RULES } from '../../rules/load.js';
import { RuleSchema } from '../../rules/schema.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { sentence } from '../../util/format.js';
import { atPath } from '../errors.js';
import { type AnyRoute, route } from '../route.js';
import { DateParam, OrgParams } from '../schemas.js';

/** Largest game sent in a body (players), and largest Monte Carlo sample, per request. */
export const MAX_PLAYERS = 400;
export const MAX_SAMPLES = 1_000_000;
/** Largest Monte Carlo work per request: draws × players (about 1.5 s of an idle worker). */
export const MAX_PLAYER_DRAWS = 20_000_000;

/**
 * The work budgets of the exact algorithms over the API: a tenth of the CLI's, so that an exact
 * answer takes at most a second or two of a worker; a larger game gets Monte Carlo estimates
 * (automatic method) or E_LIMIT (method=exact), never a computation past the time budget.
 */
export const API_POWER_BUDGETS: NonNullable<PowerOptions['budgets']> = {
  gfOps: 4e8,
  gfCells: 1e7,
  gfMinimalOps: 2e7,
  diagramNodes: 4e4,
  diagramCells: 4e6,
  minimalVisits: 3e6,
  johnstonCoalitions: 2 ** 20,
};

/** Estimated worker milliseconds of the power indices of `n` players (the cost-aware limit). */
export function powerCost(n: number, q: { method?: Method; samples?: number }): number {
  const mc = (q.samples ?? defaultSamples(n)) * n * 6.6e-5;
  if (q.method === 'montecarlo') return mc;
  if (n <= 16) return 2;
  // Exact (or Monte Carlo when exact does not fit the API's budgets), bounded by those budgets.
  return Math.min(2 * n * n, 2_000);
}

/** The caps on a power request of `n` players: E_LIMIT naming the cap. */
export function powerCaps(n: number, q: { method?: Method; samples?: number }, path: string): void {
  if (n > MAX_PLAYERS) {
    throw new ConcordError(
      'E_LIMIT',
      `the game has ${n} players; the API takes at most ${MAX_PLAYERS} (cap: players)`,
      {
        path,
        hint: 'Use `concord power FILE` for larger games.',
        key: 'server.power.tooManyPlayers',
        values: { n: String(n), max: String(MAX_PLAYERS) },
      },
    );
  }
  const samples = q.samples ?? defaultSamples(n);
  if (q.method !== 'exact' && q.method !== 'enumerate' && samples * n > MAX_PLAYER_DRAWS) {
    throw new ConcordError(
      'E_LIMIT',
      `${samples.toLocaleString('en-US')} Monte Carlo draws × ${n} players is above the API's cap of ${MAX_PLAYER_DRAWS.toLocaleString('en-US')} (cap: samples × players)`,
      {
        path: 'query.samples',
        hint: `Use at most ${Math.floor(MAX_PLAYER_DRAWS / Math.max(1, n)).toLocaleString('en-US')} samples for ${n} players, or the CLI.`,
        key: 'server.power.tooManyDraws',
        values: {
          samples,
          n: String(n),
          max: MAX_PLAYER_DRAWS,
          most: Math.floor(MAX_PLAYER_DRAWS / Math.max(1, n)),
        },
      },
    );
  }
}

const POWER_TIMEOUT_HINT =
  'Use method=montecarlo with fewer samples, or `concord power` on the command line.';

const MethodQuery = {
  method: z.enum(POWER_METHODS).optional().describe(POWER_OPTION_HELP.method),
  samples: z
    .string()
    .regex(/^\d{1,7}$/, 'expected a whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_SAMPLES, { message: `expected 1 to ${MAX_SAMPLES}` })
    .optional()
    .describe(POWER_OPTION_HELP.samples),
  seed: z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .optional()
    .describe(POWER_OPTION_HELP.seed),
  index: z
    .string()
    .max(200)
    .transform((s, ctx) => {
      try {
        return parseIndexList(s, 'query.index');
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
        return z.NEVER;
      }
    })
    .optional()
    .describe(`The indices to compute, comma-separated (default all): ${POWER_INDEX_NAMES.join(', ')}`),
};

const CapacityQuery = z
  .object({
    rules: ComparisonNamesSchema.optional().describe(sentence(CAPACITY_OPTION_HELP.ruleNames)),
    add: AddedCodesSchema.optional().describe(sentence(CAPACITY_OPTION_HELP.add)),
    at: DateParam.optional().describe(sentence(CAPACITY_OPTION_HELP.at)),
    eu: z
      .enum(['true', 'false'])
      .default(DEFAULT_EU_REFERENCE ? 'true' : 'false')
      .describe(sentence(CAPACITY_OPTION_HELP.eu)),
    unions: BlocsSchema.optional().describe(sentence(CAPACITY_OPTION_HELP.unions)),
  })
  .strict();

const RuleSpec = z.union([
  ComparisonNameSchema,
  z.object({ label: z.string().min(1).max(80).optional(), rule: RuleSchema }).strict(),
]);

const CapacityBody = z
  .object({
    rules: z
      .array(RuleSpec)
      .max(API_MAX_COMPARISONS)
      .optional()
      .describe(sentence(CAPACITY_OPTION_HELP.ruleSpecs)),
    add: z
      .array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO3 code such as IRN'))
      .max(API_MAX_ADDED)
      .transform((a) => [...new Set(a)].sort())
      .optional()
      .describe(sentence(CAPACITY_OPTION_HELP.addCodes)),
    at: DateParam.optional().describe(sentence(CAPACITY_OPTION_HELP.at)),
    eu: z.boolean().default(DEFAULT_EU_REFERENCE).describe(sentence(CAPACITY_OPTION_HELP.eu)),
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
      z.object({
        id: z.string(),
        label: z.string(),
        description: z.string(),
        own: z.boolean(),
        rule: z
          .unknown()
          .nullable()
          .optional()
          .describe(
            'The rule itself (docs/rules.md), for a client to word it in its language; null for the own rule by date',
          ),
      }),
    ),
    stages: z.array(
      z.looseObject({
        from: z.string(),
        to: z.string().nullable(),
        hypothetical: z.boolean(),
        ruleId: z.string().describe("The organization's rule period in force (docs/organizations.md)"),
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
    method: z.enum(POWER_METHODS),
    algorithm: z.string(),
    passageProbability: z.number(),
    winningCoalitions: z.string().nullable(),
    players: z.array(
      z.looseObject({
        id: z.string(),
        // null when the swings are not counted (a weighted game asked only for passage, Holler or Johnston)
        penrose: z.number().nullable(),
        banzhaf: z.number().nullable(),
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
  unions?: string[][],
) {
  if (add.length > API_MAX_ADDED)
    throw new ConcordError('E_LIMIT', `at most ${API_MAX_ADDED} hypothetical members`, {
      path: `${part}.add`,
      key: 'server.power.tooManyAdded',
      values: { max: String(API_MAX_ADDED) },
    });
  const r = within(part, ['add', 'at', 'unions'], () =>
    capacity(
      org,
      ds,
      rules,
      capacityOptions({ add, at, unions, budgets: API_POWER_BUDGETS }, (field) => `${part}.${field}`),
    ),
  );
  return { ...r, euReference: eu ? loadReferenceBand() : [] };
}

/**
 * Runs `f`, naming the request part in the paths of the library's errors about the given fields
 * (`add[0]` → `query.add[0]`).
 */
function within<T>(
  part: 'query' | 'body',
  fields: readonly string[],
  f: () => T,
  rename: Readonly<Record<string, string>> = {},
): T {
  try {
    return f();
  } catch (e) {
    const head = e instanceof ConcordError ? e.path?.split(/[.[]/)[0] : undefined;
    if (e instanceof ConcordError && head && rename[head])
      throw atPath(e, `${part}.${rename[head]}${e.path!.slice(head.length)}`);
    if (e instanceof ConcordError && head && fields.includes(head)) throw atPath(e, `${part}.${e.path}`);
    throw e;
  }
}

/** Players of a game file: its list, or (for an organization on a date) a generous bound. */
function gamePlayers(g: { players?: readonly unknown[]; add?: readonly unknown[] }): number {
  return g.players ? g.players.length : 30 + (g.add?.length ?? 0);
}

const CAPACITY_TIMEOUT_HINT =
  'Compare fewer rules or add fewer states, or use `concord capacity` on the command line.';

/** Estimated worker milliseconds of a capacity table: every rule at every stage. */
function capacityCost(rules: number, added: number): number {
  return (rules + 1) * (20 + added * added * 2);
}

/** The default Monte Carlo sample over the API: 100,000 draws, fewer for large games (the cap). */
function defaultSamples(n: number): number {
  return Math.min(DEFAULT_SAMPLES, Math.floor(MAX_PLAYER_DRAWS / Math.max(1, n)));
}

function powerOptions(
  q: { method?: Method; samples?: number; seed?: number; index?: PowerIndexName[] },
  n: number,
): PowerOptions {
  return {
    budgets: API_POWER_BUDGETS,
    samples: q.samples ?? defaultSamples(n),
    ...(q.method ? { method: q.method } : {}),
    ...(q.index ? { indices: q.index } : {}),
    ...(q.seed !== undefined ? { seed: q.seed } : {}),
  };
}

/**
 * The largest answer of POST /api/power/quota: quotas × players × indices (about 30 MB of JSON);
 * past it, a larger step, a narrower range or `jumps=true` (the CLI has no such cap).
 */
export const MAX_QUOTA_CELLS = 300_000;

const Whole = (what: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .optional()
    .describe(what);

const QuotaQuery = z
  .object({
    game: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('A built-in game (instead of a body): eec-1958, eu27-nice, eu27-lisbon, unsc'),
    org: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected an organization id such as sco')
      .optional()
      .describe("An organization's members on `at` as the players (instead of a body), weighted by `weight`"),
    at: DateParam.optional().describe('The date for `org` (default: today)'),
    weight: z
      .enum(QUOTA_WEIGHTS)
      .optional()
      .describe(sentence(quotaWeightHelp('`org`'))),
    criterion: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'expected a field name such as votes')
      .optional()
      .describe(sentence(QUOTA_OPTION_HELP.criterion)),
    from: Whole(sentence(QUOTA_OPTION_HELP.from)),
    to: Whole(sentence(QUOTA_OPTION_HELP.to)),
    step: Whole(sentence(QUOTA_OPTION_HELP.step)),
    jumps: z.enum(['true', 'false']).optional().describe(sentence(QUOTA_OPTION_HELP.jumps)),
    index: z
      .string()
      .max(200)
      .optional()
      .describe(sentence(quotaIndexHelp(QUOTA_INDICES))),
  })
  .strict();

export const QuotaSchema = z
  .looseObject({
    game: z.string(),
    unit: z.string(),
    ownQuota: z.number().nullable(),
    n: z.number(),
    total: z.number(),
    weights: z.array(z.number()),
    indices: z.array(z.enum(QUOTA_INDICES)),
    jumps: z.array(z.number()),
    squareRootQuota: z.object({ relative: z.number(), quota: z.number(), source: z.string() }),
    quotas: z.array(
      z.looseObject({
        quota: z.number(),
        winningCoalitions: z.number(),
        passageProbability: z.number(),
        jump: z.boolean(),
        players: z.array(
          z.looseObject({
            id: z.string(),
            swings: z.number(),
            penrose: z.number().optional(),
            banzhaf: z.number().optional(),
            shapleyShubik: z.number().optional(),
            colemanPrevent: z.number().nullable().optional(),
            colemanInitiate: z.number().nullable().optional(),
          }),
        ),
      }),
    ),
  })
  .describe('As `concord quota FILE --json`');

type QuotaQueryT = z.infer<typeof QuotaQuery>;

/** Renames the library's paths to the request's: `--step` → `query.step`, `rule` → `body.rule`. */
function quotaPaths<T>(body: boolean, source: 'body' | 'game' | 'org', f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ConcordError) || !e.path) throw e;
    const head = e.path.split(/[.[]/)[0]!;
    const path = e.path.startsWith('--')
      ? `query.${e.path.slice(2)}`
      : body && head === 'date'
        ? 'body.at'
        : body && ['organization', 'at', 'add', 'players', 'rule', 'unions', 'name'].includes(head)
          ? `body.${e.path}`
          : source === 'game' && ['players', 'rule'].includes(head)
            ? 'query.game'
            : source === 'org' && ['players', 'organization', 'at', 'date'].includes(head)
              ? head === 'players'
                ? 'query.weight'
                : `query.${head === 'organization' ? 'org' : 'at'}`
              : e.path;
    if (path === e.path) throw e;
    throw atPath(e, path);
  }
}

function quotaSource(body: unknown, q: QuotaQueryT): 'body' | 'game' | 'org' {
  const given = [
    body !== undefined && 'body',
    q.game !== undefined && 'game',
    q.org !== undefined && 'org',
  ].filter(Boolean);
  if (given.length !== 1)
    throw new ConcordError(
      'E_USAGE',
      given.length
        ? `query.game: give one of a game in the body, ?game=ID or ?org=ID, not ${given.join(' and ')}`
        : 'query.game: give a game in the body, ?game=ID (a built-in game) or ?org=ID',
      {
        path: given.length && given[0] !== 'body' ? `query.${given[1]}` : 'query.game',
        hint: `Built-in games: ${builtinGames().join(', ')}; or POST a game file (docs/schemas/game.json).`,
        key: given.length ? 'server.power.twoSources' : 'server.power.noSource',
        values: { given: given.join(' and '), games: builtinGames().join(', ') },
      },
    );
  if (q.org === undefined && (q.weight !== undefined || q.at !== undefined))
    throw new ConcordError(
      'E_USAGE',
      `query.${q.weight !== undefined ? 'weight' : 'at'}: only with ?org=ID`,
      {
        path: `query.${q.weight !== undefined ? 'weight' : 'at'}`,
        hint: 'A game file gives its own weights and date; leave the parameter out.',
        key: 'server.power.onlyWithOrg',
        values: { param: q.weight !== undefined ? 'weight' : 'at' },
      },
    );
  if (q.org !== undefined && q.criterion !== undefined)
    throw new ConcordError('E_USAGE', 'query.criterion: only with a game (body or ?game=ID)', {
      path: 'query.criterion',
      hint: 'With ?org=ID, choose the weight with ?weight=population|gdp|count.',
      key: 'server.power.criterionOnlyWithGame',
    });
  return given[0] as 'body' | 'game' | 'org';
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
    summary: sentence(CAPACITY_OPTION_HELP.summary),
    description:
      'As `concord capacity ORG --json`: the organization’s own rule and comparison rules (by name), optionally a hypothetical stage with added members, and the EU Council reference band.',
    tag: 'decision',
    access: 'public',
    params: OrgParams,
    query: CapacityQuery,
    cacheSeconds: 3600,
    response: { description: 'The capacity to decide', schema: CapacitySchema },
    csv: capacityCsv,
    work: {
      cost: ({ query }) =>
        capacityCost(query.rules?.length ?? DEFAULT_COMPARISONS.length, query.add?.length ?? 0),
      timeoutHint: CAPACITY_TIMEOUT_HINT,
      timeoutKey: 'capacity',
      run: ({ ctx, params, query }) => {
        const org = ctx.registry.get(params.id);
        const rules = comparisonRules(org, query.rules ?? [...DEFAULT_COMPARISONS], process.cwd());
        return capacityOf(
          org,
          ctx.ds,
          rules,
          query.add ?? [],
          query.at,
          query.eu === 'true',
          'query',
          query.unions,
        );
      },
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
    cacheSeconds: 3600,
    response: { description: 'The capacity to decide', schema: CapacitySchema },
    csv: capacityCsv,
    work: {
      cost: ({ body }) =>
        capacityCost((body.rules?.length ?? DEFAULT_COMPARISONS.length) + 1, body.add?.length ?? 0),
      timeoutHint: CAPACITY_TIMEOUT_HINT,
      timeoutKey: 'capacity',
      run: ({ ctx, params, body }) => {
        const org = ctx.registry.get(params.id);
        const specs = body.rules ?? [...DEFAULT_COMPARISONS];
        const own = comparisonRules(org, [], process.cwd());
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
        rule: ComparisonNameSchema.optional().describe("A named rule (default: the organization's own)"),
        add: AddedCodesSchema.optional().describe('Hypothetical members'),
        ...MethodQuery,
      })
      .strict(),
    cacheSeconds: 3600,
    response: { description: 'The power indices', schema: PowerSchema },
    csv: powerCsv,
    work: {
      // The members (at most a few dozen) and the added states.
      caps: ({ query }) => powerCaps(30 + (query.add?.length ?? 0), query, 'query.add'),
      cost: ({ query }) => powerCost(30 + (query.add?.length ?? 0), query),
      timeoutHint: POWER_TIMEOUT_HINT,
      timeoutKey: 'power',
      run: ({ ctx, params, query }) => {
        const org = ctx.registry.get(params.id);
        // the organization's own checks name the date `date`: here it is the query's `at`
        const game = within(
          'query',
          ['add', 'at'],
          () =>
            resolveGame(
              { organization: org.id, at: parseDate(query.at ?? todayIso(), 'query.at'), add: query.add },
              org.id,
              ctx.registry,
              ctx.ds,
              query.rule ? { rule: NAMED_RULES[query.rule]!.rule } : {},
            ),
          { date: 'at' },
        );
        return computePower(game, powerOptions(query, game.players.length));
      },
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
    csv: powerCsv,
    work: {
      caps: ({ query }) => powerCaps(27, query, 'query.samples'),
      cost: ({ query }) => powerCost(27, query),
      timeoutHint: POWER_TIMEOUT_HINT,
      timeoutKey: 'power',
      run: ({ ctx, params, query }) => {
        if (!builtinGames().includes(params.id)) {
          throw new ConcordError('E_UNKNOWN_ID', `no built-in game "${params.id}"`, {
            path: 'params.id',
            hint: `Built-in games: ${builtinGames().join(', ')}.`,
            key: 'server.power.unknownGame',
            values: { id: params.id, games: builtinGames().join(', ') },
          });
        }
        const game = resolveGame(loadBuiltinGameFile(params.id), params.id, ctx.registry, ctx.ds);
        return computePower(game, powerOptions(query, game.players.length));
      },
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
    cacheSeconds: 3600,
    response: { description: 'The power indices', schema: PowerSchema },
    csv: powerCsv,
    work: {
      caps: ({ body, query }) => powerCaps(gamePlayers(body), query, 'body.players'),
      cost: ({ body, query }) => powerCost(gamePlayers(body), query),
      timeoutHint: POWER_TIMEOUT_HINT,
      timeoutKey: 'power',
      run: ({ ctx, body, query }) =>
        within('body', ['organization', 'at', 'add', 'players', 'rule'], () => {
          const game = resolveGame(body, body.name ?? 'game', ctx.registry, ctx.ds);
          return computePower(game, powerOptions(query, game.players.length));
        }),
    },
  }),
  route({
    method: 'POST',
    url: '/api/power/quota',
    operationId: 'powerQuota',
    summary:
      'Power against the quota of a weighted game: the passage probability and indices at every quota, the jumps, the square-root optimal quota',
    description: `As \`concord quota FILE|--org ID --json\`. The game is a game file in the body (JSON or YAML, as POST /api/power), a built-in game (\`?game=eec-1958\`) or an organization's members on a date (\`?org=sco&at=2024-07-04&weight=population\`). At most ${QUOTA_MAX_PLAYERS} players and ${MAX_QUOTA_CELLS.toLocaleString('en-US')} quotas × players × indices per request.`,
    tag: 'decision',
    access: 'public',
    body: GameFileSchema.optional(),
    yamlBody: true,
    query: QuotaQuery,
    cacheSeconds: 3600,
    response: { description: 'Power against the quota', schema: QuotaSchema },
    csv: quotaCsv,
    work: {
      caps: ({ body, query }) => {
        quotaSource(body, query);
        const n = body?.players?.length ?? 0;
        if (n > QUOTA_MAX_PLAYERS)
          throw new ConcordError(
            'E_LIMIT',
            `the game has ${n} players; power against the quota takes at most ${QUOTA_MAX_PLAYERS} (cap: players)`,
            {
              path: 'body.players',
              hint: 'Use `concord power` at the quotas of interest.',
              key: 'server.power.quotaTooManyPlayers',
              values: { n: String(n), max: String(QUOTA_MAX_PLAYERS) },
            },
          );
        parseQuotaIndices(query.index, 'query.index');
      },
      // The tables by weight: about n·T cells per player (n²·T with Shapley–Shubik), T the total.
      cost: ({ query }) => (/shapley|ss|all/i.test(query.index ?? '') ? 200 : 40),
      timeoutHint: 'Ask for fewer indices (Shapley–Shubik is the costliest) or use `concord quota`.',
      timeoutKey: 'quota',
      run: ({ ctx, body, query }) => {
        const source = quotaSource(body, query);
        return quotaPaths(body !== undefined, source, () => {
          const indices = parseQuotaIndices(query.index, 'query.index');
          const criterion = query.criterion ? { field: query.criterion, path: 'query.criterion' } : undefined;
          let input: WeightedInput;
          if (source === 'org')
            input = orgWeightedInput(
              query.org!,
              parseDate(query.at ?? todayIso(), 'query.at'),
              query.weight ?? DEFAULT_QUOTA_WEIGHT,
              ctx.registry,
              ctx.ds,
              'query.weight',
            );
          else {
            if (source === 'game' && !builtinGames().includes(query.game!))
              throw new ConcordError('E_UNKNOWN_ID', `query.game: no built-in game "${query.game}"`, {
                path: 'query.game',
                hint: `Built-in games: ${builtinGames().join(', ')}.`,
                key: 'server.power.unknownQuotaGame',
                values: { id: String(query.game), games: builtinGames().join(', ') },
              });
            const file = source === 'game' ? loadBuiltinGameFile(query.game!) : body!;
            const name = source === 'game' ? query.game! : (body!.name ?? 'game');
            const game = resolveGame(file, name, ctx.registry, ctx.ds);
            input = weightedInput(game, 'rule', criterion);
          }
          const n = input.ids.length;
          const total = input.weights.reduce((a, b) => a + b, 0);
          const from = query.from ?? 1;
          const to = query.to ?? total;
          const step = query.step ?? 1;
          const rows =
            query.jumps === 'true' ? 0 : Math.max(0, Math.floor((to - from) / Math.max(1, step)) + 1);
          if (rows * n * indices.length > MAX_QUOTA_CELLS)
            throw new ConcordError(
              'E_LIMIT',
              `${rows} quotas × ${n} players × ${indices.length} indices is above the API's cap of ${MAX_QUOTA_CELLS.toLocaleString('en-US')} (cap: quotas × players × indices)`,
              {
                path: 'query.step',
                hint: `Give step=${Math.ceil(((to - from + 1) * n * indices.length) / MAX_QUOTA_CELLS)} or more, a narrower from/to, jumps=true, or use \`concord quota\`.`,
                key: 'server.power.tooManyQuotaCells',
                values: {
                  rows: String(rows),
                  n: String(n),
                  indices: String(indices.length),
                  max: MAX_QUOTA_CELLS,
                  step: String(Math.ceil(((to - from + 1) * n * indices.length) / MAX_QUOTA_CELLS)),
                },
              },
            );
          const sweep = quotaSweep(input.ids, input.weights, {
            ...(query.from !== undefined ? { from: query.from } : {}),
            ...(query.to !== undefined ? { to: query.to } : {}),
            ...(query.step !== undefined ? { step: query.step } : {}),
            jumpsOnly: query.jumps === 'true',
            indices,
          });
          if (query.jumps === 'true' && sweep.quotas.length * n * indices.length > MAX_QUOTA_CELLS)
            throw new ConcordError(
              'E_LIMIT',
              `${sweep.quotas.length} jumps × ${n} players is above the API's cap`,
              {
                path: 'query.jumps',
                hint: 'Give a narrower from/to, or use `concord quota`.',
                key: 'server.power.tooManyJumps',
                values: { jumps: String(sweep.quotas.length), n: String(n) },
              },
            );
          return { game: input.label, unit: input.unit, ownQuota: input.ownQuota, ...sweep };
        });
      },
    },
  }),
];
