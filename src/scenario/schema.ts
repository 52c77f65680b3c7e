/**
 * The scenario file (YAML or JSON): an organization's members on a date bargaining over one or more
 * issues. Who wants what (`position`), how much each cares (`salience`, 0–1), how strong each is
 * (`capability`, from the data on the date or given), the decision rule, the agenda setter, and —
 * for backtests — the observed outcome. The zod schema is the single source of truth; the JSON
 * Schema in docs/schemas/scenario.json is generated from it (`npm run docs:schemas`).
 *
 * Checks a schema cannot express (positions inside the issue's scale, one entry per actor, known
 * actors, the number of dimensions) are made when the scenario is resolved (./resolve.ts), with the
 * same paths (`issues[0].positions.RUS.position`).
 */
import { z } from 'zod';
import {
  DEFAULT_EXCHANGE_P,
  DEFAULT_EXCHANGE_REPETITIONS,
  DEFAULT_EXCHANGE_VARIANT,
  DEFAULT_FORECAST_SEED,
  EumVariantSchema,
  EXCHANGE_VARIANTS,
  MAX_EXCHANGE_REPETITIONS,
  MaxRoundsSchema,
} from '../bargaining/options.js';
import { RuleSchema } from '../rules/schema.js';
import { IsoDateSchema } from '../util/dates.js';
import { SweepDesignSchema, UncertaintySchema } from './uncertainty.js';

export const ActorIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    'expected an actor id: an ISO3 code such as CHN, or letters, digits, _ . -',
  )
  .describe('An actor: the ISO 3166-1 alpha-3 code of a state (CHN), or any short id for other actors');

const Finite = z.number().finite();

/** A point on an issue: a number for a one-dimensional issue, a list (one per dimension) otherwise. */
export const PointSchema = z
  .union([Finite, z.array(Finite).min(1).max(16)])
  .describe('A number on the issue scale, or one number per dimension');

const Salience = z.number().finite().min(0, 'salience is at least 0').max(1, 'salience is at most 1');
export const SalienceSchema = z
  .union([Salience, z.array(Salience).min(1).max(16)])
  .describe('How much the actor cares, 0 (not at all) to 1 (most of all); one per dimension if several');

export const CodingSchema = z
  .object({
    position: PointSchema.describe("The actor's ideal point on the issue scale"),
    salience: SalienceSchema,
    note: z.string().optional().describe('One line of rationale for the coding'),
    source: z.string().optional().describe('Where the coding comes from: a URL or a citation'),
    sourceDate: IsoDateSchema.optional().describe(
      'The date of the source (before the decision, for a fair backtest)',
    ),
    inferred: z
      .boolean()
      .optional()
      .describe(
        'true: the coding is inferred from the outcome (no source before the decision); backtests set such cases apart',
      ),
    coder: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Who coded it (needed when several coders code one position)'),
    independent: z
      .boolean()
      .optional()
      .describe(
        "false: this coding is not an independent coder's (e.g. the same person as another coder, knowing that coding or the outcome); backtests and reports say so next to this coder's figures",
      ),
  })
  .strict();
export type Coding = z.infer<typeof CodingSchema>;

/**
 * One actor's position on an issue: one coding, or several (one per coder, each naming its
 * `coder`); with several, the models use their mean unless a coder is chosen, and `concord
 * reliability` measures how far the coders agree.
 */
export const PositionEntrySchema = z.union([
  CodingSchema,
  z
    .array(CodingSchema.extend({ coder: z.string().min(1).max(64) }))
    .min(1)
    .max(32)
    .refine((cs) => new Set(cs.map((c) => c.coder)).size === cs.length, {
      message: 'each coder codes a position once',
    }),
]);
export type PositionEntry = z.infer<typeof PositionEntrySchema>;

/** The capability yardsticks the data set offers (a numeric field of the actors is the other kind). */
export const DATA_YARDSTICKS = ['gdp', 'cinc', 'population', 'milex', 'equal'] as const;

