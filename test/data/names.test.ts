/**
 * Country names in en/ru/zh-Hans (data/generated/country-names.json): every country Concord knows
 * has all three, the SCO's states have the forms checked in data/names/countries.yaml, the Chinese
 * is Simplified, and every override names its source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countryName, countryNames, loadCountryNames, loadDataset } from '../../src/data/load.js';
import { FORMER_STATE_NAMES } from '../../src/data/unga-names.js';
import { loadOrganizations } from '../../src/org/load.js';

/** Characters that exist only in Traditional Chinese (their Simplified forms differ), among those of country names. */
const TRADITIONAL = /[馬頓灣華國東蘭門亞爾蓋納薩羅維爾濟蘇裡烏幾內亞]/;

describe('country names', () => {
  const file = loadCountryNames();

  it('gives every country of the data set and every former state of the UN record a name in each language', () => {
    const codes = [...loadDataset().countries.keys(), ...Object.keys(FORMER_STATE_NAMES)];
    const missing = codes.filter((c) => {
      const row = file.names[c];
      if (!row) return true;
      return row.length !== 3 || row.some((n) => !n || n.trim() !== n);
    });
    expect(missing).toEqual([]);
    expect(Object.keys(file.names).length).toBe(codes.length);
  });

  it('writes Chinese names in Simplified characters', () => {
    const traditional = Object.entries(file.names).filter(([, row]) => TRADITIONAL.test(row[2]));
    expect(traditional).toEqual([]);
  });

  it('uses the SCO’s own forms for its states', () => {
    expect(countryName('KGZ', 'ru')).toBe('Кыргызстан');
    expect(countryName('KGZ', 'zh-Hans')).toBe('吉尔吉斯斯坦');
    expect(countryName('BLR', 'ru')).toBe('Беларусь');
    expect(countryName('MNG', 'zh-Hans')).toBe('蒙古国');
    expect(countryName('IND', 'zh-Hans')).toBe('印度');
    expect(countryName('PAK', 'zh-Hans')).toBe('巴基斯坦');
    expect(countryName('chn', 'en')).toBe('China');
    expect(countryName('XYZ', 'ru')).toBe('XYZ');
    expect(countryNames('ru').RUS).toBe('Россия');
  });

  it('checks every state that has held an SCO status, and records each override with a source', () => {
    const spec = parse(readFileSync('data/names/countries.yaml', 'utf8')) as {
      sco: Array<{ iso3: string; ru: string; zh: string; source: string }>;
    };
    const checked = new Set(spec.sco.map((e) => e.iso3));
    const sco = loadOrganizations().get('sco');
    const states = [...new Set(sco.memberships.map((m) => m.state))].sort();
    expect(states.filter((s) => !checked.has(s))).toEqual([]);
    for (const e of spec.sco) {
      expect(countryName(e.iso3, 'ru'), e.iso3).toBe(e.ru);
      expect(countryName(e.iso3, 'zh-Hans'), e.iso3).toBe(e.zh);
      expect(e.source, e.iso3).toBeTruthy();
    }
    for (const o of file.meta.overrides) expect(o.source, `${o.iso3} ${o.locale}`).toBeTruthy();
    expect(file.meta.overrides.map((o) => `${o.iso3}:${o.locale}`)).toContain('KGZ:ru');
    expect(file.meta.confirmed).toContain('CHN');
  });
});
