/**
 * The decision-rule language. A rule says which coalitions of players (the "yes" voters) carry a
 * decision. Rules are data, written in YAML or JSON:
 *
 *   consensus                                   every voting player must agree (unanimity)
 *   { consensusMinus: [PAK] }                   unanimity of all but the named parties, who take no part
 *   { among: [KAZ, KGZ, TJK, UZB], moreThanShare: 0.5 }
 *                                               of the named players, more than half join (a bloc's
 *                                               consent; also atLeast: k, atLeastShare: s)
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
 * A share is a number in [0, 1] or an exact fraction written as a string, "2/3". Numbers are read
 * as the decimal that was written (0.55 is 55/100, not the nearest binary double), and every quota
 * is compared in exact integer arithmetic (see ./compile.ts): no rounding tolerance is involved.
 *
 * The schema is strict: unknown keys are errors, so a typo never silently changes a rule.
 */
import { z } from 'zod';

const iso = z.string().min(1).max(64);

/** "a/b" with 0 ≤ a ≤ b, b > 0. */
import { FRACTION } from './fraction.js';

export { FRACTION };

export const ShareSchema = z
  .union([
    z.number().finite().min(0).max(1),
    z
      .string()
      .regex(FRACTION, 'expected a number in [0, 1] or a fraction written "a/b", such as "2/3"')
      .refine(
        (s) => {
          const m = FRACTION.exec(s)!;
          return BigInt(m[2]!) > 0n && BigInt(m[1]!) <= BigInt(m[2]!);
        },
        { message: 'a fraction share needs a positive denominator and a numerator no larger than it' },
      ),
  ])
  .describe('A share of the total: a number in [0, 1] or an exact fraction "a/b"');
export type Share = z.infer<typeof ShareSchema>;

const share = ShareSchema;
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
  | { among: string[]; atLeast?: number; atLeastShare?: Share; moreThanShare?: Share }
  | { count: CountRule }
  | { sum: string; atLeast?: number; atLeastShare?: Share; moreThanShare?: Share }
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

export const AmongRuleSchema = z
  .object({
    among: z.array(iso).min(1),
    atLeast: z.number().int().min(0).optional(),
    atLeastShare: share.optional(),
    moreThanShare: share.optional(),
  })
  .strict()
  .refine((r) => [r.atLeast, r.atLeastShare, r.moreThanShare].filter((v) => v !== undefined).length === 1, {
    message: 'an among rule takes exactly one of atLeast, atLeastShare, moreThanShare',
  });

export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.literal('consensus'),
    z.object({ consensusMinus: z.array(iso).min(1) }).strict(),
    AmongRuleSchema,
    z.object({ count: CountRuleSchema }).strict(),
    SumRuleSchema,
    z.object({ all: z.array(RuleSchema).min(1) }).strict(),
    z.object({ any: z.array(RuleSchema).min(1) }).strict(),
  ]),
) as z.ZodType<Rule>;
