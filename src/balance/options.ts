/**
 * The options of a balance of power (./balance.ts), defined once for the library, the CLI (`concord
 * balance`: its flags' defaults, help and validation) and the server (`GET /api/orgs/:id/balance`'s
 * query): the yardstick and its default, the years' range, the codes of a pair and of a
 * hypothetical change, and the one way parsed options become the library's BalanceOptions. Issue
 * 19's "one options module per capability", for the balance.
 */
import { z } from 'zod';
import type { OrganizationRegistry } from '../org/registry.js';
import type { Organization } from '../org/schema.js';
import type { BalanceOptions } from './balance.js';
import { MEASURE_IDS, type MeasureId } from './yardsticks.js';

export const DEFAULT_MEASURE: MeasureId = 'gdp';
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

/** A year written as four digits, from YEAR_MIN to YEAR_MAX. */
export const BalanceYearSchema = z
  .string()
  .regex(/^\d{4}$/, 'expected a year such as 2017')
  .transform(Number)
  .refine((y) => y >= YEAR_MIN && y <= YEAR_MAX, {
    message: `expected a year between ${YEAR_MIN} and ${YEAR_MAX}`,
  });

/** ISO3 codes separated by commas, upper-cased. */
export const IsoCodesSchema = z
  .string()
  .max(400)
  .regex(/^[A-Za-z]{3}(,[A-Za-z]{3})*$/, 'expected ISO3 codes separated by commas, e.g. CHN,RUS')
  .transform((s) => s.toUpperCase().split(','));

/** What each option means, as the CLI's help says it. */
export const BALANCE_OPTION_HELP = {
  from: "first year (default: the organization's first)",
  to: "last year (default: the data's last year)",
  pair: 'the two members whose ratio to follow, e.g. CHN,RUS (default: the two largest at the start)',
  with: 'what if these states were members too (added to the members of --to)',
  without: 'what if these members were not',
} as const;

/** The options as the API's query takes them (strings in, parsed values out). */
export const BalanceQuerySchema = z
  .object({
    measure: z.enum(MEASURE_IDS).default(DEFAULT_MEASURE).describe('The yardstick'),
    from: BalanceYearSchema.optional().describe("First year (default: the organization's first)"),
    to: BalanceYearSchema.optional().describe("Last year (default: the data's last)"),
    pair: IsoCodesSchema.optional().describe('The two members whose ratio to follow, e.g. CHN,RUS'),
    with: IsoCodesSchema.optional().describe('What if these states were members too'),
    without: IsoCodesSchema.optional().describe('What if these members were not'),
  })
  .strict();

/** Parsed options (from the CLI's flags or the API's query) as the library's BalanceOptions. */
export function balanceOptions(
  o: {
    readonly measure: MeasureId;
    readonly from?: number | undefined;
    readonly to?: number | undefined;
    readonly pair?: readonly string[] | undefined;
    readonly with?: readonly string[] | undefined;
    readonly without?: readonly string[] | undefined;
  },
  org: Organization,
  registry: OrganizationRegistry,
): BalanceOptions {
  return {
    measure: o.measure,
    ...(o.from !== undefined ? { from: o.from } : {}),
    ...(o.to !== undefined ? { to: o.to } : {}),
    ...(o.pair ? { pair: o.pair as [string, string] } : {}),
    add: o.with ?? [],
    remove: o.without ?? [],
    ...(org.predecessor && registry.has(org.predecessor)
      ? { predecessor: registry.get(org.predecessor) }
      : {}),
  };
}
