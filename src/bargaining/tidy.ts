/**
 * Tidy CSV of forecasts and backtests (`concord forecast|backtest --format csv`, the API's
 * `?format=csv`): one row per scenario, issue, model and dimension (docs/interop.md).
 *
 * forecast: scenario, date, issue, model, dimension, outcome, adopted, blockers, participants,
 *           rounds, observed_position, observed_adopted
 * backtest: scenario, issue, model, dimension, outcome, observed_position, error, adopted,
 *           observed_adopted, adoption_right, participants_right, participants_called
 * Multi-dimensional outcomes give one row per dimension (dimension 1, 2, …); lists of actors are
 * ';'-separated; booleans are 1/0.
 */
import { type CsvValue, toCsv } from '../util/csv.js';
import type { BacktestResult } from './backtest.js';
import type { ForecastJson, Point } from './forecast.js';

export const FORECAST_CSV_COLUMNS = [
  'scenario',
  'date',
  'issue',
  'model',
  'dimension',
  'outcome',
  'adopted',
  'blockers',
  'participants',
  'rounds',
  'observed_position',
  'observed_adopted',
] as const;

const bit = (v: unknown): CsvValue => (v === true ? 1 : v === false ? 0 : null);
const list = (v: unknown): CsvValue => (Array.isArray(v) ? v.join(';') : null);
const num = (v: unknown): CsvValue => (typeof v === 'number' ? v : null);
/** The value of a point on dimension d (0-based). */
const at = (p: Point | undefined, d: number): number | null =>
  p === null || p === undefined ? null : Array.isArray(p) ? (p[d] ?? null) : d === 0 ? p : null;

export function forecastCsv(f: ForecastJson | { scenarios: ForecastJson[] }): string {
  const all = 'scenarios' in f ? f.scenarios : [f];
  const rows: Array<Record<string, CsvValue>> = [];
  for (const s of all) {
    for (const iss of s.issues) {
      for (const [model, m] of Object.entries(iss.models)) {
        if (!m) continue;
        for (let d = 0; d < Math.max(1, iss.dimensions); d++) {
          rows.push({
            scenario: s.scenario.id,
            date: s.scenario.date,
            issue: iss.id,
            model,
            dimension: d + 1,
            outcome: at(m.outcome as Point, d),
            adopted: bit(m.adopted),
            blockers: list(m.blockers),
            participants: list(m.participants),
            rounds: num(m.rounds),
            observed_position: at(iss.observed?.position, d),
            observed_adopted: bit(iss.observed?.adopted),
          });
        }
      }
    }
  }
  return toCsv(FORECAST_CSV_COLUMNS, rows);
}

export const BACKTEST_CSV_COLUMNS = [
  'scenario',
  'issue',
  'model',
  'dimension',
  'outcome',
  'observed_position',
  'error',
  'adopted',
  'observed_adopted',
  'adoption_right',
  'participants_right',
  'participants_called',
] as const;

export function backtestCsv(b: BacktestResult): string {
  const rows: Array<Record<string, CsvValue>> = [];
  for (const c of b.cases) {
    const dims = Array.isArray(c.observed.position) ? c.observed.position.length : 1;
    for (const [model, m] of Object.entries(c.models)) {
      if (!m) continue;
      const n = Math.max(dims, Array.isArray(m.outcome) ? m.outcome.length : 1);
      for (let d = 0; d < n; d++) {
        rows.push({
          scenario: c.scenario,
          issue: c.issue,
          model,
          dimension: d + 1,
          outcome: at(m.outcome, d),
          observed_position: at(c.observed.position, d),
          error: m.error,
          adopted: bit(m.adopted),
          observed_adopted: bit(c.observed.adopted),
          adoption_right: bit(m.adoptionRight),
          participants_right: m.participantsRight,
          participants_called: m.participantsCalled,
        });
      }
    }
  }
  return toCsv(BACKTEST_CSV_COLUMNS, rows);
}
