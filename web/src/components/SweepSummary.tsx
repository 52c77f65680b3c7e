/**
 * A sweep's summary: per issue, the outcome distribution of each model as histograms (drawn by the
 * report's chart code, src/report/charts/histogram.ts), the probability of adoption, quantiles, how
 * often each member blocks or takes part, and Sobol indices when the sweep estimated them.
 */

import { useState } from 'react';
import { labSweeps } from '../../../src/i18n/messages/lab-sweeps/index.js';
import { renderHistograms } from '../../../src/report/charts/histogram.js';
import { MODEL_COLOURS } from '../../../src/util/palette.js';
import { useFormat, useT } from '../i18n.js';
import { SvgChart } from './SvgChart.js';
import { TableBox } from './TableBox.js';

interface Result {
  point: number;
  issue: string;
  model: string;
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  quantiles: Record<string, number | null>;
  histogram: { lo: number; hi: number; counts: number[] };
  adoption: number | null;
  anyBlocker: number | null;
  blocking: Record<string, number> | null;
  participation: Record<string, number> | null;
  rounds: number | null;
}
export interface Summary {
  sweep: {
    scenario: string;
    models: string[];
    mode: string;
    runs: number;
    seed: number;
    points: Array<Record<string, unknown>>;
    uncertainty: string;
    actors: string[];
    outputs: Array<{ issue: string; scale: [number, number] }>;
  };
  replicates: number;
  results: Result[];
  sensitivity?: Array<{
    issue: string;
    model: string;
    factors: Array<{
      factor: string;
      first: number | null;
      total: number | null;
      firstCi?: [number, number] | null;
      totalCi?: [number, number] | null;
    }>;
    warnings?: string[];
  }>;
}

export interface Marks {
  [issue: string]: Array<{ x: number; label: string; colour?: string }>;
}

