/**
 * One definition per default and option (issue 19, part 5: "one options module per capability
 * shared by the library, the CLI and the server"). Each capability's options module
 * (src/<capability>/options.ts, src/power/capacity-options.ts, …) holds its defaults and help
 * sentences; here the CLI's flags (their registered defaults and help), the API's parameters (what
 * the route's schema fills in when a parameter is left out, and what the OpenAPI document says) and
 * the library's own defaults are checked against it. A default redefined in one of them — a literal
 * `'passage'` in a route, `(default 1)` typed into a flag's help — fails here.
 */
import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  ALIGNMENT_OPTION_HELP,
  CLI_DEFAULT_BOOTSTRAP,
  DEFAULT_BOOTSTRAP,
  DEFAULT_CAMP_SEED,
  DEFAULT_CAMP_WEIGHTS,
  DEFAULT_RESOLUTION,
  DEFAULT_SCOPE,
} from '../src/alignment/options.js';
import { BALANCE_OPTION_HELP, DEFAULT_MEASURE } from '../src/balance/options.js';
import {
  DEFAULT_EXCHANGE_P,
  DEFAULT_EXCHANGE_REPETITIONS,
  DEFAULT_EXCHANGE_VARIANT,
  DEFAULT_FORECAST_SEED,
  FORECAST_OPTION_HELP,
} from '../src/bargaining/options.js';
import { COMMANDS } from '../src/cli/commands/index.js';
import { memoryIO } from '../src/cli/io.js';
import { DATE_CONVENTION_HELP, DEFAULT_DATE_CONVENTION } from '../src/org/schema.js';
import {
  CAPACITY_OPTION_HELP,
  capacityOptions,
  DEFAULT_COMPARISONS,
  DEFAULT_EU_REFERENCE,
  splitBlocs,
  splitCodes,
} from '../src/power/capacity-options.js';
import {
  DEFAULT_DESIGN_FIELD,
  DEFAULT_QUOTA_INDEX,
  DEFAULT_QUOTA_WEIGHT,
  DESIGN_OPTION_HELP,
  POWER_OPTION_HELP,
  QUOTA_OPTION_HELP,
  quotaIndexHelp,
  quotaWeightHelp,
} from '../src/power/options.js';
import { QUOTA_INDICES } from '../src/power/quota.js';
import { DEFAULT_REFORM_RANK } from '../src/power/reform-ranks.js';
import { DEFAULT_RELIABILITY_RESAMPLES, DEFAULT_RELIABILITY_SEED } from '../src/scenario/reliability.js';
import { ExchangeRunSchema } from '../src/scenario/schema.js';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../src/server/app.js';
import { openApiDocument } from '../src/server/openapi.js';
import type { AnyRoute } from '../src/server/route.js';
import { apiRoutes } from '../src/server/routes/index.js';
import { forecastAdapter } from '../src/sweep/forecast.js';
import {
  DEFAULT_KEEP,
  DEFAULT_SWEEP_MODELS,
  DEFAULT_SWEEP_SEED,
  SWEEP_OPTION_HELP,
} from '../src/sweep/options.js';
import { sentence } from '../src/util/format.js';

/** Every command of the CLI, each module registered once (as test/cli/help-lang.test.ts builds it). */
let tree: Promise<Command> | undefined;
const program = () => {
  tree ??= build();
  return tree;
};
async function build(): Promise<Command> {
  const root = new Command('concord');
  const seen = new Set<unknown>();
  for (const c of COMMANDS) {
    const mod = await c.load();
    if (seen.has(mod)) continue;
    seen.add(mod);
    mod.register(root, memoryIO());
  }
  return root;
}

function flag(root: Command, command: string, long: string): Option {
  const cmd = root.commands.find((c) => c.name() === command);
  const o = cmd?.options.find((x) => x.long === long);
  if (!o) throw new Error(`concord ${command} has no ${long}`);
  return o;
}

/** The value commander gives a flag left out (for `--no-x`, the implied `true`). */
function defaultOf(root: Command, command: string, long: string): unknown {
  const cmd = root.commands.find((c) => c.name() === command)!;
  return cmd.getOptionValue(flag(root, command, long).attributeName());
}

