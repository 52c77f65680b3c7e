/**
 * Organizations of one's own: a file given by path wherever an organization id is taken, the
 * directories of CONCORD_ORG_PATH, and their bad input (exit 2 naming the file and the field).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { testServer } from '../helpers/server.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'orgs');
const saved = process.env.CONCORD_ORG_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CONCORD_ORG_PATH;
  else process.env.CONCORD_ORG_PATH = saved;
});

describe('an organization file by path', () => {
  it('computes the capacity under its own population rule', async () => {
    const r = await runCli(['capacity', './nordic.yaml', '--no-eu', '--json'], fixtures);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.organization.id).toBe('nordic');
    const own = j.stages[0].outcomes[0];
    // 5 members, more than half (3+) holding at least 60% of the population: fewer coalitions win
    // than under the plain majority (16 of 32).
    expect(own.passageProbability).toBeGreaterThan(0);
    expect(own.passageProbability).toBeLessThan(0.5);
    expect(j.stages[0].dataYears.population).toBe(1971);
  });

  it('works in org, timeline, balance and power --org', async () => {
    for (const argv of [
      ['org', 'nordic.yaml', '--at', '2020-01-01', '--json'],
      ['timeline', './nordic.yaml', '--json'],
      ['balance', './nordic.yaml', '--measure', 'population', '--json'],
      ['power', '--org', './nordic.yaml', '--at', '2020-01-01', '--json'],
    ]) {
      const r = await runCli(argv, fixtures);
      expect(r.err, argv.join(' ')).toBe('');
      expect(r.code).toBe(0);
    }
  });
});

describe('CONCORD_ORG_PATH', () => {
  it('adds the organizations of its directories by id', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'concord-orgs-'));
    process.env.CONCORD_ORG_PATH = `${empty}:${fixtures}`;
    const r = await runCli(['org', 'nordic', '--at', '2020-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).members).toHaveLength(5);
    const list = await runCli(['orgs', '--json']);
    expect(JSON.parse(list.out).map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining(['nordic', 'sco', 'eu-council']),
    );
  });

  it('serves them by id over the API, CSV included', async () => {
    process.env.CONCORD_ORG_PATH = fixtures;
    const s = await testServer();
    try {
      const r = await s.app.inject({ method: 'GET', url: '/api/orgs/nordic/capacity?eu=false' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().organization.id).toBe('nordic');
      const csv = await s.app.inject({ method: 'GET', url: '/api/orgs/nordic?at=2020-01-01&format=csv' });
      expect(csv.body.split('\n')).toHaveLength(1 + 5 + 1);
    } finally {
      await s.close();
    }
  });

  it('rejects an entry that is not a directory, naming it', async () => {
    process.env.CONCORD_ORG_PATH = `${fixtures}:${join(fixtures, 'nordic.yaml')}`;
    const r = await runCli(['org', 'sco']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CONCORD_ORG_PATH entry 2');
    expect(r.err).toContain('nordic.yaml');
    expect(r.err).toContain('is not a directory');
  });

  it('rejects two files with one id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-orgs-'));
    writeFileSync(
      join(dir, 'sco2.yaml'),
      'id: sco\nname: X\nshortName: X\nfounded: 2000-01-01\nmemberships: [{ state: FRA, status: member, from: 2000-01-01, source: s }]\n',
    );
    process.env.CONCORD_ORG_PATH = dir;
    const r = await runCli(['org', 'sco']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sco2\.yaml: id "sco" is already taken by data\/organizations\/sco\.yaml/);
  });
});

describe('an organization file that fails its schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bad-org-'));
  mkdirSync(dir, { recursive: true });
  const bad = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  it('names the file and the field (a bad state code)', async () => {
    const f = bad(
      'state.yaml',
      'id: x\nname: X\nshortName: X\nfounded: 2000-01-01\nmemberships: [{ state: FRANCE, status: member, from: 2000-01-01, source: s }]\n',
    );
    const r = await runCli(['capacity', f], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('state.yaml');
    expect(r.err).toContain('memberships[0].state');
  });
  it('names the file and the field (an unknown rule field)', async () => {
    const f = bad(
      'rule.yaml',
      'id: x\nname: X\nshortName: X\nfounded: 2000-01-01\nrule: { sum: population, atleast: 3 }\nmemberships: [{ state: FRA, status: member, from: 2000-01-01, source: s }]\n',
    );
    const r = await runCli(['org', f], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rule.yaml');
    expect(r.err).toContain('rule');
  });
  it('says which member lacks the data a rule field needs', async () => {
    const f = bad(
      'gdp.yaml',
      'id: x\nname: X\nshortName: X\nfounded: 2000-01-01\nrule: { sum: gdp, atLeastShare: 0.6 }\nmemberships:\n  - { state: FRA, status: member, from: 2000-01-01, source: s }\n  - { state: PRK, status: member, from: 2000-01-01, source: s }\n',
    );
    const r = await runCli(['capacity', f, '--no-eu'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown field "gdp"');
    expect(r.err).toContain('none for PRK');
  });
  it('names a missing file', async () => {
    const r = await runCli(['capacity', './nowhere.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nowhere.yaml');
  });
});
