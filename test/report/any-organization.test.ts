/**
 * Reports for any organization: sections only when they have content for it, the map fitted to its
 * members and partners (a world map when they span the world), and `--sections` checked.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { loadWorldTopology } from '../../src/data/topology.js';
import { loadOrganizations } from '../../src/org/load.js';
import { membersOn, partnersOn } from '../../src/org/organization.js';
import { fittedProjection, worldFeatures } from '../../src/report/charts/map.js';
import { renderReport } from '../../src/report/report.js';
import { SECTIONS } from '../../src/report/sections/index.js';
import { runCli } from '../helpers/cli.js';
import { reportContext } from '../helpers/report.js';

const ds = loadDataset();
const countries = [...ds.countries.values()];
const features = worldFeatures(loadWorldTopology());

describe('the ASEAN report', async () => {
  const r = await renderReport(SECTIONS, reportContext({ orgId: 'asean' }));

  it('has no SCO content: no claim check, no SCO forecasts or sweeps', () => {
    const ids = r.sections.map((s) => s.id);
    expect(ids).not.toContain('claims');
    expect(ids).not.toContain('forecasts');
    expect(ids).not.toContain('sweeps');
    expect(ids).toEqual(expect.arrayContaining(['organization', 'timeline', 'capacity', 'balance']));
    expect(r.html).not.toMatch(/\bSCO\b/);
    expect(r.summary).not.toMatch(/\bSCO\b/);
  });

  it('colours every ASEAN member on its map', () => {
    const members = new Set(
      [...r.html.matchAll(/data-iso3="(\w{3})" data-status="member"/g)].map((m) => m[1]),
    );
    const expected = membersOn(loadOrganizations().get('asean'), '2026-11-29').map((m) => m.iso3);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    for (const m of expected) expect(members, m).toContain(m);
  });
});

describe('the fitted map', () => {
  const frame = (iso3s: string[]) => fittedProjection(features, countries, iso3s, 960, 560);
  const inside = (iso3s: string[], projection = frame(iso3s).projection) => {
    const path = geoPath(projection);
    const numeric = new Map(countries.map((c) => [c.isoNumeric, c.iso3]));
    for (const f of features) {
      const iso3 = numeric.get(String(f.id));
      if (!iso3 || !iso3s.includes(iso3)) continue;
      const [[x0, y0], [x1, y1]] = path.bounds(f);
      expect([iso3, x0 >= 0 && y0 >= 0 && x1 <= 960 && y1 <= 560]).toEqual([iso3, true]);
    }
  };

  it('shows ASEAN and its observer whole, on a regional projection', () => {
    const org = loadOrganizations().get('asean');
    const states = [
      ...membersOn(org, '2026-11-29').map((m) => m.iso3),
      ...partnersOn(org, '2026-11-29').map((p) => p.iso3),
    ];
    expect(frame(states).kind).toBe('regional');
    inside(states);
  });

  it('leaves overseas territories out of the frame but keeps the mainland (France, the EU)', () => {
    const eu = membersOn(loadOrganizations().get('eu-council'), '2026-01-01').map((m) => m.iso3);
    const f = frame(eu);
    expect(f.kind).toBe('regional');
    // French Guiana is drawn off the frame: the map stays on Europe.
    const [x] = f.projection([-53, 4])!;
    expect(x < 0 || x > 960).toBe(true);
    inside(eu.filter((c) => c !== 'FRA' && c !== 'NLD' && c !== 'PRT' && c !== 'ESP'));
  });

  it('turns to a world projection when the states span the world', () => {
    expect(frame(['USA', 'CHN', 'BRA', 'AUS', 'ZAF']).kind).toBe('world');
  });
});

describe('concord report --sections and the written file', () => {
  it('rejects an unknown section with exit 2, listing the valid ones, and keeps the old report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-report-'));
    const out = join(dir, 'r.html');
    writeFileSync(out, 'the old report');
    const r = await runCli(['report', '--org', 'asean', '--out', out, '--sections', 'power']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown section "power"');
    for (const s of SECTIONS) expect(r.err).toContain(s.id);
    expect(readFileSync(out, 'utf8')).toBe('the old report');
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('rejects a section with no content for the organization', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-report-'));
    const r = await runCli([
      'report',
      '--org',
      'asean',
      '--out',
      join(dir, 'r.html'),
      '--sections',
      'forecasts',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('forecasts has no content for ASEAN');
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('writes the chosen sections whole, with no temporary file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-report-'));
    const out = join(dir, 'r.html');
    writeFileSync(out, 'the old report');
    const r = await runCli(['report', '--org', 'csto', '--out', out, '--sections', 'organization,capacity']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<\/html>\s*$/);
    expect([...html.matchAll(/<section id="(\w+)"/g)].map((m) => m[1])).toEqual(['organization', 'capacity']);
    expect(readdirSync(dir)).toEqual(['r.html']);
  });
});