export const CapabilitySourceSchema = z
  .union([
    z.enum(DATA_YARDSTICKS),
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'expected gdp, cinc, population, milex, equal or a field name')
      .describe('A numeric field every actor gives under `actors.<id>.fields` (as the sum rules use it)'),
  ])
  .describe(
    'Where capabilities come from: GDP (World Bank), CINC (Correlates of War), population, military expenditure (SIPRI from 1992, COW before), equal (from the data on `date`), or a numeric field of the actors (`actors.<id>.fields.<field>`)',
  );
export type CapabilitySource = z.infer<typeof CapabilitySourceSchema>;

export const ScaleSchema = z
  .tuple([Finite, Finite])
  .refine(([lo, hi]) => hi > lo, { message: 'the scale is [low, high] with high > low' })
  .describe('The ends of the scale, [low, high]');

export const DimensionSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().optional(),
    scale: ScaleSchema.default([0, 100]),
    poles: z.tuple([z.string(), z.string()]).optional().describe('The meaning of the two ends of the scale'),
  })
  .strict();
export type Dimension = z.infer<typeof DimensionSchema>;

export const ObservedOutcomeSchema = z
  .object({
    adopted: z
      .boolean()
      .optional()
      .describe(
        'Whether the organization adopted a decision that moved the status quo on this issue (for a take-it-or-leave-it issue: whether the tabled proposal was adopted)',
      ),
    position: PointSchema.optional().describe('Where the outcome lies on the issue scale'),
    participants: z
      .array(ActorIdSchema)
      .optional()
      .describe('For an opt-out issue: the members that took part (adopted the instrument)'),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ObservedOutcome = z.infer<typeof ObservedOutcomeSchema>;

export const ModelNameSchema = z.enum([
  'consensus',
  'compromise',
  'median',
  'nash',
  'eum',
  'exchange',
  'smp',
]);
export type ModelName = z.infer<typeof ModelNameSchema>;

/** The exchange model's variants (src/bargaining/exchange.ts); the package's Random Rate is not built. */
export { EXCHANGE_VARIANTS } from '../bargaining/options.js';

/**
 * How the exchange model runs (src/bargaining/exchange.ts; the `decide` package's `--model`, `--p`,
 * `--repetitions`): the randomised Equal Gain's p in [0, 1], the number of seeded repetitions and
 * their seed. One definition for `concord forecast` and the API's forecast query.
 */
export const ExchangeRunSchema = z
  .object({
    variant: z.enum(EXCHANGE_VARIANTS).default(DEFAULT_EXCHANGE_VARIANT),
    p: z.number().min(0).max(1).default(DEFAULT_EXCHANGE_P),
    repetitions: z.number().int().min(1).max(MAX_EXCHANGE_REPETITIONS).default(DEFAULT_EXCHANGE_REPETITIONS),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(DEFAULT_FORECAST_SEED),
  })
  .strict();
export type ExchangeRun = z.infer<typeof ExchangeRunSchema>;

/**
 * Options of the expected-utility model (src/bargaining/eum.ts): the variant and its four choices
 * (a)–(d), each settable on its own; a command-line option overrides the file.
 */
export const EumOptionsSchema = z
  .object({
    variant: EumVariantSchema.optional().describe(
      "'text' (the paper's text, the default) or 'scholz' (the code behind the published numbers)",
    ),
    probability: z
      .enum(['pair', 'triples'])
      .optional()
      .describe('(a) the denominator of the probability of success'),
    perspective: z
      .enum(['sender', 'receiver'])
      .optional()
      .describe('(b) whose risk exponent evaluates an offer'),
    voterRisk: z
      .enum(['linear', 'own'])
      .optional()
      .describe("(c) voters' distances raised to their own risk exponent"),
    selection: z.enum(['smallest-move', 'by-type']).optional().describe('(d) which offer a receiver takes'),
    maxRounds: MaxRoundsSchema.optional(),
  })
  .strict();
export type EumOptionsInput = z.infer<typeof EumOptionsSchema>;

/**
 * Options of KTAB's Spatial Model of Politics (src/bargaining/smp.ts), named and spelt as KTAB prints
 * them; unset ones take KTAB's defaults.
 */
export const SmpOptionsSchema = z
  .object({
    victoryProbModel: z
      .enum(['Linear', 'Square', 'Quartic', 'Octic', 'Binary'])
      .optional()
      .describe('How the probability of victory grows with the strength ratio (default Linear)'),
    pceModel: z
      .enum(['Conditional', 'MarkovIncentive', 'MarkovUniform'])
      .optional()
      .describe('The probabilistic Condorcet election (default Conditional)'),
    stateTransitions: z
      .enum(['Deterministic', 'Stochastic'])
      .optional()
      .describe('Each actor takes its likeliest bargain (Deterministic, default) or draws one (Stochastic)'),
    votingRule: z
      .enum(['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'])
      .optional()
      .describe('How an actor votes on a utility difference (default Prop)'),
    bigRAdjust: z
      .enum(['None', 'OneThird', 'Half', 'TwoThirds', 'Full'])
      .optional()
      .describe(
        "How far an actor's estimate of another's risk attitude moves from its own (default OneThird)",
      ),
    bigRRange: z.enum(['Min', 'Mid', 'Max']).optional().describe('Range of the risk attitudes (default Mid)'),
    thirdPartyCommit: z
      .enum(['NoCommit', 'SemiCommit', 'FullCommit'])
      .optional()
      .describe("Third parties' commitment in a challenge (default SemiCommit)"),
    interVecBrgn: z
      .enum(['S1P1', 'S2P2', 'S2PMax'])
      .optional()
      .describe('How a bargain interpolates the two positions (default S2P2)'),
    bargainModel: z
      .enum(['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'])
      .optional()
      .describe("Whose estimate interpolates the bargain (default InitOnlyInterp: the challenger's)"),
    minTurns: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('Turns before the stop rule applies (default 2)'),
    maxTurns: z.number().int().min(1).max(1000).optional().describe('Turn limit (default 100)'),
    minDeltaRatio: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("Stop when a turn moves less than this share of the first turn's movement (default 0.02)"),
    seed: z
      .number()
      .int()
      .min(0)
      .max(4294967295)
      .optional()
      .describe('Seed of the Stochastic draws (default 0)'),
  })
  .strict();
export type SmpOptionsInput = z.infer<typeof SmpOptionsSchema>;

export const ModelOptionsSchema = z
  .object({ eum: EumOptionsSchema.optional(), smp: SmpOptionsSchema.optional() })
  .strict()
  .describe('Options of the models, for this scenario');
export type ModelOptions = z.infer<typeof ModelOptionsSchema>;

export const IssueSchema = z
  .object({
    id: z.string().min(1).max(128),
    title: z.string().optional(),
    scale: ScaleSchema.optional().describe('For a one-dimensional issue (default [0, 100])'),
    poles: z.tuple([z.string(), z.string()]).optional().describe('The meaning of the two ends of the scale'),
    dimensions: z
      .array(DimensionSchema)
      .min(1)
      .max(16)
      .optional()
      .describe(
        'For an issue with several dimensions; positions, saliences and points then have one number per dimension',
      ),
    statusQuo: PointSchema.optional().describe(
      'The status quo (reference point): what happens if nothing is decided. The consensus model needs it',
    ),
    proposer: ActorIdSchema.optional().describe('The actor who tables the proposal; the agenda setter'),
    proposal: PointSchema.optional().describe("The tabled proposal (default: the proposer's position)"),
    amendable: z
      .boolean()
      .default(true)
      .describe(
        'false: take it or leave it — the tabled proposal or the status quo, nothing between (e.g. admitting a member)',
      ),
    optOut: z
      .boolean()
      .default(false)
      .describe('true: "interested member states" may adopt the proposal alone (the others stay out)'),
    rule: RuleSchema.optional().describe('A rule for this issue only (default: the scenario rule)'),
    positions: z
      .record(ActorIdSchema, PositionEntrySchema.nullable())
      .describe('One entry per actor; null = the actor takes no position on this issue'),
    outcome: ObservedOutcomeSchema.optional().describe('The observed outcome, for backtests'),
    metadata: z
      .record(z.string().max(128), z.string().max(4096))
      .optional()
      .describe(
        'Case metadata carried over from an imported table (proposal number and name, procedure, dates…): kept and shown, never used by the models',
      ),
    modelNotes: z
      .partialRecord(ModelNameSchema, z.string())
      .optional()
      .describe('Why a model misses (or hits) this case'),
    note: z.string().optional(),
    source: z.string().optional(),
  })
  .strict()
  .refine((i) => !(i.dimensions && (i.scale || i.poles)), {
    message: 'give either scale/poles (one dimension) or dimensions, not both',
    path: ['dimensions'],
  });
export type Issue = z.infer<typeof IssueSchema>;

const IssueRefSchema = z.string().min(1).max(128).describe('An issue id of this scenario');

/**
 * A package deal: issues voted on together (Tsebelis 1990 on issue linkage; the consensus model's
 * package, src/spatial/package.ts). The short form is the list of issue ids; the long form adds who
 * tables the package and where the linkage is documented.
 */
export const PackageSchema = z
  .union([
    z.array(IssueRefSchema).min(2).max(64),
    z
      .object({
        id: z
          .string()
          .min(1)
          .max(128)
          .optional()
          .describe('A name for the package (default: its issues joined by +)'),
        issues: z.array(IssueRefSchema).min(2).max(64).describe('The linked issues'),
        setter: ActorIdSchema.optional().describe(
          'Who may table the package (default: the chair, else the agenda setter of its first issue)',
        ),
        source: z.string().optional().describe('Where the linkage is documented'),
        sourceDate: IsoDateSchema.optional().describe('The date of that source'),
        inferred: z
          .boolean()
          .optional()
          .describe(
            'true: the linkage is inferred with knowledge of the outcome (no source before the decision)',
          ),
        note: z.string().optional(),
      })
      .strict(),
  ])
  .describe(
    'Issues linked into a package: the package passes only if a winning coalition prefers all its proposals together to the status quo (salience-weighted sum of utilities)',
  );
export type PackageInput = z.infer<typeof PackageSchema>;

export const ActorOverrideSchema = z
  .object({
    name: z.string().optional(),
    capability: z
      .number()
      .finite()
      .min(0)
      .optional()
      .describe('A relative capability; replaces the value from the data'),
    fields: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'expected a field name: letters, digits, _'),
        z.number().finite().min(0),
      )
      .optional()
      .describe(
        'Numeric fields for sum rules (votes, member, population…): they replace the values from the data on `date`',
      ),
    note: z.string().optional(),
  })
  .strict();

