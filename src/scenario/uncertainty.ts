/**
 * The uncertainty and sweep blocks of a scenario file. Both are optional top-level keys next to
 * the scenario's own (see docs/scenarios.md and docs/sweeps.md):
 *
 *   uncertainty:
 *     position: { dist: normal, sd: 10 }          # default for every actor's position (scale units)
 *     salience: { dist: beta, concentration: 20 } # default for every salience (mean = coded value)
 *     capability: { dist: lognormal, sigma: 0.25 }# multiplicative, median 1; shares renormalised
 *     issues:
 *       bank:
 *         position: { dist: uniform, halfWidth: 15 }   # default within this issue
 *         actors:
 *           RUS: { position: { dist: triangular, min: 0, mode: 15, max: 40 } }
 *           CHN: { position: fixed }
 *     actors:
 *       KAZ: { capability: { dist: lognormal, sigma: 0.5 } }
 *
 *   sweep:
 *     design: grid            # or lhs (Latin hypercube), with `samples`
 *     parameters:
 *       chair: [KAZ, RUS]
 *       rule: [consensus, { count: { atLeastShare: 0.66 } }]
 *       position.bank.RUS: { from: 0, to: 50, steps: 6 }
 *
 * Every distribution of a position or a salience is truncated to its scale ([low, high] of the
 * issue; [0, 1] for saliences). Schemas are strict: a misspelt key is an error, never ignored.
 */
import { z } from 'zod';
import { RuleSchema } from '../rules/schema.js';

const Finite = z.number().finite();
const Positive = z.number().finite().positive();

export const FixedSchema = z.literal('fixed').describe('No uncertainty: the coded value is used as is');

export const NormalSchema = z
  .object({
    dist: z.literal('normal'),
    sd: Positive.describe('Standard deviation, in the units of the value (scale units for positions)'),
    mean: Finite.optional().describe('Default: the coded value'),
    min: Finite.optional().describe('Lower truncation point (default: the low end of the scale)'),
    max: Finite.optional().describe('Upper truncation point (default: the high end of the scale)'),
  })
  .strict()
  .describe('A normal distribution truncated to the scale (and to [min, max] when given)');

export const UniformSchema = z
  .object({
    dist: z.literal('uniform'),
    halfWidth: Positive.optional().describe(
      'Centred on the coded value: [value − halfWidth, value + halfWidth]',
    ),
    min: Finite.optional(),
    max: Finite.optional(),
  })
  .strict()
  .refine((d) => (d.halfWidth !== undefined) !== (d.min !== undefined && d.max !== undefined), {
    message: 'give either halfWidth, or both min and max',
  })
  .describe('A uniform distribution, cut to the scale');

export const TriangularSchema = z
  .object({
    dist: z.literal('triangular'),
    halfWidth: Positive.optional().describe('[mode − halfWidth, mode + halfWidth]'),
    min: Finite.optional(),
    mode: Finite.optional().describe('Default: the coded value'),
    max: Finite.optional(),
  })
  .strict()
  .refine((d) => (d.halfWidth !== undefined) !== (d.min !== undefined && d.max !== undefined), {
    message: 'give either halfWidth, or both min and max',
  })
  .describe('A triangular distribution, truncated to the scale');

export const BetaSchema = z
  .object({
    dist: z.literal('beta'),
    concentration: Positive.optional().describe(
      'α + β, with the mean at the coded value: α = κ·value, β = κ·(1 − value). Larger is tighter',
    ),
    alpha: Positive.optional(),
    beta: Positive.optional(),
  })
  .strict()
  .refine((d) => (d.concentration !== undefined) !== (d.alpha !== undefined && d.beta !== undefined), {
    message: 'give either concentration, or both alpha and beta',
  })
  .describe('A beta distribution on [0, 1] (saliences only)');

export const LogNormalSchema = z
  .object({
    dist: z.literal('lognormal'),
    sigma: Positive.describe('σ of log(factor): the capability is multiplied by exp(σ·Z), Z standard normal'),
  })
  .strict()
  .describe(
    'A multiplicative log-normal factor with median 1 (capabilities only); capabilities are then rescaled to the same total',
  );

