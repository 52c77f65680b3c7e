// Issue 12: hostile files through every CLI input path (scenario YAML/JSON, KTAB, DECIDE and
// DEU-style tables, capabilities files, game files, rule files, claims files, sweep scenarios):
// alias bombs, nesting deeper than any schema recurses, numbers at the ends of the doubles, dates
// at the edges of the calendar, NUL bytes, ragged rows, large-but-allowed inputs. The CLI answers
// with exit 0 or a ConcordError (exit 2), never an internal error (exit 1), within a time bound.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-cli-fuzz-'));
let n = 0;
function file(ext: string, text: string): string {
  const p = join(dir, `f${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
}

const BOMB =
  'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';

function deepRule(levels: number): unknown {
  let r: unknown = 'consensus';
  for (let i = 0; i < levels; i++) r = { any: [r] };
  return r;
}

const numbers = [1e308, -1e308, 1.7976931348623157e308, 5e-324, -0, 2 ** 53 + 2, 1e-320];
const dates = [
  '0000-01-01',
  '1899-12-31',
  '1900-02-29',
  '2000-02-29',
  '2100-12-31',
  '2101-01-01',
  '9999-12-31',
  '2024-02-30',
];

/** Every input path of the CLI, each with a command that reads a file of that kind. */
const PATHS: Array<{ name: string; ext: string; args: (f: string) => string[] }> = [
  { name: 'forecast scenario', ext: 'yaml', args: (f) => ['forecast', f] },
  { name: 'backtest scenario', ext: 'yaml', args: (f) => ['backtest', f] },
  {
    name: 'sweep scenario',
    ext: 'yaml',
    args: (f) => ['sweep', f, '--runs', '100', '--executor', 'inline', '--store', join(dir, 's.sqlite')],
  },
  { name: 'KTAB table', ext: 'csv', args: (f) => ['forecast', f, '--format', 'ktab'] },
  { name: 'DECIDE table', ext: 'txt', args: (f) => ['forecast', f, '--format', 'decide'] },
  {
    name: 'DEU table',
    ext: 'tsv',
    args: (f) => ['forecast', f, '--format', 'deu', '--capabilities', 'equal'],
  },
  {
    name: 'capabilities file',
    ext: 'csv',
    args: (f) => ['forecast', 'test/fixtures/bargaining/deu-small.tsv', '--capabilities', f],
  },
  { name: 'game file', ext: 'yaml', args: (f) => ['power', f] },
  { name: 'rule file', ext: 'yaml', args: (f) => ['capacity', 'sco', '--rule', f, '--no-eu'] },
  { name: 'claims file', ext: 'yaml', args: (f) => ['claims', f] },
];

const scenarioWith = (v: unknown, date: string) =>
  JSON.stringify({
    id: 'x',
    date,
    organization: 'sco',
    capability: 'gdp',
    actors: { ZZZ: { capability: v } },
    issues: [
      {
        id: 'i',
        statusQuo: 0,
        scale: [0, typeof v === 'number' ? v : 100],
        positions: { ZZZ: { position: 0, salience: 1 } },
      },
    ],
  });

const contents = fc.oneof(
  fc.constant(BOMB),
  fc
    .integer({ min: 30, max: 1500 })
    .map((d) => JSON.stringify({ players: [{ id: 'A' }], rule: deepRule(d), id: 'x' })),
  fc.integer({ min: 30, max: 1500 }).map((d) => `${'['.repeat(d)}1${']'.repeat(d)}`),
  fc.tuple(fc.constantFrom(...numbers), fc.constantFrom(...dates)).map(([v, d]) => scenarioWith(v, d)),
  fc.constantFrom(...numbers).map((v) => `id\tpA\tsA\tpB\tsB\trp\nc\t${v}\t${v}\t1\t1\t${v}\n`),
  fc
    .constantFrom(...numbers)
    .map((v) => `Scenario,x\nActor,Desc,Cap,Pos,Sal\nA,a,${v},${v},1\nB,b,1,1,${v}\n`),
  fc.constantFrom(...numbers).map((v) => `actor,capability\nA,${v}\nB,${v}\nC,1\n`),
  fc.constant('#A\tA\n#P\tx\n#D\tA\t1e308\t1\n'),
  fc.constant('id\tpA\tsA\trule\nc\t1\t1\tnot-a-rule\n'),
  fc.constant('a,b\n"unterminated\n'),
  fc.constant('key: value\u0000\n'),
  fc.constant(''),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(...dates).map((d) => `id: c\ndocument: d\norganization: sco\ndate: ${d}\nclaims: []\n`),
);

describe('the CLI under hostile files', () => {
  it('answers every input path with exit 0 or 2, never 1, within a time bound', {
    timeout: 600_000,
  }, async () => {
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: PATHS.length - 1 }), contents, async (k, text) => {
        const p = PATHS[k]!;
        const f = file(p.ext, text);
        const t = performance.now();
        const r = await runCli(p.args(f));
        const ms = performance.now() - t;
        expect([0, 2], `${p.name}: ${r.err.slice(0, 400)}`).toContain(r.code);
        const code = /error \[(E_[A-Z_]+)\]/.exec(r.err)?.[1] ?? String(r.code);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        expect(r.err).not.toMatch(/ZodError|internal error/);
        expect(ms, p.name).toBeLessThan(20_000);
      }),
      { numRuns: 120, seed: 12 },
    );
    // The files reached the parsers and validators (not only "file not found").
    expect(codes.get('E_FILE_UNREADABLE') ?? 0).toBeLessThan(10);
    expect(codes.size).toBeGreaterThan(3);
  });

  it('refuses an oversized file by its size before parsing it', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, `{"players":[${'{"id":"P","weight":1},'.repeat(800_000)}{"id":"Q"}]}`); // 17 MB
    const t = performance.now();
    const r = await runCli(['power', big]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_LIMIT');
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('takes large but allowed inputs: 2,000 players, 300 actors', { timeout: 120_000 }, async () => {
    const players = Array.from({ length: 2000 }, (_, i) => `  - { id: P${i}, weight: ${1 + (i % 50)} }`).join(
      '\n',
    );
    const g = file('yaml', `players:\n${players}\nrule: { sum: weight, moreThanShare: 0.5 }\n`);
    const r = await runCli(['power', g, '--method', 'montecarlo', '--samples', '2000', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).players).toHaveLength(2000);
    const actors = Array.from({ length: 300 }, (_, i) => `A${i}`);
    const s = file(
      'yaml',
      `id: big\nactors:\n${actors.map((a, i) => `  ${a}: { capability: ${1 + (i % 9)} }`).join('\n')}\nissues:\n  - id: i\n    statusQuo: 0\n    positions:\n${actors.map((a, i) => `      ${a}: { position: ${(i * 37) % 101}, salience: 0.5 }`).join('\n')}\n`,
    );
    const f = await runCli(['forecast', s, '--model', 'consensus', 'compromise', 'median', 'nash']);
    expect(f.code, f.err).toBe(0);
    // With eum the CLI first says what it is in for, and how to be faster.
    const e = await runCli(['forecast', s, '--model', 'eum', '--max-rounds', '1']);
    expect(e.code, e.err).toBe(0);
  });

  it('says before a long computation how long it will take and how to be faster', async () => {
    const players = Array.from({ length: 400 }, (_, i) => `  - { id: P${i}, weight: ${1 + (i % 50)} }`).join(
      '\n',
    );
    const g = file('yaml', `players:\n${players}\nrule: { sum: weight, moreThanShare: 0.5 }\n`);
    const r = await runCli(['power', g, '--method', 'montecarlo', '--samples', '200000', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/will take about \d+ s.*fewer --samples/s);
  }, 120_000);
});
