/**
 * Zod schemas of the HTTP API: its path parameters and queries (built on the library's own
 * schemas where one exists, e.g. dates), and the shape of its answers. The answers' schemas are
 * documentation (the OpenAPI document) and a contract the API tests check every answer against.
 */
import { z } from 'zod';
import { MembershipStatusSchema } from '../org/schema.js';
import { RuleSchema } from '../rules/schema.js';
import { isIsoDate } from '../util/dates.js';

export const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as CHN');
export const OrgId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'organization ids are letters, digits and dashes')
  .describe('Organization id: sco, csto, asean, shanghai-five, …');
export const RunId = z.string().min(1).max(100).describe('Run id (a UUID)');
export const DateParam = z
  .string()
  .refine((s) => s === 'today' || isIsoDate(s), { message: 'expected a calendar date written YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD, or `today`');

/** Query booleans: `true`/`false`/`1`/`0`. */
export const QueryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false');

export const OrgParams = z.object({ id: OrgId }).strict();
export const RunParams = z.object({ id: RunId }).strict();
export const CountryParams = z.object({ iso3: Iso3 }).strict();
/** `?lang=`: the language a route words its texts in (English by default; the figures never change). */
export const LangParam = (description: string) =>
  z.enum(['en', 'ru', 'zh', 'zh-Hans']).optional().describe(description);

export const AtQuery = z
  .object({ at: DateParam.optional().describe('The date, YYYY-MM-DD (default: today)') })
  .strict();

// ─── answers ──────────────────────────────────────────────────────────────────────────────────

const YearFigure = z.object({ value: z.number(), year: z.number().int() });
const Named = z.object({
  iso3: z.string(),
  name: z.string(),
  since: z.string(),
  source: z.string(),
  verified: z.boolean(),
});

export const FactsSchema = z.object({
  date: z.string(),
  states: z.array(z.string()),
  areaKm2: z.number(),
  eurasiaAreaKm2: z.number(),
  eurasiaAreaShare: z.number(),
  population: YearFigure.nullable(),
  worldPopulation: YearFigure.nullable(),
  worldPopulationShare: z.number().nullable(),
  gdpUsd: YearFigure.nullable(),
  worldGdpUsd: YearFigure.nullable(),
  worldGdpShare: z.number().nullable(),
  cinc: YearFigure.nullable(),
  nuclearStates: z.array(z.string()),
  undeclaredNuclearStates: z.array(z.string()),
  notes: z.array(z.string()),
  sources: z.record(z.string(), z.string()),
});

export const SnapshotSchema = z
  .object({
    organization: z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      founded: z.string(),
      dissolved: z.string().nullable(),
    }),
    requested: z.string(),
    date: z.string(),
    era: z.object({ organization: z.string(), note: z.string() }).nullable(),
    rule: z.object({
      id: z.string().describe('The rule period in force (docs/organizations.md), "default" without one'),
      name: z.string(),
      rule: RuleSchema,
      description: z.string(),
      source: z.string().nullable(),
    }),
    members: z.array(Named),
    partners: z.array(Named.extend({ status: MembershipStatusSchema })),
    applicants: z.array(Named),
    chair: z.string().nullable(),
    chairDetail: z
      .object({
        state: z.string(),
        from: z.string(),
        to: z.string().nullable(),
        summit: z.string().nullable(),
        verified: z.boolean(),
      })
      .nullable(),
    facts: FactsSchema,
    unverified: z.array(z.string()),
  })
  .describe('An organization on a date, as `concord org ID --at DATE --json`');

/** An organization's own names in Russian and Chinese (its file's `localized`, without the source). */
const OwnNameSchema = z.object({ name: z.string(), shortName: z.string().optional() });
export const LocalizedNamesSchema = z
  .object({ ru: OwnNameSchema.optional(), 'zh-Hans': OwnNameSchema.optional() })
  .describe(
    "The organization's own names in Russian and Chinese (a language it does not give falls back to `name`/`shortName`)",
  );

export const OrgSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  localized: LocalizedNamesSchema.nullable(),
  founded: z.string(),
  dissolved: z.string().nullable(),
  predecessor: z.string().nullable(),
  successor: z.string().nullable(),
  description: z.string().nullable(),
});

export const TimelineEventSchema = z.object({
  date: z.string(),
  organization: z.string(),
  kind: z.string(),
  title: z.string(),
  states: z.array(z.string()),
  source: z.string(),
  verified: z.boolean(),
});

