import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtestWithCoders } from '../../src/bargaining/backtest.js';
import { capabilitySensitivityOfText } from '../../src/cli/commands/capability-sensitivity.js';
import { renderIssueLine } from '../../src/report/charts/issue-line.js';
import { renderReport } from '../../src/report/report.js';
import { forecastsSection } from '../../src/report/sections/forecasts.js';
import { loadOrganizationCases } from '../../src/scenario/load.js';
import { reportContext } from '../helpers/report.js';

describe('the forecasts section', async () => {
  const r = await renderReport([forecastsSection], reportContext({ date: '2026-01-01' }));

  it('charts every issue of the SCO cases, each with the models and the observed outcome', () => {
    const charts = r.html.match(/<svg [^>]*class="issue-line"/g) ?? [];
    expect(charts.length).toBe(32);
    expect((r.html.match(/class="forecast" data-model="consensus"/g) ?? []).length).toBe(32);
    expect((r.html.match(/class="observed"/g) ?? []).length).toBe(32);
    expect(r.html).toContain('not adopted: TJK prefers the status quo 0 to Russia’s proposal 100');
    expect(r.html).not.toMatch(/<script/i);
  });

  it('has the backtest table and summary lines', () => {
    expect(r.html).toContain('Backtest on the 26 SCO decisions');
    expect(r.summary).toMatch(/26 SCO cases/);
    expect(r.summary).toMatch(/compromise: MAE \d/);
  });

  const cases = loadOrganizationCases('sco');
  const bt = backtestWithCoders(cases.map((c) => c.scenario));
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/−/g, '-');

  it('shows the baselines and every model-vs-baseline comparison with its 95% interval, as computed', () => {
    const t = text(r.html);
    expect(t).toContain('Baselines on the same issues');
    expect(t).toMatch(new RegExp(`The tabled proposal${bt.baselines.proposal.mae!.toFixed(1)}`));
    const c = bt.comparisons.find((x) => x.model === 'consensus' && x.against === 'meanPosition')!;
    expect(c.ci95).not.toBeNull();
    const cell = `${c.maeDifference!.toFixed(1)} [${c.ci95![0].toFixed(1)}, ${c.ci95![1].toFixed(1)}]`;
    expect(t).toContain(cell);
    expect(t).toMatch(/paired bootstrap over cases \(10,000 resamples, seed 1\)/);
  });

  it('prints coder a alone next to the mean-coding headline, and says coder b is not independent', () => {
    const t = text(r.html);
    const a = bt.coders!.a!.models.consensus!.mae!.toFixed(1);
    const mean = bt.models.consensus!.mae!.toFixed(1);
    // the rows differ on the compromise model (coder a's consensus MAE equals the headline's since
    // the India–Pakistan package)
    const aComp = bt.coders!.a!.models.compromise!.mae!.toFixed(1);
    const meanComp = bt.models.compromise!.mae!.toFixed(1);
    expect(aComp).not.toBe(meanComp);
    expect(t).toMatch(new RegExp(`Mean of the coders \\(the headline above\\)${mean}${meanComp}`));
    expect(t).toMatch(new RegExp(`Coder a alone${a}${aComp}`));
    expect(t).toContain('Coder b alone (not independent)');
    expect(t).toContain('Coder b is not an independent coder');
    expect(String(r.summary)).toContain(`consensus MAE ${mean} on the mean coding, ${a} by coder a alone`);
  });

  it('shows each model under each yardstick, the cells being what --capability-sensitivity gives', () => {
    const t = text(r.html);
    expect(t).toContain('in the order gdp · cinc · population · milex · equal, in whole points');
    const c = cases.find((x) => x.input.id === 'sco-development-strategy-2030')!;
    const cs = capabilitySensitivityOfText(readFileSync(c.file, 'utf8'), c.file);
    const f = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(Math.round(v)));
    const cell = cs.yardsticks.map((y) => (y.available ? f(y.forecasts['strategy-2030']?.compromise) : '–'));
    expect(new Set(cell).size).toBeGreaterThan(1); // the yardstick moves the compromise model here
    expect(t).toContain(cell.join(' · '));
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
