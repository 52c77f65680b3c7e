// The enlargement briefings (src/report/briefing.ts) and their report section: figures that agree
// with the balance and capacity libraries, every member in every table, the sentences, the CSV.
import { describe, expect, it } from 'vitest';
import { balance } from '../../src/balance/balance.js';
import { loadDataset } from '../../src/data/load.js';
import { loadOrganizations } from '../../src/org/load.js';
import { DEFAULT_COMPARISONS } from '../../src/power/capacity-options.js';
import { comparisonRules } from '../../src/power/load.js';
import { BRIEFINGS, briefing, figureCsv } from '../../src/report/briefing.js';
import { briefingsSection } from '../../src/report/sections/briefings.js';
import { reportContext } from '../helpers/report.js';

const ds = loadDataset();
const registry = loadOrganizations();
const org = registry.get('sco');
const rules = comparisonRules(org.rule, [...DEFAULT_COMPARISONS], process.cwd());

describe('the 2017 briefing', () => {
  const b = briefing('2017', { org, ds, registry, rules, alignment: null });

  it('is about the stage India and Pakistan joined, six members before and eight after', () => {
    expect(b.date).toBe('2017-06-09');
    expect([...b.joined].sort()).toEqual(['IND', 'PAK']);
    expect(b.membersBefore).toHaveLength(6);
    expect(b.membersAfter).toHaveLength(8);
  });

  it("agrees with the balance library on China's GDP share, and lists every member", () => {
    const gdp = b.figures.find((f) => f.id === 'gdp-shares')!;
    const stage = balance(org, ds, { measure: 'gdp' }).stages.find((s) => s.from === b.date)!;
    const chn = gdp.rows.find((r) => r.label === 'CHN')!;
    expect(chn.before).toBe(stage.before!.shares.CHN);
    expect(chn.after).toBe(stage.after!.shares.CHN);
    expect(gdp.rows.map((r) => r.label).sort()).toEqual([...b.membersAfter].sort());
    expect(gdp.rows.find((r) => r.label === 'IND')!.before).toBeNull();
  });

  it('halves passage under consensus with each new member: 1/64 → 1/256', () => {
    const p = b.figures.find((f) => f.id === 'passage')!;
    const own = p.rows[0]!;
    expect(own.before).toBe(1 / 64);
    expect(own.after).toBe(1 / 256);
    expect(p.shows).toContain('1/64 → 1/256');
    expect(p.shows).toContain('halves mechanically');
  });

  it('gives every member a blocking power, and explains the odd/even effect of simple majority', () => {
    const f = b.figures.find((x) => x.id === 'blocking')!;
    expect(f.rows).toHaveLength(8);
    for (const r of f.rows) expect(r.after).toBeGreaterThan(0);
    expect(f.shows).toMatch(/odd and even/);
  });

  it('says for every figure what it shows and what it does not, and writes its data as CSV', () => {
    for (const f of b.figures) {
      expect(f.shows.length).toBeGreaterThan(20);
      expect(f.doesNotShow.length).toBeGreaterThan(20);
      const csv = figureCsv(f);
      expect(csv.split('\r\n')).toHaveLength(f.rows.length + 2);
    }
    expect(b.answer.join(' ')).toMatch(/China's share of the members' GDP went from/);
  });

  it('refuses an unknown briefing, naming the ones there are', () => {
    expect(() => briefing('1999', { org, ds, registry, rules, alignment: null })).toThrow(/no briefing/);
  });
});

describe('the briefings section of the report', async () => {
  const out = await briefingsSection.render(reportContext());

  it('has the three enlargements, each with a permalink, and every chart downloads as SVG and CSV', () => {
    for (const spec of BRIEFINGS) {
      expect(out.html).toContain(`id="briefing-${spec.id}"`);
      expect(out.html).toContain(`href="#briefing-${spec.id}"`);
      expect(out.html).toContain(spec.title.replace(/'/g, '&#39;'));
    }
    const charts = (out.html.match(/<svg /g) ?? []).length;
    expect(charts).toBeGreaterThanOrEqual(12);
    expect((out.html.match(/download="[^"]+\.svg" href="data:image\/svg\+xml;base64,/g) ?? []).length).toBe(
      charts,
    );
    expect((out.html.match(/download="[^"]+\.csv" href="data:text\/csv/g) ?? []).length).toBe(charts);
    expect(out.html).toContain('Does not show:');
  });
});

describe('the before/after chart in Russian and Chinese', () => {
  it('measures its row labels, values and legend, so that nothing runs past the chart or into the bars', async () => {
    const { renderBeforeAfter } = await import('../../src/report/charts/before-after.js');
    const { textWidth } = await import('../../src/report/charts/text.js');
    const ru = briefing('2017', { org, ds, registry, rules, alignment: null }, 'ru');
    const f = ru.figures.find((x) => x.id === 'passage')!;
    const svg = renderBeforeAfter({
      id: 'x',
      title: f.title,
      rows: f.rows,
      beforeLabel: f.beforeLabel,
      afterLabel: f.afterLabel,
      format: (v) => `${(v * 100).toFixed(1).replace('.', ',')}\u00a0%`,
      locale: 'ru',
    });
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const axis = Number(/<line x1="([\d.]+)"/.exec(svg)![1]);
    // Row labels end left of the axis (text-anchor end), and each fits the room left of it.
    for (const m of svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="end"[^>]*>([^<]*)/g)) {
      expect(Number(m[1])).toBeLessThan(axis);
      expect(textWidth(m[2]!)).toBeLessThanOrEqual(Number(m[1]));
    }
    // Value labels and the legend end inside the chart.
    for (const m of svg.matchAll(/<text x="([\d.]+)" y="[\d.]+"(?: font-size="(\d+)")?[^>]*>([^<]*)</g))
      if (!/text-anchor/.test(m[0]))
        expect(Number(m[1]) + textWidth(m[3]!, Number(m[2] ?? 11))).toBeLessThanOrEqual(width);
    expect(svg).toContain('консенсус');
    expect(svg).not.toContain('not a member');
  });
});
