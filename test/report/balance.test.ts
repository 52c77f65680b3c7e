import { describe, expect, it } from 'vitest';
import type { ReportContext } from '../../src/report/report.js';
import { balanceSection } from '../../src/report/sections/balance.js';
import { reportContext } from '../helpers/report.js';

const base: ReportContext = reportContext();

describe('the balance-of-power section', async () => {
  const r = await balanceSection.render(base);

  it('draws the members’ GDP and CINC shares as stacked areas, a band per member', () => {
    const gdp = r.html.match(/<svg id="balance-gdp"[\s\S]*?<\/svg>/)![0];
    const bands = [...gdp.matchAll(/class="band" data-key="(\w{3})"/g)].map((m) => m[1]);
    // Members on 31 December of 2001–2023: Belarus (2024) is after the end of the GDP data.
    expect(new Set(bands)).toEqual(new Set(['CHN', 'RUS', 'KAZ', 'UZB', 'KGZ', 'TJK', 'IND', 'PAK', 'IRN']));
    const cinc = r.html.match(/<svg id="balance-cinc"[\s\S]*?<\/svg>/)![0];
    expect(new Set([...cinc.matchAll(/class="band" data-key="(\w{3})"/g)].map((m) => m[1])).size).toBe(6);
  });

  it('marks the enlargements on the chart', () => {
    const gdp = r.html.match(/<svg id="balance-gdp"[\s\S]*?<\/svg>/)![0];
    const marks = [...gdp.matchAll(/class="stage-mark"[\s\S]*?font-weight="600">([^<]+)</g)].map((m) => m[1]);
    expect(marks).toEqual(['2017 +IND, PAK', '2023 +IRN', '2024 +BLR']);
  });

  it('charts the China/Russia ratio on each yardstick', () => {
    const ratio = r.html.match(/<svg id="balance-ratio"[\s\S]*?<\/svg>/)![0];
    expect(ratio).toContain('China to Russia');
    expect([...ratio.matchAll(/class="series" data-key="(\w+)"/g)].map((m) => m[1])).toEqual([
      'gdp',
      'cinc',
      'population',
      'milex',
    ]);
  });

  it('tabulates CON by stage and gives one sentence per stage', () => {
    expect(r.html).toContain('Concentration (CON) at each stage');
    const gdpList = r.html.match(
      /What each stage changed: GDP<\/h3>\s*<ul class="balance-stages">([\s\S]*?)<\/ul>/,
    )![1]!;
    expect(gdpList.match(/<li>/g)).toHaveLength(4);
    expect(gdpList).toContain('The admission of India and Pakistan on 9 June 2017');
    expect(r.summary.length).toBeGreaterThan(1);
  });

  it('is self-contained', () => {
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toMatch(/src="(https?:)?\/\//);
    expect(r.html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('leaves out stages after the report date', async () => {
    const early = await balanceSection.render({ ...base, date: '2021-04-29' });
    const gdp = early.html.match(/<svg id="balance-gdp"[\s\S]*?<\/svg>/)![0];
    expect([...gdp.matchAll(/class="stage-mark"/g)]).toHaveLength(1);
    expect(early.html).not.toContain('Iran on 4 July 2023');
  });

  it('says so before the founding rather than failing', async () => {
    const before = await balanceSection.render({ ...base, date: '1999-01-01' });
    expect(before.html).toContain('founded on 2001-06-15');
    const csto = await balanceSection.render({ ...base, orgId: 'csto' });
    expect(csto.html).toContain('The departure of Uzbekistan on 20 December 2012');
  });
});
