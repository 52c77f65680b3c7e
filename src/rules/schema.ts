/**
 * The decision-rule language. A rule says which coalitions of players (the "yes" voters) carry a
 * decision. Rules are data, written in YAML or JSON:
 *
 *   consensus                                   every voting player must agree (unanimity)
 *   { consensusMinus: [PAK] }                   unanimity of all but the named parties, who take no part
 *   { count: { atLeast: 9 } }                   at least 9 players
 *   { count: { atLeastShare: 0.55 } }           at least 55% of the players
 *   { count: { moreThanShare: 0.5 } }           more than half of the players
 *   { count: { atMostAgainst: 3 } }             no more than 3 players outside the coalition
 *   { sum: votes, atLeast: 12 }                 the coalition's total of a numeric field
 *   { sum: population, atLeastShare: 0.65 }     …as a share of all players' total
 *   { sum: gdp, moreThanShare: 0.5 }
 *   { all: [RULE, …] }                          every sub-rule holds (double or triple majorities)
 *   { any: [RULE, …] }                          some sub-rule holds
 *
 * The schema is strict: unknown keys are errors, so a typo never silently changes a rule.
 */
import { z } from 'zod';

const iso = z.string().min(1).max(64);
const share = z.number().finite().min(0).max(1);
const nonNegative = z.number().finite().min(0);

export const CountRuleSchema = z
  .object({
    atLeast: z.number().int().min(0).optional(),
    atLeastShare: share.optional(),
    moreThanShare: share.optional(),
    atMostAgainst: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((c) => Object.values(c).filter((v) => v !== undefined).length === 1, {
    message: 'a count rule takes exactly one of atLeast, atLeastShare, moreThanShare, atMostAgainst',
  });

export type CountRule = z.infer<typeof CountRuleSchema>;

export type Rule =
  | 'consensus'
  | { consensusMinus: string[] }
  | { count: CountRule }
  | { sum: string; atLeast?: number; atLeastShare?: number; moreThanShare?: number }
  | { all: Rule[] }
  | { any: Rule[] };

export const SumRuleSchema = z
  .object({
    sum: z.string().min(1).max(64),
    atLeast: nonNegative.optional(),
    atLeastShare: share.optional(),
    moreThanShare: share.optional(),
  })
  .strict()
  .refine((r) => [r.atLeast, r.atLeastShare, r.moreThanShare].filter((v) => v !== undefined).length === 1, {
    message: 'a sum rule takes exactly one of atLeast, atLeastShare, moreThanShare',
  });

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.literal('consensus'),
    z.object({ consensusMinus: z.array(iso).min(1) }).strict(),
    z.object({ count: CountRuleSchema }).strict(),
    SumRuleSchema,
    z.object({ all: z.array(RuleSchema).min(1) }).strict(),
    z.object({ any: z.array(RuleSchema).min(1) }).strict(),
  ]),
) as z.ZodType<Rule>;
