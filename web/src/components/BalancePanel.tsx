/**
 * The balance of power inside the organization in the year of the date being viewed: each member's
 * share of a yardstick, the concentration, the ratio of the two largest, and what each enlargement
 * changed (src/balance/ through /api/orgs/{id}/balance). The API writes its sentences in English;
 * in Russian and Chinese the lab says the same figures through src/balance/describe.ts.
 */
import { useState } from 'react';
import type { BalanceYear, StageBalance } from '../../../src/balance/balance.js';
import { caveatIn, describeSeries, describeStage } from '../../../src/balance/describe.js';
import { type MeasureId, YARDSTICKS } from '../../../src/balance/yardsticks.js';
import { lab } from '../../../src/i18n/messages/lab/index.js';
import { labCharts } from '../../../src/i18n/messages/lab-charts/index.js';
import { useApi } from '../hooks.js';
import { useFormat, useLocale, useT } from '../i18n.js';
import { useOrgName } from '../names.js';
import { ErrorNote } from './Notice.js';

interface Balance {
  measure: { id: MeasureId; label: string; firstYear: number; lastYear: number; caveat: string };
  pair: [string, string] | null;
  years: BalanceYear[];
  stages: StageBalance[];
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
  const { locale } = useLocale();
  const orgName = useOrgName();
  const [measure, setMeasure] = useState<MeasureId>('gdp');
  const b = useApi<Balance>(`/api/orgs/${encodeURIComponent(orgId)}/balance?measure=${measure}`);
  const data = b.data;
  const rows = data?.years.filter((y) => y.status !== 'missing') ?? [];
  const row =
    rows.find((y) => y.year === year) ??
    (rows.length && year > rows[rows.length - 1]!.year
      ? rows[rows.length - 1]
      : rows.find((y) => y.year > year));
  const shares = row ? Object.entries(row.shares).sort((a, c) => c[1] - a[1]) : [];
  // The stages' sentences, the series' sentence and the caveat in the lab's language.
  const ctx = data
    ? {
        org: orgName({ id: orgId }),
        ys: YARDSTICKS[data.measure.id],
        name: (c: string) => names.get(c) ?? c,
      }
    : null;
  const sentence = (s: StageBalance) =>
    locale === 'en' || !ctx
      ? s.sentence
      : describeStage(s, { ...ctx, predecessor: s.comparedWith ? orgName(s.comparedWith) : null }, locale);
  const summary =
    data && ctx && locale !== 'en'
      ? describeSeries(data.years, { ...ctx, pair: data.pair }, locale)
      : data?.summary;
  const measureLabel = !data
    ? ''
    : locale === 'en'
      ? data.measure.label
      : t(`balance.measure.${data.measure.id}`);
  return (
    <>
      <label>
        {t('balance.yardstick')}{' '}
        <select value={measure} onChange={(e) => setMeasure(e.target.value as MeasureId)}>
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
              {measureLabel}, {row.year}
            </strong>
            {row.year !== year ? ` ${t('balance.nearest', { year })}` : ''}
            {row.status === 'partial' ? t('balance.partial', { list: row.missing.join(', ') }) : ''}.
          </p>
          <ul className="bars" aria-label={t('balance.bars', { measure: measureLabel, year: row.year })}>
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
                <li key={s.from}>{sentence(s)}</li>
              ))}
            </ul>
            <p className="small muted">{summary}</p>
            <p className="small muted">{caveatIn(YARDSTICKS[data.measure.id], locale)}</p>
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
