/**
 * A claims file: quantitative statements from a paper about an organization (or any group of
 * states) on a date, checked against the data by `concord claims`.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../util/dates.js';

export const MeasureSchema = z.enum([
  'memberCount',
  'areaKm2',
  'eurasiaAreaShare',
  'population',
  'worldPopulationShare',
  'gdpUsd',
  'worldGdpShare',
  'cinc',
  'nuclearStates',
]);
export type Measure = z.infer<typeof MeasureSchema>;

export const ComparisonSchema = z
  .enum(['moreThan', 'atLeast', 'lessThan', 'atMost', 'about', 'equals'])
  .describe(
    'moreThan/atLeast/lessThan/atMost: a threshold; about: an approximate value; equals: an exact count',
  );

export const ClaimSchema = z
  .object({
    id: z.string().min(1),
    quote: z.string().min(1).describe('The words of the paper'),
    measure: MeasureSchema,
    comparison: ComparisonSchema,
    value: z.number().finite(),
    states: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .optional()
      .describe('For nuclearStates: the states the paper names'),
    organization: z.string().optional().describe('Overrides the file-level organization'),
    date: IsoDateSchema.optional().describe('Overrides the file-level date'),
  })
  .strict();
export type Claim = z.infer<typeof ClaimSchema>;

export const ToleranceSchema = z
  .object({
    holds: z.number().min(0).max(1).default(0.05),
    approximately: z.number().min(0).max(1).default(0.1),
  })
  .strict()
  .refine((t) => t.approximately >= t.holds, { message: 'approximately must be at least holds' });

export const ClaimsFileSchema = z
  .object({
    id: z.string().min(1),
    document: z.string().min(1),
    source: z.string().optional(),
    organization: z.string().optional(),
    states: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .optional()
      .describe('A group of states instead of an organization'),
    date: IsoDateSchema,
    tolerance: ToleranceSchema.default({ holds: 0.05, approximately: 0.1 }),
    claims: z.array(ClaimSchema).min(1),
  })
  .strict()
  .refine((f) => f.organization !== undefined || f.states !== undefined, {
    message: 'give an organization or a list of states',
    path: ['organization'],
  });
export type ClaimsFile = z.infer<typeof ClaimsFileSchema>;
