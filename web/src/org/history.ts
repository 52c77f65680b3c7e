/**
 * A partner's status history as the Organization page shows it: "observer since 2012-06-07,
 * partner since 2025-09-01" (oldest first; applications are left out, as in the report's table).
 */
export interface StatusPeriodView {
  status: string;
  from: string;
  to: string | null;
  precision?: 'year' | 'month';
}

export function statusHistory(
  history: readonly StatusPeriodView[] | undefined,
  /** How one period reads (the lab passes its translation); English by default. */
  phrase: (status: string, since: string) => string = (status, since) => `${status} since ${since}`,
  separator = ', ',
): string {
  return (history ?? [])
    .filter((p) => p.status !== 'applicant')
    .map((p) => phrase(p.status, p.precision ? p.from.slice(0, p.precision === 'year' ? 4 : 7) : p.from))
    .join(separator);
}
