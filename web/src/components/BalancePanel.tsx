/**
 * The balance of power inside the organization in the year of the date being viewed: each member's
 * share of a yardstick, the concentration, the ratio of the two largest, and what each enlargement
 * changed (src/balance/ through /api/orgs/{id}/balance).
 */
import { useState } from 'react';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { labCharts } from '../../../src/i18n/messages/lab-charts/index.js';
import { useApi } from '../hooks.js';
import { useFormat, useT } from '../i18n.js';
import { ErrorNote } from './Notice.js';

interface BalanceYear {
  year: number;
  status: 'complete' | 'partial' | 'missing';
  members: string[];
  missing: string[];
  shares: Record<string, number>;
  concentration: {
    hhi: number;
    con: number;
    hegemon: boolean;
    largest: { iso3: string; share: number };
  } | null;
  pairRatio: number | null;
  note: string | null;
}
interface Balance {
  measure: { id: string; label: string; firstYear: number; lastYear: number; caveat: string };
  pair: [string, string] | null;
  years: BalanceYear[];
  stages: Array<{ from: string; sentence: string }>;
  summary: string;
}

const MEASURES = ['gdp', 'cinc', 'population', 'milex'] as const;

export function BalancePanel({
  orgId,
  year,
  names,
}: {
  orgId: string;
  year: number;
  names: Map<string, string>;
}) {
  const t = useT(labCharts);
  const tl = useT(lab);
  const n = useFormat();
  const [measure, setMeasure] = useState<string>('gdp');
  const b = useApi<Balance>(`/api/orgs/${encodeURIComponent(orgId)}/balance?measure=${measure}`);
  const data = b.data;
  const rows = data?.years.filter((y) => y.status !== 'missing') ?? [];
  const row =
    rows.find((y) => y.year === year) ??
    (rows.length && year > rows[rows.length - 1]!.year
      ? rows[rows.length - 1]
      : rows.find((y) => y.year > year));
  const shares = row ? Object.entries(row.shares).sort((a, c) => c[1] - a[1]) : [];
  return (
    <>
      <label>
        {t('balance.yardstick')}{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value)}>
          {MEASURES.map((id) => (
            <option key={id} value={id}>
              {t(`balance.measure.${id}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={b.error} />
      {data && row ? (
        <div className="balance">
          <p>
            <strong>
              {data.measure.label}, {row.year}
            </strong>
            {row.year !== year ? ` ${t('balance.nearest', { year })}` : ''}
            {row.status === 'partial' ? t('balance.partial', { list: row.missing.join(', ') }) : ''}.
          </p>
          <ul
            className="bars"
            aria-label={t('balance.bars', { measure: data.measure.label, year: row.year })}
          >
            {shares.map(([iso3, s]) => (
              <li key={iso3}>
                <span className="bar-label">{names.get(iso3) ?? iso3}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${(s * 100).toFixed(1)}%` }} />
                </span>
                <span className="num">{n.percent(s, 1)}</span>
              </li>
            ))}
          </ul>
          {row.concentration ? (
            <p className="small">
              {t('balance.concentration', {
                hhi: n.fixed(row.concentration.hhi, 3),
                con: n.fixed(row.concentration.con, 3),
              })}
              {row.concentration.hegemon
                ? t('balance.hegemon', {
                    name: names.get(row.concentration.largest.iso3) ?? row.concentration.largest.iso3,
                  })
                : ''}
              {data.pair && row.pairRatio !== null
                ? t('balance.pair', { a: data.pair[0], b: data.pair[1], ratio: n.fixed(row.pairRatio, 2) })
                : ''}
              .
            </p>
          ) : null}
          <details>
            <summary>{t('balance.stages')}</summary>
            <ul className="small">
              {data.stages.map((s) => (
                <li key={s.from}>{s.sentence}</li>
              ))}
            </ul>
            <p className="small muted">{data.summary}</p>
            <p className="small muted">{data.measure.caveat}</p>
          </details>
        </div>
      ) : b.loading ? (
        <p>{tl('loading')}</p>
      ) : data ? (
        <p>{t('balance.none', { year })}</p>
      ) : null}
    </>
  );
}
