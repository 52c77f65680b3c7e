/**
 * `concord org ID --format csv` and `GET /api/orgs/:id?format=csv`: the organization on a date in
 * tidy long form, one row per state and status (docs/interop.md).
 */
import { toCsv } from '../util/csv.js';
import type { Snapshot } from './snapshot.js';

export const ORG_CSV_COLUMNS = [
  'organization',
  'date',
  'iso3',
  'name',
  'status',
  'since',
  'verified',
  'source',
] as const;

export function orgCsv(s: Snapshot): string {
  const base = { organization: s.organization.id, date: s.date };
  const rows = [
    ...s.members.map((m) => ({ ...base, ...m, status: 'member' })),
    ...s.partners.map((p) => ({ ...base, ...p })),
    ...s.applicants.map((a) => ({ ...base, ...a, status: 'applicant' })),
  ];
  return toCsv(ORG_CSV_COLUMNS, rows);
}
