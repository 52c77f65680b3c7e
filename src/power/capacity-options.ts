/**
 * The options of a capacity table (./capacity.ts), defined once for the library (the comparison
 * rules by default, the options of capacity()), the CLI (`concord capacity`: its flags' help and
 * parsing) and the server (`GET` and `POST /api/orgs/:id/capacity`: the query's and the body's
 * fields, their documentation and caps): the comparison rules, the hypothetical stage (added
 * members and its date), the blocs, the EU Council reference band, and the one way parsed options
 * become capacity()'s options. Issue 19's "one options module per capability", for capacity. The
 * API's documentation says the CLI's help sentences capitalised (`sentence` of ../util/format.ts).
 */
import { z } from 'zod';
import { NAMED_RULES } from '../rules/load.js';
import { parseDate } from '../util/dates.js';
import type { CapacityOptions } from './capacity.js';

import { DEFAULT_COMPARISONS } from './comparisons.js';

/** The comparison rules beside the organization's own when none are named (defined in ./comparisons.ts). */
export { DEFAULT_COMPARISONS };
/** The EU Council reference band is shown unless left out. */
export const DEFAULT_EU_REFERENCE = true;

/** Per API request (the CLI has no such caps): comparison rules, and members added to the last stage. */
export const API_MAX_COMPARISONS = 8;
export const API_MAX_ADDED = 30;

/** The built-in rules a comparison can name. */
export const COMPARISON_NAMES = Object.keys(NAMED_RULES) as [string, ...string[]];
export const ComparisonNameSchema = z.enum(COMPARISON_NAMES);

/** Codes from "IRN, blr,IRN": trimmed, upper-cased, each once, in the order given. */
export function splitCodes(s: string): string[] {
  return [
    ...new Set(
      s
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** Blocs from "KAZ,KGZ,TJK,UZB;CHN,RUS": codes separated by commas, blocs by semicolons (empty ones dropped). */
export function splitBlocs(s: string): string[][] {
  return s
    .split(';')
    .map(splitCodes)
    .filter((g) => g.length);
}

const ISO3_LIST = /^[A-Za-z]{3}(,[A-Za-z]{3})*$/;

/**
 * ISO3 codes separated by commas, as a set in canonical order, so that IRN,BLR and BLR,IRN are one
 * question (and one cache entry of the API).
 */
export const AddedCodesSchema = z
  .string()
  .max(200)
  .regex(ISO3_LIST, 'expected ISO3 codes separated by commas, e.g. IRN,BLR')
  .transform((s) => splitCodes(s).sort());

/** Blocs of ISO3 codes: codes separated by commas and blocs by semicolons. */
export const BlocsSchema = z
  .string()
  .max(300)
  .regex(
    /^[A-Za-z]{3}(,[A-Za-z]{3})*(;[A-Za-z]{3}(,[A-Za-z]{3})*)*$/,
    'expected blocs of ISO3 codes, codes separated by commas and blocs by semicolons, e.g. KAZ,KGZ,TJK,UZB;CHN,RUS',
  )
  .transform(splitBlocs);

/** Comparison rules named in a query: comma-separated names of built-in rules. */
export const ComparisonNamesSchema = z
  .string()
  .max(300)
  .transform((s) => s.split(','))
  .pipe(z.array(ComparisonNameSchema).max(API_MAX_COMPARISONS));

const names = COMPARISON_NAMES.join(', ');
const defaults = DEFAULT_COMPARISONS.join(', ');

/** What the command is and what each option means, as the CLI's help says it. */
export const CAPACITY_OPTION_HELP = {
  summary:
    'capacity to decide at each membership stage: passage probability and blocking power under several rules',
  /** The CLI's --rule: names, files or inline YAML. */
  rule: `comparison rules: names (${names}), rule files or inline YAML (default: ${defaults})`,
  /** The API's query: names only (a request never makes the server read a file). */
  ruleNames: `comparison rules by name: ${names} (default: ${defaults})`,
  /** The API's body: names, or rules in the rule language. */
  ruleSpecs: `comparison rules: names (${names}), or { label, rule } in the rule language (docs/rules.md) (default: ${defaults})`,
  add: 'a hypothetical stage: the latest members plus these states, comma-separated',
  /** The API's body: a list of codes. */
  addCodes: 'a hypothetical stage: the latest members plus these states (ISO3 codes)',
  at: 'the date of the hypothetical stage (its data year), YYYY-MM-DD',
  unions:
    'blocs (a priori unions), e.g. "KAZ,KGZ,TJK,UZB;CHN,RUS": adds Owen and Banzhaf–Owen beside the plain indices, and each bloc\'s power',
  noEu: 'leave out the EU Council reference band',
  eu: 'include the EU Council reference band',
} as const;

/**
 * Parsed options (the CLI's flags or the API's query or body) as capacity()'s options; `path` names
 * a field where the caller's user wrote it (`--at`, `query.at`), for the date's error.
 */
export function capacityOptions(
  o: {
    readonly add?: readonly string[] | undefined;
    readonly at?: string | undefined;
    readonly unions?: ReadonlyArray<readonly string[]> | undefined;
    readonly budgets?: CapacityOptions['budgets'];
  },
  path: (field: 'at') => string,
): CapacityOptions {
  return {
    add: o.add ?? [],
    ...(o.unions?.length ? { unions: o.unions } : {}),
    ...(o.budgets ? { budgets: o.budgets } : {}),
    ...(o.at ? { at: parseDate(o.at, path('at')) } : {}),
  };
}
