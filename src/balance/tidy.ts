/**
 * Tidy CSV of the balance of power (`concord balance ID --format csv`, the API's `?format=csv`):
 * long form, one observation per row (docs/interop.md).
 *
 * organization, measure, year, iso3, variable, value — per year and member its `value` (in the
 * yardstick's unit) and `share`; per year, with an empty iso3, the organization's `total`, `hhi`,
 * `con`, `effective_number`, `pair_ratio` and `outside_pair`. Every value is a number (empty when
 * the data have none).
 */
import { type CsvValue, toCsv } from '../util/csv.js';
import type { Balance } from './balance.js';

export const BALANCE_CSV_COLUMNS = ['organization', 'measure', 'year', 'iso3', 'variable', 'value'] as const;

export function balanceCsv(b: Balance): string {
  const rows: Array<Record<string, CsvValue>> = [];
  for (const y of b.years) {
    const base = { organization: b.organization.id, measure: b.measure.id, year: y.year };
    for (const m of y.members) {
      rows.push({ ...base, iso3: m, variable: 'value', value: y.values[m] ?? null });
      rows.push({ ...base, iso3: m, variable: 'share', value: y.shares[m] ?? null });
    }
    const c = y.concentration;
    rows.push({ ...base, variable: 'total', value: y.total });
    rows.push({ ...base, variable: 'hhi', value: c?.hhi ?? null });
    rows.push({ ...base, variable: 'con', value: c?.con ?? null });
    rows.push({ ...base, variable: 'effective_number', value: c?.effectiveNumber ?? null });
    rows.push({ ...base, variable: 'pair_ratio', value: y.pairRatio });
    rows.push({ ...base, variable: 'outside_pair', value: y.outsidePair });
  }
  return toCsv(BALANCE_CSV_COLUMNS, rows);
}
