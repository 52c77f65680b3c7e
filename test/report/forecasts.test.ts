import { describe, expect, it } from 'vitest';
import { renderIssueLine } from '../../src/report/charts/issue-line.js';
import { renderReport } from '../../src/report/report.js';
import { forecastsSection } from '../../src/report/sections/forecasts.js';
import { reportContext } from '../helpers/report.js';

describe('the forecasts section', async () => {
  const r = await renderReport([forecastsSection], reportContext({ date: '2026-01-01' }));

  it('charts every issue of the SCO cases, each with the models and the observed outcome', () => {
    const charts = r.html.match(/<svg [^>]*class="issue-line"/g) ?? [];
    expect(charts.length).toBe(23);
    expect((r.html.match(/class="forecast" data-model="consensus"/g) ?? []).length).toBe(23);
    expect((r.html.match(/class="observed"/g) ?? []).length).toBe(23);
    expect(r.html).toContain('not adopted: TJK prefers the status quo 0 to Russia’s proposal 100');
    expect(r.html).not.toMatch(/<script/i);
  });

  it('has the backtest table and summary lines', () => {
    expect(r.html).toContain('Backtest on the 17 SCO decisions');
    expect(r.summary).toMatch(/17 SCO cases/);
    expect(r.summary).toMatch(/compromise: MAE \d/);
  });
});

describe('the issue chart', () => {
  it('places marks on the scale and escapes labels', () => {
    const svg = renderIssueLine({
      id: 'x',
      title: 'A <b> test',
      lo: 0,
      hi: 100,
      actors: [{ id: 'A&B', position: 50, capability: 0.5 }],
      statusQuo: 0,
      proposal: 100,
      core: [{ lo: 20, hi: 60 }],
      winSet: [{ lo: 0, hi: 40 }],
      models: [{ name: 'compromise', outcome: 50 }],
      observed: 25,
    });
    expect(svg).toContain('A &lt;b&gt; test');
    expect(svg).toContain('A&amp;B');
    // the scale runs from x = 150 to x = 864 (width 900, margins 150 and 36): 50 → 507
    expect(svg).toMatch(/class="forecast" data-model="compromise"><circle cx="507\.0"/);
  });
});
