import { describe, expect, it } from 'vitest';
import { COW_TO_ISO3, cowToIso3 } from '../../src/data/cow-iso3.js';
import { country, WORLD } from '../../src/data/dataset.js';
import { loadDataset } from '../../src/data/load.js';
import { nuclearWeaponStatesOn } from '../../src/data/nuclear.js';
import { isConcordError } from '../../src/errors.js';

const ds = loadDataset();

describe('country data', () => {
  it('has the 193 UN member states, without the Holy See', () => {
    expect(ds.countries.size).toBe(193);
    expect(ds.countries.has('VAT')).toBe(false);
    expect(ds.countries.has('TWN')).toBe(false);
    expect(country(ds, 'kaz').name).toBe('Kazakhstan');
  });

  it('records source, licence and year range in every data file', () => {
    for (const s of [ds.population, ds.gdp, ds.cinc]) {
      expect(s.meta.source.length).toBeGreaterThan(10);
      expect(s.meta.licence.length).toBeGreaterThan(3);
      expect(s.firstYear).toBeLessThan(s.lastYear);
    }
    expect(ds.population.firstYear).toBe(1960);
    expect(ds.population.lastYear).toBe(2024);
    expect(ds.gdp.lastYear).toBe(2023);
    expect(ds.cinc.lastYear).toBe(2016);
  });

  it('has world totals that match the sum of states to within the aggregates’ coverage', () => {
    const world = ds.population.get(WORLD, 2021)!;
    const sum = [...ds.countries.keys()].reduce((s, c) => s + (ds.population.get(c, 2021) ?? 0), 0);
    // WLD covers territories too (Taiwan is not in the WB data; Hong Kong, Puerto Rico… are): within 2%.
    expect(sum / world).toBeGreaterThan(0.97);
    expect(sum / world).toBeLessThan(1.0);
  });

  it('falls back to the latest earlier year only when a state lacks data', () => {
    expect(ds.gdp.commonYear(['CHN', 'RUS'], 2030)).toBe(2023);
    expect(ds.population.commonYear(['CHN'], 1950)).toBeNull();
    expect(ds.gdp.commonYear(['PRK'], 2020)).toBeNull();
  });

  it('defines Eurasia as the Europe and Asia states of the M49 scheme, counted whole', () => {
    expect(ds.countries.get('RUS')!.eurasia).toBe(true);
    expect(ds.countries.get('TUR')!.eurasia).toBe(true);
    expect(ds.countries.get('KAZ')!.eurasia).toBe(true);
    expect(ds.countries.get('EGY')!.eurasia).toBe(false);
    expect(ds.eurasiaAreaKm2).toBeGreaterThan(54e6);
    expect(ds.eurasiaAreaKm2).toBeLessThan(56e6);
  });

  it('rejects unknown codes with a suggestion', () => {
    try {
      country(ds, 'KAZA');
      expect.unreachable();
    } catch (e) {
      expect(isConcordError(e) && e.code).toBe('E_UNKNOWN_COUNTRY');
    }
    try {
      country(ds, 'China');
    } catch (e) {
      expect(isConcordError(e) && e.hint).toContain('CHN');
    }
  });
});

describe('COW → ISO3', () => {
  it('maps each COW state once and handles the abbreviations that collide with ISO3 codes', () => {
    const codes = COW_TO_ISO3.map((m) => m.ccode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(cowToIso3(305)).toBe('AUT'); // COW AUS = Austria
    expect(cowToIso3(900)).toBe('AUS'); // COW AUL = Australia
    expect(cowToIso3(712)).toBe('MNG'); // COW MON = Mongolia
    expect(cowToIso3(341)).toBe('MNE'); // COW MNG = Montenegro
    expect(cowToIso3(365)).toBe('RUS'); // USSR → Russia
    expect(cowToIso3(705)).toBe('KAZ');
    expect(cowToIso3(265)).toBeNull(); // GDR
  });

  it('gives the SCO members CINC scores, China above Russia in 2016', () => {
    for (const c of ['CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB', 'IND', 'PAK', 'IRN', 'BLR']) {
      expect(ds.cinc.get(c, 2016)).toBeGreaterThan(0);
    }
    expect(ds.cinc.get('CHN', 2016)!).toBeGreaterThan(ds.cinc.get('RUS', 2016)!);
    // The Soviet Union's score continues as Russia's.
    expect(ds.cinc.get('RUS', 1980)).toBeGreaterThan(0.1);
  });

  it('uses the continuing state when two COW states map to one ISO3 code in a year', () => {
    // 1990: both the FRG (260) and Germany (255) appear; Germany wins.
    expect(ds.cinc.get('DEU', 1990)).toBeGreaterThan(0);
    expect(ds.cinc.get('DEU', 1970)).toBeGreaterThan(0); // FRG years
  });
});

describe('nuclear-weapon states', () => {
  it('counts the declared states from their first test, never Israel', () => {
    expect(nuclearWeaponStatesOn('1960-01-01').map((s) => s.iso3)).toEqual(['USA', 'RUS', 'GBR']);
    expect(nuclearWeaponStatesOn('2021-04-29').map((s) => s.iso3)).toEqual([
      'USA',
      'RUS',
      'GBR',
      'FRA',
      'CHN',
      'IND',
      'PAK',
      'PRK',
    ]);
    expect(nuclearWeaponStatesOn('1998-05-27').some((s) => s.iso3 === 'PAK')).toBe(false);
    expect(ds.nuclear.find((s) => s.iso3 === 'ISR')!.status).toBe('undeclared');
  });
});
