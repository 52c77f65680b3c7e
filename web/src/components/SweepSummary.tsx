/**
 * A sweep's summary: per issue, the outcome distribution of each model as histograms (drawn by the
 * report's chart code, src/report/charts/histogram.ts), the probability of adoption, quantiles, how
 * often each member blocks or takes part, and Sobol indices when the sweep estimated them.
 */
import { useState } from 'react';
import { renderHistograms } from '../../../src/report/charts/histogram.js';
import { MODEL_COLOURS } from '../../../src/util/palette.js';
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

const ci = (x: [number, number] | null | undefined) => (x ? `${x[0].toFixed(2)} – ${x[1].toFixed(2)}` : '–');

export interface Marks {
  [issue: string]: Array<{ x: number; label: string; colour?: string }>;
}

const f1 = (x: number | null | undefined) => (x == null ? '–' : Number(x.toFixed(1)).toString());
const pc = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(0)}%`);

export function SweepSummaryView({ summary: s, marks }: { summary: Summary; marks?: Marks }) {
  const [point, setPoint] = useState(0);
  const points = s.sweep.points.length;
  return (
    <div className="sweep-summary">
      <p className="small">
        {s.replicates.toLocaleString('en-US')} replicates of {s.sweep.scenario} (
        {s.sweep.mode === 'saltelli' ? 'Saltelli design' : 'Monte Carlo'}, seed {s.sweep.seed}); models{' '}
        {s.sweep.models.join(', ')}. Uncertainty: {s.sweep.uncertainty}.
      </p>
      {points > 1 ? (
        <label>
          Design point{' '}
          <select value={point} onChange={(e) => setPoint(Number(e.target.value))}>
            {s.sweep.points.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: design points are numbered
              <option key={i} value={i}>
                {i + 1}:{' '}
                {Object.entries(p)
                  .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                  .join(', ') || 'as coded'}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {s.sweep.outputs.map((out) => {
        const rows = s.results.filter((r) => r.point === point && r.issue === out.issue);
        const svg = renderHistograms({
          title: `${out.issue}: outcome distributions over ${s.replicates.toLocaleString('en-US')} runs`,
          lo: out.scale[0],
          hi: out.scale[1],
          marks: marks?.[out.issue] ?? [],
          series: rows.map((r) => ({
            label: r.model,
            counts: r.histogram.counts,
            colour: MODEL_COLOURS[r.model] ?? '#777',
            note: r.adoption === null ? `mean ${f1(r.mean)}` : `adopted ${pc(r.adoption)}`,
          })),
        });
        // Every member, those that never block (0%) too: a member missing from the table would read as unknown.
        const actors = rows.some((r) => r.blocking || r.participation) ? s.sweep.actors : [];
        const sobol = s.sensitivity?.filter((x) => x.issue === out.issue) ?? [];
        return (
          <section key={out.issue} className="sweep-issue" aria-label={`Issue ${out.issue}`}>
            <h3>{out.issue}</h3>
            <SvgChart svg={svg} className="histogram-box" />
            <TableBox label="Outcome summary">
              <table className="sweep-table">
                <caption className="sr-only">Outcome distribution of each model on {out.issue}</caption>
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Mean</th>
                    <th scope="col">SD</th>
                    <th scope="col">5%</th>
                    <th scope="col">Median</th>
                    <th scope="col">95%</th>
                    <th scope="col">P(adopted)</th>
                    <th scope="col">P(someone blocks)</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.model} data-model={r.model}>
                      <th scope="row">{r.model}</th>
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
              <TableBox label="Blocking and participation by member">
                <table className="sweep-table">
                  <caption>
                    How often each member blocks (or takes part in) the tabled proposal, share of runs
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Model</th>
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
                          <th scope="row">{r.model}</th>
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
                <TableBox label="Sobol sensitivity indices">
                  <table className="sweep-table">
                    <caption>
                      Sobol indices of the outcome (first order / total), with 95% bootstrap intervals over
                      batches
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Model</th>
                        <th scope="col">Input</th>
                        <th scope="col">First order</th>
                        <th scope="col">95% interval</th>
                        <th scope="col">Total</th>
                        <th scope="col">95% interval</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sobol.flatMap((x) =>
                        x.factors
                          .filter((f) => (f.total ?? 0) >= 0.01)
                          .map((f) => (
                            <tr key={`${x.model}${f.factor}`}>
                              <td>{x.model}</td>
                              <td>{f.factor}</td>
                              <td className="num">{f.first == null ? '–' : f.first.toFixed(2)}</td>
                              <td className="num">{ci(f.firstCi)}</td>
                              <td className="num">{f.total == null ? '–' : f.total.toFixed(2)}</td>
                              <td className="num">{ci(f.totalCi)}</td>
                            </tr>
                          )),
                      )}
                    </tbody>
                  </table>
                </TableBox>
                {sobol.flatMap((x) => (x.warnings ?? []).map((w) => `${x.model}: ${w}`)).length ? (
                  <div className="note unavailable" role="status" data-testid="sobol-warnings">
                    <strong>Check these estimates:</strong>
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
