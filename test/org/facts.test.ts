import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { computeFacts } from '../../src/org/facts.js';
import { loadOrganizations } from '../../src/org/load.js';
import { snapshot } from '../../src/org/snapshot.js';

const ds = loadDataset();
const reg = loadOrganizations();

describe('aggregate facts', () => {
  it('matches the acceptance figures for the SCO on 2021-04-29', () => {
    const f = snapshot(reg, ds, 'sco', '2021-04-29').facts;
    expect(f.areaKm2 / 1e6).toBeCloseTo(34.49, 1);
    expect(f.population!.year).toBe(2021);
    expect(f.population!.value).toBeGreaterThan(3.2e9);
    expect(f.population!.value).toBeLessThan(3.3e9);
    expect(f.worldPopulationShare!).toBeGreaterThan(0.41);
    expect(f.worldPopulationShare!).toBeLessThan(0.42);
    expect(f.nuclearStates.sort()).toEqual(['CHN', 'IND', 'PAK', 'RUS']);
    expect(f.cinc!.year).toBe(2016);
  });

  it('equals the sum of the states’ own figures (a brute-force check)', () => {
    const states = ['CHN', 'RUS', 'KAZ'];
    const f = computeFacts(ds, states, '2010-05-05');
    expect(f.population!.value).toBe(states.reduce((s, c) => s + ds.population.get(c, 2010)!, 0));
    expect(f.gdpUsd!.value).toBe(states.reduce((s, c) => s + ds.gdp.get(c, 2010)!, 0));
    expect(f.areaKm2).toBe(states.reduce((s, c) => s + ds.countries.get(c)!.areaKm2, 0));
  });

  it('names the data year and explains a fallback', () => {
    const f = computeFacts(ds, ['CHN'], '2026-11-29');
    expect(f.gdpUsd!.year).toBe(2023);
    expect(f.notes.some((n) => n.startsWith('GDP: 2026 not available'))).toBe(true);
  });

  it('counts no area outside Eurasia in the Eurasia share', () => {
    const f = computeFacts(ds, ['EGY'], '2020-01-01');
    expect(f.eurasiaAreaShare).toBe(0);
    expect(f.areaKm2).toBeGreaterThan(1e6);
  });
});