export const StageSchema = z.object({
  from: z.string(),
  to: z.string().nullable(),
  members: z.array(z.string()),
  joined: z.array(z.string()),
  left: z.array(z.string()),
});

export const HistorySchema = z
  .object({
    organization: z.string(),
    /** The organization and its predecessors, oldest first: their membership records. */
    lineage: z.array(
      z.object({
        id: z.string(),
        shortName: z.string(),
        founded: z.string(),
        dissolved: z.string().nullable(),
        memberships: z.array(
          z.object({
            state: z.string(),
            name: z.string(),
            status: MembershipStatusSchema,
            from: z.string(),
            to: z.string().nullable(),
            verified: z.boolean(),
          }),
        ),
      }),
    ),
    stages: z.array(StageSchema),
    events: z.array(TimelineEventSchema),
  })
  .describe('Membership records, stages and dated events of an organization and its predecessors');

export const CountrySchema = z.object({
  iso3: z.string(),
  isoNumeric: z.string(),
  name: z.string(),
  region: z.string(),
  subregion: z.string(),
  areaKm2: z.number(),
  eurasia: z.boolean(),
});

export const ClaimResultSchema = z.object({
  id: z.string(),
  quote: z.string(),
  measure: z.string(),
  comparison: z.string(),
  claimed: z.number(),
  computed: z.number().nullable(),
  year: z.number().nullable(),
  verdict: z.enum(['holds', 'approximately', 'does not hold']),
  deviation: z.number().nullable(),
  explanation: z.string(),
  date: z.string(),
  states: z.array(z.string()),
  sources: z.array(z.string()),
});

export const ClaimsReportSchema = z.object({
  id: z.string(),
  document: z.string(),
  tolerance: z.object({ holds: z.number(), approximately: z.number() }),
  claims: z.array(ClaimResultSchema),
});

export const RunStatusSchema = z.enum([
  'pending',
  'running',
  'complete',
  'interrupted',
  'failed',
  'cancelled',
]);

export const RunSchema = z.object({
  id: z.string(),
  /** The owner's workspace; null for a public run of another workspace (others' names are not shown). */
  workspace: z.string().nullable(),
  kind: z.string(),
  title: z.string().nullable(),
  status: RunStatusSchema,
  visibility: z.enum(['private', 'public']),
  seed: z.string(),
  scenarioHash: z.string().nullable(),
  total: z.number().int(),
  batchSize: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Whether the token's workspace owns the run (may change or delete it). */
  owned: z.boolean(),
});

export const ProgressSchema = z.object({
  runId: z.string(),
  status: RunStatusSchema,
  total: z.number().int(),
  batches: z.number().int(),
  batchesDone: z.number().int(),
  replicatesDone: z.number().int(),
  fraction: z.number(),
  active: z.boolean(),
  error: z.string().nullable(),
});

export const RunDetailSchema = RunSchema.extend({
  params: z.unknown(),
  manifest: z.record(z.string(), z.unknown()),
  progress: ProgressSchema,
  results: z.number().int().describe('Number of stored result rows'),
  resumable: z.boolean(),
});

export const RunListSchema = z.object({ runs: z.array(RunSchema) });

export const RunPatchSchema = z
  .object({
    title: z.string().max(200).nullable().optional(),
    visibility: z.enum(['private', 'public']).optional(),
  })
  .strict()
  .refine((p) => p.title !== undefined || p.visibility !== undefined, {
    message: 'give a title or a visibility',
  });

export const RunsQuery = z
  .object({
    status: RunStatusSchema.optional(),
    kind: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const ExportQuery = z
  .object({
    format: z.enum(['csv', 'json']).default('csv'),
    issue: z.string().max(200).optional(),
    model: z.string().max(64).optional(),
  })
  .strict();

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('A stable code such as E_VALIDATION'),
      message: z.string(),
      path: z.string().nullable().describe('Where the offending value is, e.g. body.issues[0].positions'),
      hint: z.string().optional(),
    }),
  })
  .describe('Every error');

export const WhoAmISchema = z.object({
  workspace: z.string().nullable(),
  access: z.enum(['public', 'workspace']),
});

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.object({ dialect: z.enum(['sqlite', 'postgres']), schemaVersion: z.number() }),
  startedAt: z.string(),
  capabilities: z.record(z.string(), z.boolean()),
});
