import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/report.js';
import { SECTIONS } from '../../src/report/sections/index.js';
import { reportContext } from '../helpers/report.js';

describe('the HTML report', async () => {
  const r = await renderReport(SECTIONS, reportContext());

  it('is self-contained: no scripts, no external resources, only links', () => {
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toMatch(/src="(https?:)?\/\//);
    expect(r.html).not.toMatch(/<link /);
    expect(r.html).not.toMatch(/@import|url\(/);
    // Every external reference is a link: <a href> and nothing else.
    for (const m of r.html.matchAll(/href="(https?:[^"]*)"/g)) expect(m.index! > 0).toBe(true);
    const hrefs = [...r.html.matchAll(/<(\w+)[^>]*\shref="https?:/g)].map((m) => m[1]);
    expect(new Set(hrefs)).toEqual(new Set(['a']));
  });

  it('turns every URL of a source into a link', () => {
    const outside = r.html.replace(/<a [^>]*>[^<]*<\/a>/g, '').replace(/\sxmlns(:\w+)?="https?:[^"]*"/g, '');
    expect(outside.match(/https?:\/\/\S{0,60}/g) ?? []).toEqual([]);
    expect(r.html).toContain('<a href="https://tass.com/world/2010381/amp" rel="noreferrer">');
  });

  it('colours members and partners on the map', () => {
    const members = [...r.html.matchAll(/data-iso3="(\w{3})" data-status="member"/g)].map((m) => m[1]);
    expect(new Set(members)).toEqual(
      new Set(['CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB', 'IND', 'PAK', 'IRN', 'BLR']),
    );
    expect(r.html).toMatch(/data-iso3="MNG" data-status="partner"/);
  });

  it('has a timeline lane per state and the stage marks', () => {
    expect((r.html.match(/class="lane"/g) ?? []).length).toBe(27);
    expect((r.html.match(/class="stage"/g) ?? []).length).toBe(4);
  });

  it('summarises every section for the terminal', () => {
    expect(r.sections.map((s) => s.id)).toEqual([
      'organization',
      'timeline',
      'facts',
      'claims',
      'capacity',
      'reform',
      'forecasts',
      'sweeps',
      'balance',
      'alignment',
      'fragmentation',
      'briefings',
    ]);
    expect(r.summary).toContain('10 members');
    expect(r.summary).toContain('world-population-share: does not hold');
  });

  it('shows the agreement heatmap, the camps network and the cohesion series with the enlargements', () => {
    const section = r.html.slice(
      r.html.indexOf('<section id="alignment"'),
      r.html.indexOf('<section id="fragmentation"'),
    );
    // 10 states today (8 members of 2001–2019, IRN and BLR with their earlier votes) and the USA: 11 × 10 cells.
    expect((section.match(/<g class="cell"/g) ?? []).length).toBe(110);
    expect((section.match(/<g class="node"/g) ?? []).length).toBe(11);
    expect((section.match(/class="enlargement-mark"/g) ?? []).length).toBe(3);
    expect(section).toMatch(/95% bootstrap interval|puts Q between/);
    expect(r.summary).toMatch(/CHN–RUS: same vote on \d\d\.\d% of \d{4} roll calls 2001-06-15 – 2026-06-04/);
    expect(r.summary).toMatch(/2017-06-09 \+IND, PAK: cohesion \(AI\) 0\.\d{3} before → 0\.\d{3} after/);
    expect(r.summary).toMatch(/2023-07-04 \+IRN: cohesion \(AI\) 0\.\d{3} before → 0\.\d{3} after/);
    expect(r.summary).toMatch(/2024-07-04 \+BLR: cohesion \(AI\) 0\.\d{3} before → 0\.\d{3} after/);
  });

  it('answers "Did enlargement fragment the SCO?" with the 2017, 2023 and 2024 stages', () => {
    const section = r.html.slice(r.html.indexOf('<section id="fragmentation"'));
    expect(section).toContain('Did enlargement fragment the SCO?');
    for (const d of ['2017-06-09', '2023-07-04', '2024-07-04']) expect(section).toContain(d);
    expect(section).toMatch(/of which composition/);
    expect(section).toMatch(/(stronger|no stronger) than chance/);
    expect(section).toContain('CHN–RUS agreement per year');
    expect(section).toMatch(/<td class="num">2026<\/td>|<td>2026<\/td>/);
    expect(r.summary).toMatch(
      /Did enlargement fragment the SCO\?\n {2}On [\d,]+ UN General Assembly roll calls/,
    );
  });
});

describe('the report as a reader uses it', async () => {
  const r = await renderReport(SECTIONS, reportContext());

  it('has a table of contents and a permalink on every section', () => {
    for (const s of r.sections) {
      expect(r.html).toContain(`<li><a href="#${s.id}">`);
      expect(r.html).toContain(`<a class="permalink" href="#${s.id}"`);
    }
  });

  it('lets every chart download as SVG and every table as CSV', () => {
    const charts = (r.html.match(/<svg\b/g) ?? []).length;
    const svgLinks = (r.html.match(/download="[^"]+\.svg" href="data:image\/svg\+xml;base64,/g) ?? []).length;
    expect(svgLinks).toBe(charts);
    const tables = (r.html.match(/<table\b/g) ?? []).length;
    const briefingTables = (
      r.html.match(/<details><summary>Data table<\/summary><div class="table-scroll"/g) ?? []
    ).length;
    const csvLinks = (r.html.match(/download="[^"]+\.csv" href="data:text\/csv/g) ?? []).length;
    // Each table has its CSV; a briefing figure's table shares the figure's CSV link.
    expect(csvLinks).toBe(tables);
    expect(briefingTables).toBeGreaterThan(0);
  });
});
