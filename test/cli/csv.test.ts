/**
 * Tidy exports: the one CSV writer (quoting, formula injection), `--format csv` on every command,
 * the API's CSV (`?format=csv`, `Accept: text/csv`) byte for byte equal to the command line's, and
 * sweep rows with the sampled inputs of each replicate.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { csvCell, toCsv } from '../../src/util/csv.js';
import { runCli } from '../helpers/cli.js';
import { type TestServer, testServer } from '../helpers/server.js';

const root = join(import.meta.dirname, '..', '..');

describe('the CSV writer', () => {
  it('escapes cells that a spreadsheet would run as formulas (OWASP)', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+SUM(A1)')).toBe(`"'+SUM(A1)"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@cmd')).toBe(`"'@cmd"`);
    expect(csvCell('\t=x')).toBe(`"'\t=x"`);
    expect(csvCell('\r=x')).toBe(`"'\r=x"`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Numbers stay numbers; plain text stays as it is.
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('CHN')).toBe('CHN');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('round-trips any text through a standard CSV parser, formula cells with their apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 20 }),
        (rows) => {
          const text = toCsv(
            ['a', 'b'],
            rows.map(([a, b]) => ({ a, b })),
          );
          const back = parse(text, { columns: true, relax_column_count: false }) as Array<{
            a: string;
            b: string;
          }>;
          const expected = rows.map(([a, b]) => ({
            a: /^[=+\-@\t\r]/.test(a!) ? `'${a}` : a,
            b: /^[=+\-@\t\r]/.test(b!) ? `'${b}` : b,
          }));
          expect(back).toEqual(expected);
        },
      ),
    );
  });
});

describe('--format csv and the API give the same bytes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(async () => {
    await s.close();
  });
  const api = async (url: string, headers: Record<string, string> = {}) => {
    const r = await s.app.inject({ method: 'GET', url, headers });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    return r.body;
  };
  const cli = async (...argv: string[]) => {
    const r = await runCli(argv, root);
    expect(r.code, r.err).toBe(0);
    return `${r.out}\n`;
  };
  const cases: Array<[string, string[], string]> = [
    ['org', ['org', 'sco', '--at', '2021-04-29', '--format', 'csv'], '/api/orgs/sco?at=2021-04-29'],
    ['capacity', ['capacity', 'eu-council', '--format', 'csv'], '/api/orgs/eu-council/capacity'],
    ['power', ['power', 'eec-1958', '--format', 'csv'], '/api/games/eec-1958/power'],
    [
      'power --org',
      ['power', '--org', 'sco', '--at', '2024-07-04', '--format', 'csv'],
      '/api/orgs/sco/power?at=2024-07-04',
    ],
    [
      'forecast',
      ['forecast', 'scenarios/sco/01-rats-2002.yaml', '--format', 'csv'],
      '/api/scenarios/sco-rats-2002/forecast',
    ],
    ['backtest', ['backtest', 'scenarios/sco', '--format', 'csv'], '/api/backtest'],
    [
      'balance',
      ['balance', 'sco', '--measure', 'gdp', '--format', 'csv'],
      '/api/orgs/sco/balance?measure=gdp',
    ],
    [
      'alignment',
      ['alignment', 'sco', '--from', '2010', '--to', '2019', '--format', 'csv'],
      '/api/orgs/sco/alignment?from=2010&to=2019',
    ],
  ];
  it.each(cases)('%s', async (_name, argv, url) => {
    const fromCli = await cli(...argv);
    const sep = url.includes('?') ? '&' : '?';
    expect(await api(`${url}${sep}format=csv`)).toBe(fromCli);
    expect(await api(url, { accept: 'text/csv' })).toBe(fromCli);
    // A long table: one header, then rows with as many cells.
    const rows = parse(fromCli, { columns: false }) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r.length).toBe(rows[0]!.length);
  });

  it('still answers JSON without format=csv, and rejects another format', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/orgs/sco?at=2021-04-29' });
    expect(r.headers['content-type']).toMatch(/json/);
    const bad = await s.app.inject({ method: 'GET', url: '/api/orgs/sco?format=xlsx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('query.format');
  });
});

describe('sweep exports', () => {
  it('carry every replicate’s sampled inputs, from which the outcome is recomputed, and match the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-csv-'));
    const storePath = join(dir, 's.sqlite');
    const toy = join(root, 'test/fixtures/sweep/toy.yaml');
    const sw = await runCli(
      [
        'sweep',
        toy,
        '--adapter',
        'synthetic',
        '--seed',
        '5',
        '--runs',
        '200',
        '--store',
        storePath,
        '--json',
      ],
      root,
    );
    expect(sw.code, sw.err).toBe(0);
    const id = JSON.parse(sw.out).run.id as string;
    const exp = await runCli(['runs', 'export', id, '--store', storePath, '--format', 'csv'], root);
    expect(exp.code, exp.err).toBe(0);
    const rows = parse(exp.out, { columns: true, cast: true }) as Array<Record<string, number | string>>;
    const cols = Object.keys(rows[0]!);
    expect(cols.slice(0, 9)).toEqual([
      'replicate',
      'point',
      'issue',
      'model',
      'outcome',
      'adopted',
      'blockers',
      'participants',
      'rounds',
    ]);
    // One column per uncertain input: 4 positions, 4 saliences, 4 capabilities.
    expect(cols.slice(9).sort()).toEqual(
      ['A', 'B', 'C', 'D'].flatMap((a) => [`capability.${a}`, `position.x.${a}`, `salience.x.${a}`]).sort(),
    );
    // The toy `mean` model is the capability × salience weighted mean of the positions: recompute
    // it from the exported inputs (the capability factor multiplies the base share; the rescaling
    // cancels in the mean).
    const base: Record<string, number> = { A: 0.4, B: 0.3, C: 0.2, D: 0.1 };
    const means = rows.filter((r) => r.model === 'mean');
    expect(means).toHaveLength(200);
    for (const r of means) {
      let num = 0;
      let den = 0;
      for (const a of Object.keys(base)) {
        const w = base[a]! * (r[`capability.${a}`] as number) * (r[`salience.x.${a}`] as number);
        num += w * (r[`position.x.${a}`] as number);
        den += w;
      }
      expect(r.outcome as number).toBeCloseTo(num / den, 6);
    }
    // The inputs vary across replicates and D's triangular position stays in [10, 60].
    const d = means.map((r) => r['position.x.D'] as number);
    expect(new Set(d).size).toBe(200);
    expect(Math.min(...d)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...d)).toBeLessThanOrEqual(60);

    // The API's export is the same bytes.
    const store = await openStore(storePath);
    const { token } = await store.createToken((await store.getRun(id))!.workspace);
    const s = await testServer({ store });
    try {
      const r = await s.app.inject({
        method: 'GET',
        url: `/api/runs/${id}/export?format=csv`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.body).toBe(`${exp.out}\n`);
    } finally {
      await s.close();
    }
  });
});