export const ScenarioFileSchema = z
  .object({
    id: z.string().min(1).max(128),
    title: z.string().optional(),
    description: z.string().optional(),
    date: IsoDateSchema.optional().describe(
      'The date of the decision: members, chair and data are taken on it',
    ),
    organization: z
      .string()
      .optional()
      .describe('An organization id (sco, csto, asean…); actors default to its members on `date`'),
    rule: RuleSchema.optional().describe(
      "The decision rule (default: the organization's rule, else consensus)",
    ),
    chair: ActorIdSchema.optional().describe(
      'The agenda setter when an issue names no proposer (default: the chair on `date`)',
    ),
    capability: CapabilitySourceSchema.default('equal'),
    coded: IsoDateSchema.optional().describe(
      'When the positions were coded: a backtest sets cases coded before their outcome apart from the rest',
    ),
    modelOptions: ModelOptionsSchema.optional(),
    actors: z
      .record(ActorIdSchema, ActorOverrideSchema)
      .optional()
      .describe('Extra actors, or overrides of the members’ names and capabilities'),
    issues: z.array(IssueSchema).min(1).max(1000),
    packages: z
      .array(PackageSchema)
      .max(100)
      .optional()
      .describe('Package deals: lists of issue ids voted on together (the consensus model; docs/models.md)'),
    outcome: ObservedOutcomeSchema.optional().describe('The observed outcome of a single-issue scenario'),
    source: z.string().optional(),
    note: z.string().optional(),
    // Read by `concord sweep` only (docs/sweeps.md); the forecasts ignore them.
    uncertainty: UncertaintySchema.optional(),
    sweep: SweepDesignSchema.optional(),
  })
  .strict()
  .refine((s) => !(s.outcome && s.issues.length > 1), {
    message: 'with several issues, give each issue its own outcome',
    path: ['outcome'],
  });
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
export type ScenarioFileInput = z.input<typeof ScenarioFileSchema>;