/** [command, flag, its help sentence in the module, the default commander fills in (if any)]. */
const FLAGS: ReadonlyArray<[command: string, flag: string, help: string, dflt?: unknown]> = [
  ['capacity', '--rule', CAPACITY_OPTION_HELP.rule],
  ['capacity', '--add', CAPACITY_OPTION_HELP.add],
  ['capacity', '--at', CAPACITY_OPTION_HELP.at],
  ['capacity', '--unions', CAPACITY_OPTION_HELP.unions],
  ['capacity', '--no-eu', CAPACITY_OPTION_HELP.noEu, DEFAULT_EU_REFERENCE],
  ['power', '--method', POWER_OPTION_HELP.method],
  ['power', '--samples', POWER_OPTION_HELP.samples],
  ['power', '--seed', POWER_OPTION_HELP.seed],
  ['quota', '--from', QUOTA_OPTION_HELP.from],
  ['quota', '--to', QUOTA_OPTION_HELP.to],
  ['quota', '--step', QUOTA_OPTION_HELP.step],
  ['quota', '--jumps', QUOTA_OPTION_HELP.jumps],
  ['quota', '--criterion', QUOTA_OPTION_HELP.criterion],
  ['quota', '--weight', quotaWeightHelp('--org')],
  ['quota', '--index', quotaIndexHelp(QUOTA_INDICES)],
  ['design', '--field', DESIGN_OPTION_HELP.field],
  ['design', '--resolution', DESIGN_OPTION_HELP.resolution],
  ['design', '--max-iterations', DESIGN_OPTION_HELP.maxIterations],
  ['forecast', '--max-rounds', FORECAST_OPTION_HELP.maxRounds],
  ['forecast', '--eum-variant', FORECAST_OPTION_HELP.eumVariant],
  ['forecast', '--default-salience', FORECAST_OPTION_HELP.defaultSalience],
  ['forecast', '--nash-disagreement', FORECAST_OPTION_HELP.nashDisagreement],
  ['forecast', '--exchange-variant', FORECAST_OPTION_HELP.exchangeVariant],
  ['forecast', '--exchange-p', FORECAST_OPTION_HELP.exchangeP],
  ['forecast', '--exchange-repetitions', FORECAST_OPTION_HELP.exchangeRepetitions],
  ['forecast', '--seed', FORECAST_OPTION_HELP.seed],
  ['backtest', '--max-rounds', FORECAST_OPTION_HELP.maxRounds],
  ['backtest', '--eum-variant', FORECAST_OPTION_HELP.eumVariant],
  ['backtest', '--default-salience', FORECAST_OPTION_HELP.defaultSalience],
  ['backtest', '--seed', FORECAST_OPTION_HELP.backtestSeed],
  ['backtest', '--resamples', FORECAST_OPTION_HELP.backtestResamples],
  ['sweep', '--seed', SWEEP_OPTION_HELP.seed, String(DEFAULT_SWEEP_SEED)],
  ['sweep', '--keep', SWEEP_OPTION_HELP.keep, DEFAULT_KEEP],
  ['sweep', '--models', SWEEP_OPTION_HELP.models],
  ['sweep', '--default-salience', FORECAST_OPTION_HELP.defaultSalience],
  ['alignment', '--scope', ALIGNMENT_OPTION_HELP.scope, DEFAULT_SCOPE],
  ['alignment', '--seed', ALIGNMENT_OPTION_HELP.seed, String(DEFAULT_CAMP_SEED)],
  ['alignment', '--resolution', ALIGNMENT_OPTION_HELP.resolution, String(DEFAULT_RESOLUTION)],
  ['alignment', '--camp-weights', ALIGNMENT_OPTION_HELP.campWeights, DEFAULT_CAMP_WEIGHTS],
  ['alignment', '--bootstrap', ALIGNMENT_OPTION_HELP.bootstrap, String(CLI_DEFAULT_BOOTSTRAP)],
  ['alignment', '--pair', ALIGNMENT_OPTION_HELP.pair],
  ['balance', '--from', BALANCE_OPTION_HELP.from],
  ['balance', '--to', BALANCE_OPTION_HELP.to],
  ['balance', '--pair', BALANCE_OPTION_HELP.pair],
  ['balance', '--with', BALANCE_OPTION_HELP.with],
  ['balance', '--without', BALANCE_OPTION_HELP.without],
  ['org', '--dates', DATE_CONVENTION_HELP],
];

