/**
 * The organization file (data/organizations/*.yaml): an organization, its documents, organs,
 * languages, decision rule, chairs over time, membership records and dated events. Each record
 * carries its source; `verified: false` flags an item that still needs a second source.
 */
import { z } from 'zod';
import { RuleSchema } from '../rules/schema.js';
import { IsoDateSchema } from '../util/dates.js';

const Source = z.string().min(1).describe('Where the fact comes from: a URL or a citation');
const Source2 = z
  .string()
  .min(1)
  .describe('A second, independent source of the same fact (a record is verified when two agree)');
export const DatePrecisionSchema = z
  .enum(['year', 'month'])
  .describe(
    'The date is verified only to the year or the month (the day given is a convention, see the note)',
  );
const Iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as CHN')
  .describe('ISO 3166-1 alpha-3 code');

export const MembershipStatusSchema = z.enum([
  'member',
  'observer',
  'dialogue partner',
  'partner',
  'applicant',
]);
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>;

export const MembershipSchema = z
  .object({
    state: Iso3,
    status: MembershipStatusSchema,
    from: IsoDateSchema,
    to: IsoDateSchema.nullish().describe('First day without this status; absent while it lasts'),
    decided: IsoDateSchema.optional().describe(
      'The decision (summit) date, when the status took effect later, with a memorandum; `--dates decision` counts from it',
    ),
    memorandum: IsoDateSchema.optional().describe('The date the memorandum was signed (the default `from`)'),
    precision: DatePrecisionSchema.optional(),
    source: Source,
    source2: Source2.optional(),
    verified: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict();
export type Membership = z.infer<typeof MembershipSchema>;

/** Which date a status counts from: the memorandum's (default) or the decision's. */
export const DATE_CONVENTIONS = ['memorandum', 'decision'] as const;
export type DateConvention = (typeof DATE_CONVENTIONS)[number];
/** The convention of the library (snapshot, withDateConvention), `concord org --dates` and the API's `dates`. */
export const DEFAULT_DATE_CONVENTION: DateConvention = 'memorandum';
/** What the choice means, as `concord org`'s help says it (the API's query says the same, capitalised). */
export const DATE_CONVENTION_HELP =
  'which date a status counts from: memorandum (default: the memorandum that brought it into force) or decision (the summit that agreed it)';

export const ChairSchema = z
  .object({
    state: Iso3,
    from: IsoDateSchema,
    to: IsoDateSchema.nullish(),
    summit: z.string().optional().describe('The summit that closes the chairmanship'),
    source: Source,
    source2: Source2.optional(),
    verified: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict();
export type Chair = z.infer<typeof ChairSchema>;

export const EventKindSchema = z.enum([
  'founding',
  'document',
  'summit',
  'accession',
  'status',
  'withdrawal',
  'decision',
  'institution',
  'other',
]);

export const EventSchema = z
  .object({
    date: IsoDateSchema,
    title: z.string().min(1),
    kind: EventKindSchema.default('other'),
    states: z.array(Iso3).optional(),
    precision: DatePrecisionSchema.optional(),
    source: Source,
    source2: Source2.optional(),
    verified: z.boolean().default(true),
  })
  .strict();
export type OrgEvent = z.infer<typeof EventSchema>;

export const DocumentSchema = z
  .object({
    title: z.string().min(1),
    signed: IsoDateSchema,
    place: z.string().optional(),
    inForce: IsoDateSchema.optional(),
    source: Source,
    verified: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict();

/**
 * An organ's name in Russian and Chinese as the organization itself writes it (its Charter, its
 * official texts), with the source. English is `name`.
 */
export const LocalizedOrganNameSchema = z
  .object({
    ru: z.string().min(1).optional().describe('The name in Russian, as the organization writes it'),
    'zh-Hans': z
      .string()
      .min(1)
      .optional()
      .describe('The name in Simplified Chinese, as the organization writes it'),
    source: Source,
    note: z.string().optional(),
  })
  .strict();

/** The organization's own name in Russian and Chinese (full and short), with the source. */
export const LocalizedOrgNameSchema = z
  .object({
    ru: z
      .object({ name: z.string().min(1), shortName: z.string().min(1).optional() })
      .strict()
      .optional(),
    'zh-Hans': z
      .object({ name: z.string().min(1), shortName: z.string().min(1).optional() })
      .strict()
      .optional(),
    source: Source,
    note: z.string().optional(),
  })
  .strict();

export const OrganSchema = z
  .object({
    name: z.string().min(1),
    localized: LocalizedOrganNameSchema.optional(),
    kind: z.enum(['supreme', 'council', 'ministerial', 'permanent', 'other']).default('other'),
    seat: z.string().optional(),
    note: z.string().optional(),
    source: Source,
  })
  .strict();

/**
 * One period of the organization's decision rule: from `from` (inclusive) to `to` (exclusive), the
 * rule in force and, optionally, each member's weighted votes (the `votes` field of the players;
 * without it every member has one vote). Other fields (`population`, `gdp`…) come from the
 * country data. The id is stable: importers map a decision's date to it.
 */
export const RulePeriodSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'rule ids are lower-case letters, digits and dashes'),
    name: z.string().min(1),
    from: IsoDateSchema,
    to: IsoDateSchema.nullish().describe('First day without this rule; absent while it lasts'),
    rule: RuleSchema,
    votes: z
      .record(Iso3, z.number().finite().min(0, 'votes must be non-negative'))
      .optional()
      .describe("Each member's weighted votes in this period (every member on every date of it)"),
    source: Source,
    verified: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict();
export type RulePeriod = z.infer<typeof RulePeriodSchema>;

export const OrganizationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case letters, digits and dashes'),
    name: z.string().min(1),
    shortName: z.string().min(1),
    localized: LocalizedOrgNameSchema.optional().describe(
      "The organization's own name in Russian and Chinese, with its source",
    ),
    founded: IsoDateSchema,
    dissolved: IsoDateSchema.nullish(),
    predecessor: z.string().optional().describe('id of the organization this one grew out of'),
    successor: z.string().optional(),
    description: z.string().optional(),
    documents: z.array(DocumentSchema).default([]),
    organs: z.array(OrganSchema).default([]),
    languages: z.array(z.string()).default([]),
    rule: RuleSchema.default('consensus'),
    ruleSource: z.string().optional(),
    /** The rule over time: periods in date order, not overlapping; `rule` applies outside them. */
    rules: z.array(RulePeriodSchema).default([]),
    /** Other rules the organization uses for particular decisions (e.g. suspension). */
    specialRules: z
      .array(
        z
          .object({
            decision: z.string(),
            description: z.string(),
            rule: RuleSchema.optional(),
            source: Source,
            verified: z.boolean().default(true),
          })
          .strict(),
      )
      .default([]),
    chairs: z.array(ChairSchema).default([]),
    memberships: z.array(MembershipSchema).min(1),
    events: z.array(EventSchema).default([]),
    sources: z.array(Source).default([]),
  })
  .strict();

export type Organization = z.infer<typeof OrganizationSchema>;
export type OrganizationInput = z.input<typeof OrganizationSchema>;
