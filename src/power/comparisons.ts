/**
 * The comparison rules a capacity table puts beside the organization's own when none are named
 * (names of NAMED_RULES, src/rules/load.ts). Browser-safe, so that the lab's decision page starts
 * with them before the API's list arrives; the rest of capacity's options are ./capacity-options.ts.
 */
export const DEFAULT_COMPARISONS = ['majority', 'two-thirds', 'double-majority'] as const;