describe('the CLI takes its defaults and help from the options modules', () => {
  it.each(FLAGS)('concord %s %s', async (command, long, help, dflt) => {
    const root = await program();
    expect(flag(root, command, long).description).toBe(help);
    expect(defaultOf(root, command, long)).toEqual(dflt);
  });

  it('defaults that commander fills in without a help sentence of the module', async () => {
    const root = await program();
    expect(defaultOf(root, 'balance', '--measure')).toBe(DEFAULT_MEASURE);
    expect(defaultOf(root, 'reform', '--rank')).toBe(DEFAULT_REFORM_RANK);
    expect(defaultOf(root, 'serve', '--rate-limit')).toBe(String(DEFAULT_RATE_LIMIT_PER_MINUTE));
    expect(root.commands.find((c) => c.name() === 'capacity')?.description()).toBe(
      CAPACITY_OPTION_HELP.summary,
    );
  });

  it('help that states a default states the module’s', async () => {
    const root = await program();
    expect(flag(root, 'capacity', '--rule').description).toContain(
      `(default: ${DEFAULT_COMPARISONS.join(', ')})`,
    );
    expect(flag(root, 'quota', '--index').description).toContain(`(default ${DEFAULT_QUOTA_INDEX})`);
    expect(flag(root, 'quota', '--weight').description).toContain(
      `"${DEFAULT_QUOTA_WEIGHT}" (millions, rounded; default)`,
    );
    expect(flag(root, 'design', '--field').description).toContain(`(default ${DEFAULT_DESIGN_FIELD})`);
    expect(flag(root, 'reliability', '--resamples').description).toContain(
      `(default ${DEFAULT_RELIABILITY_RESAMPLES};`,
    );
    expect(flag(root, 'reliability', '--seed').description).toBe(
      `seed of the bootstrap (default ${DEFAULT_RELIABILITY_SEED})`,
    );
    expect(flag(root, 'sweep', '--models').description).toContain(
      `(default: ${DEFAULT_SWEEP_MODELS.join(', ')})`,
    );
  });
});

const routes = apiRoutes();
function routeOf(operationId: string): AnyRoute {
  const r = routes.find((x) => x.operationId === operationId);
  if (!r) throw new Error(`no route ${operationId}`);
  return r;
}
/** What a route's query schema gives for an empty query (its defaults). */
const emptyQuery = (operationId: string) => routeOf(operationId).query!.parse({}) as Record<string, unknown>;

const doc = openApiDocument(routes, '0.0.0') as {
  paths: Record<string, Record<string, { operationId: string; parameters?: Param[]; requestBody?: Body }>>;
  components: { schemas: Record<string, { properties: Record<string, Prop> }> };
};
interface Prop {
  description?: string;
  default?: unknown;
}
interface Param {
  name: string;
  description?: string;
  schema: Prop;
}
interface Body {
  content: Record<string, { schema: { $ref: string } }>;
}
function operation(operationId: string) {
  for (const ops of Object.values(doc.paths))
    for (const op of Object.values(ops)) if (op.operationId === operationId) return op;
  throw new Error(`no operation ${operationId} in the OpenAPI document`);
}
function param(operationId: string, name: string): Param {
  const p = operation(operationId).parameters?.find((x) => x.name === name);
  if (!p) throw new Error(`${operationId} has no parameter ${name}`);
  return p;
}
function bodyProp(operationId: string, name: string): Prop {
  const ref = operation(operationId).requestBody!.content['application/json']!.schema.$ref;
  return doc.components.schemas[ref.split('/').pop()!]!.properties[name]!;
}