export const PositionDistSchema = z.union([FixedSchema, NormalSchema, UniformSchema, TriangularSchema]);
export const SalienceDistSchema = z.union([
  FixedSchema,
  BetaSchema,
  NormalSchema,
  UniformSchema,
  TriangularSchema,
]);
export const CapabilityDistSchema = z.union([FixedSchema, LogNormalSchema]);

export type PositionDist = z.infer<typeof PositionDistSchema>;
export type SalienceDist = z.infer<typeof SalienceDistSchema>;
export type CapabilityDist = z.infer<typeof CapabilityDistSchema>;

const ActorUncertaintySchema = z
  .object({ position: PositionDistSchema.optional(), salience: SalienceDistSchema.optional() })
  .strict();

export const IssueUncertaintySchema = z
  .object({
    position: PositionDistSchema.optional().describe('Default for the positions on this issue'),
    salience: SalienceDistSchema.optional().describe('Default for the saliences on this issue'),
    actors: z.record(z.string().min(1), ActorUncertaintySchema).optional(),
  })
  .strict();

export const UncertaintySchema = z
  .object({
    position: PositionDistSchema.optional().describe('Default for every position'),
    salience: SalienceDistSchema.optional().describe('Default for every salience'),
    capability: CapabilityDistSchema.optional().describe('Default for every capability'),
    issues: z.record(z.string().min(1), IssueUncertaintySchema).optional(),
    actors: z
      .record(z.string().min(1), z.object({ capability: CapabilityDistSchema.optional() }).strict())
      .optional(),
  })
  .strict()
  .describe('How uncertain the coded positions, saliences and capabilities are (docs/sweeps.md)');
export type Uncertainty = z.infer<typeof UncertaintySchema>;

/** A parameter name: chair, rule, position.ISSUE.ACTOR, salience.ISSUE.ACTOR, capability.ACTOR, statusQuo.ISSUE, proposal.ISSUE. */
export const PARAMETER_PATTERN =
  /^(chair|rule|(position|salience)\.[^.\s]+\.[^.\s]+|capability\.[^.\s]+|(statusQuo|proposal)\.[^.\s]+)$/;

export const RangeSchema = z
  .object({
    from: Finite,
    to: Finite,
    steps: z
      .number()
      .int()
      .min(2)
      .max(1000)
      .optional()
      .describe('Grid: this many evenly spaced values, ends included'),
  })
  .strict()
  .refine((r) => r.to > r.from, { message: 'to must be above from' });
export type Range = z.infer<typeof RangeSchema>;

export const ParameterValuesSchema = z.union([
  z
    .array(z.union([Finite, z.string().min(1), RuleSchema]))
    .min(1)
    .max(1000),
  RangeSchema,
]);

export const SweepDesignSchema = z
  .object({
    design: z
      .enum(['grid', 'lhs'])
      .default('grid')
      .describe('grid: every combination; lhs: a Latin hypercube'),
    samples: z.number().int().min(1).max(100_000).optional().describe('lhs: the number of design points'),
    parameters: z
      .record(
        z
          .string()
          .regex(
            PARAMETER_PATTERN,
            'expected chair, rule, position.ISSUE.ACTOR, salience.ISSUE.ACTOR, capability.ACTOR, statusQuo.ISSUE or proposal.ISSUE',
          ),
        ParameterValuesSchema,
      )
      .refine((p) => Object.keys(p).length > 0, { message: 'name at least one parameter' }),
  })
  .strict()
  .refine((s) => s.design !== 'lhs' || s.samples !== undefined, {
    message: 'a Latin hypercube needs `samples`',
    path: ['samples'],
  })
  .describe(
    'Design points: a grid or a Latin hypercube over named parameters; each point gets --runs replicates',
  );
export type SweepDesign = z.infer<typeof SweepDesignSchema>;

/** The keys the sweep engine reads from a scenario file; the rest is the scenario itself. */
export const SweepBlocksSchema = z.object({
  uncertainty: UncertaintySchema.optional(),
  sweep: SweepDesignSchema.optional(),
});
export type SweepBlocks = z.infer<typeof SweepBlocksSchema>;
