import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, runCli } from '../helpers/cli.js';

// Three actors with a numeric field `seats` (given by two of them only: `partial`), no data set needed.
const FIELDS = `id: fields
title: a field as capability
capability: equal
actors:
  A: { fields: { seats: 8, partial: 1 } }
  B: { fields: { seats: 1, partial: 1 } }
  C: { fields: { seats: 1 } }
issues:
  - id: x
    scale: [0, 100]
    positions:
      A: { position: 0, salience: 1 }
      B: { position: 100, salience: 1 }
      C: { position: 100, salience: 1 }
`;

describe('capability yardsticks', () => {
  it('--capability-sensitivity gives every model under gdp, cinc, population, milex and equal', async () => {
    const r = await run(
      'forecast',
      'scenarios/sco/12-development-strategy-2030.yaml',
      '--capability-sensitivity',
      '--json',
    );
    expect(r.code).toBe(0);
    const cs = JSON.parse(r.out).capabilitySensitivity;
    expect(cs.yardsticks.map((y: { capability: string }) => y.capability)).toEqual([
      'gdp',
      'cinc',
      'population',
      'milex',
      'equal',
    ]);
    // SIPRI military expenditure covers the SCO members in 2020: available, and it moves the forecast
    const milex = cs.yardsticks[3];
    expect(milex.available).toBe(true);
    expect(milex.forecasts['strategy-2030'].compromise).not.toBeCloseTo(
      cs.yardsticks[0].forecasts['strategy-2030'].compromise,
      3,
    );
    const gdp = cs.yardsticks[0].forecasts['strategy-2030'];
    const pop = cs.yardsticks[2].forecasts['strategy-2030'];
    // the yardstick moves the weighted models: India's population weight differs from its GDP weight
    expect(gdp.compromise).not.toBeCloseTo(pop.compromise, 3);
    const [lo, hi] = cs.range['strategy-2030'].compromise;
    expect(lo).toBeLessThanOrEqual(Math.min(gdp.compromise, pop.compromise));
    expect(hi).toBeGreaterThanOrEqual(Math.max(gdp.compromise, pop.compromise));
  });

  it('capabilities the file gives for every actor are labelled given, not equal, and say they were rescaled', async () => {
    const r = await run('forecast', 'scenarios/examples/car.yaml', '--model', 'compromise', '--json');
    const cap = JSON.parse(r.out).scenario.capability;
    expect(cap.source).toBe('given');
    expect(cap.note).toMatch(/sum to 1\.01/);
  });

  it('a numeric field of the actors is a yardstick too; one not every actor gives is unavailable, with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-capfield-'));
    writeFileSync(join(dir, 'f.yaml'), FIELDS);
    const r = await runCli(
      ['forecast', 'f.yaml', '--model', 'compromise', '--capability-sensitivity', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const cs = JSON.parse(r.out).capabilitySensitivity;
    const by = Object.fromEntries(cs.yardsticks.map((y: { capability: string }) => [y.capability, y]));
    expect(Object.keys(by)).toEqual(['gdp', 'cinc', 'population', 'milex', 'equal', 'partial', 'seats']);
    // the weighted mean by seats 8:1:1 is 20, by equal weights 66.7 (salience 1 each)
    expect(by.seats.available).toBe(true);
    expect(by.seats.forecasts.x.compromise).toBeCloseTo(20, 6);
    expect(by.equal.forecasts.x.compromise).toBeCloseTo(200 / 3, 6);
    expect(by.partial.available).toBe(false);
    expect(by.partial.note).toMatch(/C gives no "partial"/);
    // no date: the data set's yardsticks are unavailable, not an error
    expect(by.gdp.available).toBe(false);
  });

  it('capability: <field> in a file uses the field, and a missing field is an error naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-capfield-'));
    writeFileSync(join(dir, 'f.yaml'), FIELDS.replace('capability: equal', 'capability: seats'));
    writeFileSync(join(dir, 'g.yaml'), FIELDS.replace('capability: equal', 'capability: partial'));
    const r = await runCli(['forecast', 'f.yaml', '--model', 'compromise', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.scenario.capability.source).toBe('seats');
    const bad = await runCli(['forecast', 'g.yaml', '--model', 'compromise'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/actors\.C\.fields\.partial/);
  });
});
