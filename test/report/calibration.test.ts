/**
 * The report's calibration block (issue 11): the reliability diagram and its ten-bin table come from
 * a seeded sweep of every SCO case, so a fresh sweep with the same size and seed gives the same
 * bins and scores; the chart places each non-empty bin at (mean forecast, share adopted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestWithCoders } from '../../src/bargaining/backtest.js';
import { MODEL_NAMES } from '../../src/bargaining/forecast.js';
import { packageRoot } from '../../src/data/load.js';
import { pointRadius, renderReliability } from '../../src/report/charts/reliability.js';
import { renderReport } from '../../src/report/report.js';
import {
  calibrationBlock,
  forecastsSection,
  REPORT_CALIBRATION_RUNS,
  REPORT_CALIBRATION_SEED,
} from '../../src/report/sections/forecasts.js';
import { loadOrganizationCases } from '../../src/scenario/load.js';
import { adoptionProbabilities } from '../../src/sweep/backtest.js';
import { reportContext } from '../helpers/report.js';

describe('the reliability chart', () => {
  const bins = Array.from({ length: 10 }, (_, k) => ({
    lo: k / 10,
    hi: (k + 1) / 10,
    n: 0,
    meanProbability: null as number | null,
    observedFrequency: null as number | null,
  }));
  bins[9] = { lo: 0.9, hi: 1, n: 3, meanProbability: 0.95, observedFrequency: 2 / 3 };
  bins[2] = { lo: 0.2, hi: 0.3, n: 1, meanProbability: 0.25, observedFrequency: 0 };
  const svg = renderReliability({
    id: 'r',
    title: 'A <test>',
    series: [{ key: 'm', label: 'M & N', colour: '#123456', bins }],
    xLabel: 'x',
    yLabel: 'y',
    diagonalLabel: 'diagonal',
    pointTitle: (s, b) => `${s.label} ${b.n}`,
  });

  it('draws one point per non-empty bin, at (mean forecast, share adopted), area growing with its count', () => {
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)" fill="#123456"/g)];
    expect(circles).toHaveLength(2);
    // width 460, margins 52 and 120: the square is 288 wide, from x = 52 and y = 24 to 312
    const at = (p: number) => (52 + 288 * p).toFixed(1);
    const up = (q: number) => (24 + 288 * (1 - q)).toFixed(1);
    expect(circles.map((c) => [c[1], c[2]])).toEqual([
      [at(0.25), up(0)],
      [at(0.95), up(2 / 3)],
    ]);
    expect(Number(circles[1]![3])).toBeCloseTo(pointRadius(3, 4), 1);
    expect(pointRadius(3, 4)).toBeGreaterThan(pointRadius(1, 4));
    expect(pointRadius(0, 4)).toBe(0);
  });

  it('escapes its labels and has the diagonal', () => {
    expect(svg).toContain('A &lt;test&gt;');
    expect(svg).toContain('M &amp; N');
    expect(svg).toMatch(/class="diagonal"><line x1="52" y1="312" x2="340" y2="24"/);
  });
});

describe('the calibration block of the forecasts section', async () => {
  const r = await renderReport([forecastsSection], reportContext({ date: '2026-01-01' }));
  const cases = loadOrganizationCases('sco');
  const fresh = adoptionProbabilities(
    [...new Set(cases.map((c) => c.file))].map((f) => ({
      file: f,
      text: readFileSync(join(packageRoot(), f), 'utf8'),
    })),
    REPORT_CALIBRATION_RUNS,
    REPORT_CALIBRATION_SEED,
    MODEL_NAMES,
  );
  const bt = backtestWithCoders(
    cases.map((c) => c.scenario),
    { probabilities: fresh },
  );

  it('states its sweep, and its bins and scores are those of a fresh sweep with the same size and seed', () => {
    expect(r.html).toContain('<svg id="sco-reliability"');
    expect(r.html).toContain(
      `${REPORT_CALIBRATION_RUNS} seeded replicates (seed ${REPORT_CALIBRATION_SEED})`,
    );
    expect(r.html).toContain(`Sweep size: ${REPORT_CALIBRATION_RUNS} replicates per case`);
    const c = bt.calibration!.consensus!;
    const top = c[9]!;
    expect(top.n).toBeGreaterThan(0);
    expect(r.html).toContain(
      `${top.n}: ${top.meanProbability!.toFixed(2)} → ${top.observedFrequency!.toFixed(2)}`,
    );
    expect(r.html).toContain(`consensus (spatial, agenda setter): ${top.n} issues in [0.9, 1.0]`);
    const brier = bt.models.consensus!.brier!;
    expect(String(r.summary)).toContain(`consensus ${brier.toFixed(3)}`);
    // every adoption call is counted once: the bins hold every issue with an observed adoption
    const adopted = bt.cases.filter((x) => x.observed.adopted !== null).length;
    expect(c.reduce((t, b) => t + b.n, 0)).toBe(adopted);
  });

  it('has the ten-bin table and one point per non-empty bin of each model', () => {
    const table = r.html.slice(r.html.indexOf('The ten bins'));
    expect((table.slice(0, table.indexOf('</table>')).match(/<tr>/g) ?? []).length).toBe(11);
    const chart = r.html.slice(r.html.indexOf('<svg id="sco-reliability"'));
    const points = (chart.slice(0, chart.indexOf('</svg>')).match(/<circle cx=/g) ?? []).length;
    const models = MODEL_NAMES.filter((m) => bt.calibration![m]!.some((b) => b.n > 0));
    const nonEmpty = models.reduce((t, m) => t + bt.calibration![m]!.filter((b) => b.n > 0).length, 0);
    expect(points).toBe(nonEmpty); // the legend swatches are drawn r-first, so not counted here
  });

  it('renders in Russian and Chinese from its own catalogue, numbers in the locale', () => {
    const ru = calibrationBlock(bt, 'ru', 'sco');
    expect(ru.html).toContain('Калибровка вероятностей принятия решения');
    expect(ru.html).toContain('идеальная калибровка');
    expect(ru.html).toMatch(/0,9/); // a decimal comma
    const zh = calibrationBlock(bt, 'zh-Hans', 'sco');
    expect(zh.html).toContain('通过概率的校准');
    expect(zh.summary).toContain('布里尔评分');
  });
});