export function SweepSummaryView({ summary: s, marks }: { summary: Summary; marks?: Marks }) {
  const t = useT(labSweeps);
  const n = useFormat();
  const f1 = (x: number | null | undefined) => (x == null ? '–' : n.number(x, 1));
  const pc = (x: number | null | undefined) => (x == null ? '–' : n.percent(x, 0));
  const f2 = (x: number | null | undefined) => (x == null ? '–' : n.fixed(x, 2));
  const ci = (x: [number, number] | null | undefined) => (x ? `${f2(x[0])} – ${f2(x[1])}` : '–');
  const model = (m: string) => t.or(`model.${m}`, m);
  const [point, setPoint] = useState(0);
  const points = s.sweep.points.length;
  return (
    <div className="sweep-summary">
      <p className="small">
        {t('summary.head', {
          replicates: n.number(s.replicates, 0),
          scenario: s.sweep.scenario,
          mode: s.sweep.mode === 'saltelli' ? 'saltelli' : 'mc',
          seed: s.sweep.seed,
          models: n.list(s.sweep.models.map(model)),
          uncertainty: s.sweep.uncertainty,
        })}
      </p>
      {points > 1 ? (
        <label>
          {t('summary.point')}{' '}
          <select value={point} onChange={(e) => setPoint(Number(e.target.value))}>
            {s.sweep.points.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: design points are numbered
              <option key={i} value={i}>
                {i + 1}:{' '}
                {Object.entries(p)
                  .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                  .join(', ') || t('summary.asCoded')}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {s.sweep.outputs.map((out) => {
        const rows = s.results.filter((r) => r.point === point && r.issue === out.issue);
        const svg = renderHistograms({
          title: t('summary.histTitle', { issue: out.issue, runs: n.number(s.replicates, 0) }),
          lo: out.scale[0],
          hi: out.scale[1],
          marks: marks?.[out.issue] ?? [],
          series: rows.map((r) => ({
            label: model(r.model),
            counts: r.histogram.counts,
            colour: MODEL_COLOURS[r.model] ?? '#777',
            note:
              r.adoption === null
                ? t('summary.histMean', { mean: f1(r.mean) })
                : t('summary.histAdopted', { share: pc(r.adoption) }),
          })),
        });
        // Every member, those that never block (0%) too: a member missing from the table would read as unknown.
        const actors = rows.some((r) => r.blocking || r.participation) ? s.sweep.actors : [];
        const sobol = s.sensitivity?.filter((x) => x.issue === out.issue) ?? [];
        return (
          <section
            key={out.issue}
            className="sweep-issue"
            aria-label={t('summary.issue', { issue: out.issue })}
          >
            <h3>{out.issue}</h3>
            <SvgChart svg={svg} className="histogram-box" />
            <TableBox label={t('summary.outcomes')}>
              <table className="sweep-table">
                <caption className="sr-only">{t('summary.outcomesCaption', { issue: out.issue })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.model')}</th>
                    <th scope="col">{t('col.mean')}</th>
                    <th scope="col">{t('col.sd')}</th>
                    <th scope="col">{t('col.p05')}</th>
                    <th scope="col">{t('col.median')}</th>
                    <th scope="col">{t('col.p95')}</th>
                    <th scope="col">{t('col.adopted')}</th>
                    <th scope="col">{t('col.blocks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.model} data-model={r.model}>
                      <th scope="row">{model(r.model)}</th>
                      <td className="num">{f1(r.mean)}</td>
                      <td className="num">{f1(r.sd)}</td>
                      <td className="num">{f1(r.quantiles.p05)}</td>
                      <td className="num">{f1(r.quantiles.p50)}</td>
                      <td className="num">{f1(r.quantiles.p95)}</td>
                      <td className="num" data-testid={`adoption-${out.issue}-${r.model}`}>
                        {pc(r.adoption)}
                      </td>
                      <td className="num">{pc(r.anyBlocker)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
            {actors.length ? (
              <TableBox label={t('summary.blocking')}>
                <table className="sweep-table">
                  <caption>{t('summary.blockingCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.model')}</th>
                      {actors.map((a) => (
                        <th key={a} scope="col">
                          {a}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows
                      .filter((r) => r.blocking || r.participation)
                      .map((r) => (
                        <tr key={r.model}>
                          <th scope="row">{model(r.model)}</th>
                          {actors.map((a) => (
                            <td key={a} className="num">
                              {pc(r.blocking?.[a] ?? r.participation?.[a] ?? null)}
                            </td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </TableBox>
            ) : null}
            {sobol.length ? (
              <>
                <TableBox label={t('summary.sobol')}>
                  <table className="sweep-table">
                    <caption>{t('summary.sobolCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('col.model')}</th>
                        <th scope="col">{t('col.input')}</th>
                        <th scope="col">{t('col.first')}</th>
                        <th scope="col">{t('col.interval')}</th>
                        <th scope="col">{t('col.total')}</th>
                        <th scope="col">{t('col.interval')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sobol.flatMap((x) =>
                        x.factors
                          .filter((f) => (f.total ?? 0) >= 0.01)
                          .map((f) => (
                            <tr key={`${x.model}${f.factor}`}>
                              <td>{model(x.model)}</td>
                              <td>{f.factor}</td>
                              <td className="num">{f2(f.first)}</td>
                              <td className="num">{ci(f.firstCi)}</td>
                              <td className="num">{f2(f.total)}</td>
                              <td className="num">{ci(f.totalCi)}</td>
                            </tr>
                          )),
                      )}
                    </tbody>
                  </table>
                </TableBox>
                {sobol.flatMap((x) => (x.warnings ?? []).map((w) => `${x.model}: ${w}`)).length ? (
                  <div className="note unavailable" role="status" data-testid="sobol-warnings">
                    <strong>{t('summary.check')}</strong>
                    <ul className="small">
                      {sobol.flatMap((x) =>
                        (x.warnings ?? []).map((w) => <li key={`${x.model}${w}`}>{`${x.model}: ${w}`}</li>),
                      )}
                    </ul>
                  </div>
                ) : null}
              </>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