describe('the API takes its defaults and documentation from the options modules', () => {
  it('capacity: the query and the body', () => {
    expect(param('organizationCapacity', 'rules').description).toBe(sentence(CAPACITY_OPTION_HELP.ruleNames));
    expect(param('organizationCapacity', 'add').description).toBe(sentence(CAPACITY_OPTION_HELP.add));
    expect(param('organizationCapacity', 'at').description).toBe(sentence(CAPACITY_OPTION_HELP.at));
    expect(param('organizationCapacity', 'unions').description).toBe(sentence(CAPACITY_OPTION_HELP.unions));
    expect(param('organizationCapacity', 'eu').description).toBe(sentence(CAPACITY_OPTION_HELP.eu));
    expect(param('organizationCapacity', 'eu').schema.default).toBe(String(DEFAULT_EU_REFERENCE));
    expect(emptyQuery('organizationCapacity').eu).toBe(String(DEFAULT_EU_REFERENCE));
    expect(bodyProp('organizationCapacityWithRules', 'eu').default).toBe(DEFAULT_EU_REFERENCE);
    expect(bodyProp('organizationCapacityWithRules', 'rules').description).toBe(
      sentence(CAPACITY_OPTION_HELP.ruleSpecs),
    );
    expect(operation('organizationCapacity').parameters).toBeDefined();
  });

  it('capacity: the summary is the command’s', () => {
    const op = Object.values(doc.paths['/api/orgs/{id}/capacity']!).find(
      (o) => o.operationId === 'organizationCapacity',
    ) as { summary?: string };
    expect(op.summary).toBe(sentence(CAPACITY_OPTION_HELP.summary));
  });

  it('power, quota, forecast, alignment, balance, reform, sweeps', () => {
    for (const id of ['organizationPower', 'gamePower', 'power'])
      for (const k of ['method', 'samples', 'seed'] as const)
        expect(param(id, k).description, `${id} ${k}`).toBe(POWER_OPTION_HELP[k]);
    for (const k of ['from', 'to', 'step', 'jumps'] as const)
      expect(param('powerQuota', k).description).toBe(sentence(QUOTA_OPTION_HELP[k]));
    expect(param('powerQuota', 'index').description).toBe(sentence(quotaIndexHelp(QUOTA_INDICES)));
    expect(param('powerQuota', 'weight').description).toBe(sentence(quotaWeightHelp('`org`')));
    expect(param('powerQuota', 'criterion').description).toBe(sentence(QUOTA_OPTION_HELP.criterion));
    for (const id of ['forecast', 'forecastScenario'])
      for (const [p, k] of [
        ['exchangeVariant', 'exchangeVariant'],
        ['exchangeP', 'exchangeP'],
        ['exchangeRepetitions', 'exchangeRepetitions'],
        ['seed', 'seed'],
      ] as const)
        expect(param(id, p).description, `${id} ${p}`).toBe(sentence(FORECAST_OPTION_HELP[k]));
    expect(emptyQuery('organizationAlignment')).toMatchObject({
      scope: DEFAULT_SCOPE,
      seed: DEFAULT_CAMP_SEED,
      resolution: DEFAULT_RESOLUTION,
      campWeights: DEFAULT_CAMP_WEIGHTS,
      bootstrap: DEFAULT_BOOTSTRAP,
    });
    for (const k of ['scope', 'seed', 'resolution', 'campWeights'] as const)
      expect(param('organizationAlignment', k).description).toBe(sentence(ALIGNMENT_OPTION_HELP[k]));
    expect(emptyQuery('organizationBalance').measure).toBe(DEFAULT_MEASURE);
    expect(emptyQuery('organizationOnDate').dates).toBe(DEFAULT_DATE_CONVENTION);
    expect(param('organizationOnDate', 'dates').description).toBe(sentence(DATE_CONVENTION_HELP));
    expect(bodyProp('organizationReform', 'rank').default).toBe(DEFAULT_REFORM_RANK);
    expect(bodyProp('startSweep', 'seed')).toMatchObject({
      default: DEFAULT_SWEEP_SEED,
      description: sentence(SWEEP_OPTION_HELP.seed),
    });
    expect(bodyProp('startSweep', 'keep')).toMatchObject({
      default: DEFAULT_KEEP,
      description: sentence(SWEEP_OPTION_HELP.keep),
    });
    expect(bodyProp('startSweep', 'models').description).toContain(DEFAULT_SWEEP_MODELS.join(', '));
  });
});

describe('the library takes its defaults from the options modules', () => {
  it("the exchange model's run and the forecast sweep's models", () => {
    expect(ExchangeRunSchema.parse({})).toEqual({
      variant: DEFAULT_EXCHANGE_VARIANT,
      p: DEFAULT_EXCHANGE_P,
      repetitions: DEFAULT_EXCHANGE_REPETITIONS,
      seed: DEFAULT_FORECAST_SEED,
    });
    expect(forecastAdapter.defaultModels).toEqual(DEFAULT_SWEEP_MODELS);
  });

  it('capacity: parsed flags and requests become one set of options', () => {
    expect(splitCodes(' irn, BLR,irn ')).toEqual(['IRN', 'BLR']);
    expect(splitBlocs('kaz,kgz; ;chn,rus')).toEqual([
      ['KAZ', 'KGZ'],
      ['CHN', 'RUS'],
    ]);
    expect(capacityOptions({}, (f) => `--${f}`)).toEqual({ add: [] });
    expect(
      capacityOptions({ add: ['IRN'], at: '2024-07-04', unions: [['CHN', 'RUS']] }, (f) => `--${f}`),
    ).toEqual({ add: ['IRN'], at: '2024-07-04', unions: [['CHN', 'RUS']] });
    // A bad date names the field where the caller's user wrote it.
    expect(() => capacityOptions({ at: '2024-13-01' }, (f) => `query.${f}`)).toThrow(/query\.at/);
  });
});
