/**
 * The importers on files as their tools write them (test/fixtures/import/README.md says which are
 * real and which are shaped exactly like the real ones), and the long-table reader on CSV, TSV and
 * XLSX, with the bad input of issue 18: ragged rows, unknown columns, duplicate actor–issue rows, a
 * position outside the scale.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { forecastAll } from '../../src/bargaining/forecast.js';
import { ConcordError } from '../../src/errors.js';
import { compileRule } from '../../src/rules/evaluate.js';
import { councilRule } from '../../src/scenario/import/council.js';
import { parseDeuDate } from '../../src/scenario/import/deu.js';
import { councilOn, detectFormat, loadFile } from '../../src/scenario/load.js';

const DIR = 'test/fixtures/import';
const cwd = process.cwd();

function error(fn: () => unknown): ConcordError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcordError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

function tmp(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'concord-import-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

describe('DECIDE input files as the decide package writes them (single-quoted, tab-separated)', () => {
  it('detects and reads quoted records, empty comments and an #M scale of 0.5–7', () => {
    expect(detectFormat('x.txt', "'#A'\t'Alpha'\t'Alpha'\t'Test'\n")).toBe('decide');
    const [l] = loadFile(`${DIR}/decide-quoted.txt`, cwd);
    const s = l!.scenario;
    expect(s.actors.map((a) => a.id)).toEqual(['Alpha', 'Beta', 'Gamma_grp']);
    expect(Array.from(s.capability)).toEqual([0.5, 0.3, 0.2]);
    const level = s.issues.find((i) => i.id === 'toll-level')!;
    expect([level.lo[0], level.hi[0]]).toEqual([0.5, 7]);
    expect(level.has[2]).toBe(0); // no #D line: no position
    const city = s.issues.find((i) => i.id === 'toll-city')!;
    const f = forecastAll(s, { models: ['compromise'] }).find((x) => x.issue.id === 'toll-city')!;
    const w = [1 * 0.95, 0.6 * 0.8, 0.4 * 0.6];
    expect(f.compromise![0]).toBeCloseTo(
      (w[0]! * 100 + w[1]! * 50 + w[2]! * 0) / (w[0]! + w[1]! + w[2]!),
      12,
    );
    expect(city.title).toBe('toll-city');
  });

  it('names the line of a bad quoted record', () => {
    const f = tmp('bad.txt', "'#A'\t'Alpha'\t'Alpha'\n'#D'\t'Alpha'\t'x'\t1\t0.5\t1\n");
    expect(error(() => loadFile(f, cwd)).message).toMatch(
      /bad\.txt:2: column issue: "x" is not defined by a #P line/,
    );
  });
});

describe("KTAB's shipped example CSVs", () => {
  it('reads dummyData_3Dim.csv (3 dimensions, final commas)', () => {
    const [l] = loadFile(`${DIR}/ktab-dummyData_3Dim.csv`, cwd);
    expect(l!.scenario.actors).toHaveLength(7);
    expect(l!.scenario.issues[0]!.dims).toBe(3);
    expect(l!.scenario.issues[0]!.position[0]).toBeCloseTo(75.79, 10);
  });

  it('reads SOE-Pol-Comp.csv (named dimensions, padded numbers) and dummyData-a040.csv (spaces after commas)', () => {
    const [a] = loadFile(`${DIR}/ktab-SOE-Pol-Comp.csv`, cwd);
    expect(a!.scenario.actors).toHaveLength(13);
    expect(a!.scenario.issues[0]!.dimensionIds).toEqual(['Policy_Position', 'Competitive_Position']);
    const [b] = loadFile(`${DIR}/ktab-dummyData-a040.csv`, cwd);
    expect(b!.scenario.actors).toHaveLength(40);
    expect(b!.scenario.issues[0]!.dims).toBe(1);
  });
});

describe('DEU tables as published', () => {
  const load = (opts = {}) => loadFile(`${DIR}/deu3-shaped.csv`, cwd, opts);

  it('takes p/s pairs as actors only when both exist; every other column is metadata, kept', () => {
    const ls = load();
    const s = ls[0]!.scenario;
    expect(s.actors).toHaveLength(30);
    expect(s.actors.slice(0, 3).map((a) => a.id)).toEqual(['COM', 'EP', 'AUT']);
    expect(s.actors.map((a) => a.id)).toContain('HRV'); // DEU's "cr"
    expect(s.actors.map((a) => a.id)).not.toContain('EPPPTY'); // pepppty has no sepppty
    const summary = ls[0]!.summary!;
    expect(summary.metadata).toEqual([
      'prnr',
      'prname',
      'isnrnmc',
      'proc',
      'intro',
      'finact',
      'pepppty',
      'post04',
    ]);
    expect(s.issues[0]!.metadata).toMatchObject({ prnr: 'COM(2012)0011', proc: 'COD', pepppty: '40' });
  });

  it('counts absent actors, default saliences and missing-data codes, by reason', () => {
    const summary = load()[0]!.summary!;
    const count = (re: RegExp) => summary.counts.find((c) => re.test(c.reason))?.count;
    expect(count(/salience without a position/)).toBe(1);
    expect(count(/position without a salience/)).toBe(1);
    expect(count(/missing-data code 999/)).toBe(3);
    expect(count(/no observed outcome/)).toBe(2);
    expect(summary.counts.find((c) => /position without a salience/.test(c.reason))!.where).toEqual([
      'line 2, column sse',
    ]);
    expect(summary.issues).toBe(6);
  });

  it('gives a position without a salience the default (50, or --default-salience)', () => {
    const sal = (ls: ReturnType<typeof load>) => {
      const is = ls.flatMap((l) => l.scenario.issues).find((i) => i.id === '2012/0011-1')!;
      const s = ls.find((l) => l.scenario.issues.includes(is))!.scenario;
      return is.salience[s.actors.findIndex((a) => a.id === 'SWE')];
    };
    expect(sal(load())).toBe(0.5);
    expect(sal(load({ defaultSalience: 20 }))).toBe(0.2);
  });

  it('maps each issue to the Council rule of its date, and the Parliament under codecision', () => {
    const ls = load();
    const byIssue = (id: string) => {
      for (const l of ls) {
        const is = l.scenario.issues.find((i) => i.id === id);
        if (is) return { s: l.scenario, is };
      }
      throw new Error(id);
    };
    const gdpr = byIssue('2012/0011-1'); // finact 27-04-16: Lisbon, codecision
    expect(gdpr.s.id).toBe('deu3-shaped-lisbon-2014-eu28-2016');
    expect(gdpr.is.rule.veto[gdpr.s.actors.findIndex((a) => a.id === 'EP')]).toBe(1);
    expect(gdpr.is.rule.veto[gdpr.s.actors.findIndex((a) => a.id === 'COM')]).toBe(0);
    const posting = byIssue('2013/0296-1'); // finact 15-05-14: Nice EU-28, consultation
    expect(posting.s.id).toBe('deu3-shaped-nice-2013-eu28-2014');
    expect(posting.is.rule.description).toMatch(/votes ≥ 260/);
    expect(posting.is.rule.veto.every((v) => v === 0)).toBe(true);
  });

  it('backtests with no hand editing', () => {
    const ls = load({ capabilities: 'votes' });
    const cases = ls.flatMap((l) => l.scenario.issues.filter((i) => i.observed));
    expect(cases).toHaveLength(4);
    const s = ls.find((l) => l.scenario.id === 'deu3-shaped-lisbon-2014-eu28-2016')!.scenario;
    // --capabilities votes under Lisbon: the last Nice weights (Germany 29, Malta 3).
    const share = (id: string) => s.capability[s.actors.findIndex((a) => a.id === id)]!;
    expect(share('DEU') / share('MLT')).toBeCloseTo(29 / 3, 12);
  });

  it('rejects a value outside 0–100 that is not a missing-data code, naming line and column', () => {
    const f = tmp('deu.csv', 'isnr;pcom;scom;pfr;sfr;out\nx;50;50;150;50;20\n');
    expect(error(() => loadFile(f, cwd)).message).toMatch(
      /deu\.csv:2: column pfr: position 150 is outside the scale \[0, 100\]/,
    );
  });

  it('reads a qmv column (1 qualified majority, 0 unanimity) on the Council of the date', () => {
    const f = tmp(
      'deu2.csv',
      [
        'prnrnmc,prnr,cod,isnr,qmv,date,rp,out,pcom,scom,pde,sde,pfr,sfr,ppl,spl,pep,sep,pcou,scou',
        '1,COM(2004)1,2004/0001(COD),a,1,2005-03-01,0,50,100,50,80,50,20,50,60,50,90,50,70,50',
        '2,COM(2004)2,2004/0002(CNS),b,0,2005-03-01,0,0,100,50,80,50,20,50,60,50,90,50,70,50',
      ].join('\n'),
    );
    const [l] = loadFile(f, cwd);
    const s = l!.scenario;
    expect(s.id).toBe('deu2-nice-2004-eu25-2005');
    const [a, b] = s.issues;
    expect(a!.rule.description).toMatch(/votes ≥ 232/);
    expect(a!.metadata).toMatchObject({ prnrnmc: '1', cod: '2004/0001(COD)', pcou: '70' });
    expect(s.actors.map((x) => x.id)).not.toContain('COU');
    const ep = s.actors.findIndex((x) => x.id === 'EP');
    expect(a!.rule.veto[ep]).toBe(1); // codecision
    expect(b!.rule.veto[ep]).toBe(0);
    // Unanimity: every member state of the date is a veto player, the Commission is not.
    const veto = (id: string) => b!.rule.veto[s.actors.findIndex((x) => x.id === id)];
    expect([veto('DEU'), veto('FRA'), veto('POL'), veto('COM')]).toEqual([1, 1, 1, 0]);
  });

  it('reads day-month-year dates with two-digit years', () => {
    expect(parseDeuDate('27-04-16')).toBe('2016-04-27');
    expect(parseDeuDate('01/11/2004')).toBe('2004-11-01');
    expect(parseDeuDate('1999')).toBe('1999-07-01');
    expect(parseDeuDate('32-01-99')).toBeNull();
  });
});

describe('the Council of the EU over time', () => {
  // From the Council of the EU organization (data/organizations/eu-council.yaml).
  it('switches to Nice on 2004-11-01 and to Lisbon on 2014-11-01; the UK leaves on 2020-01-31', () => {
    expect(councilOn('2004-10-31')!.id).toBe('eu25-2004');
    expect(councilOn('2004-11-01')!.id).toBe('nice-2004');
    expect(councilOn('2014-10-31')!.id).toBe('nice-2013');
    expect(councilOn('2014-11-01')!.id).toBe('lisbon-2014');
    expect(councilOn('2020-01-31')!.members).toContain('GBR');
    expect(councilOn('2020-02-01')!.members).not.toContain('GBR');
    expect(councilOn('2020-02-01')!.members).toHaveLength(27);
  });

  it("rewrites the organization's member counts over the scenario's fields (Lisbon: 55%, 15, 65%, or at most 3 against)", () => {
    expect(councilOn('2016-01-01')!.qmv).toEqual({
      any: [
        {
          all: [
            { sum: 'member', atLeastShare: 0.55 },
            { sum: 'member', atLeast: 15 },
            { sum: 'population', atLeastShare: 0.65 },
          ],
        },
        { sum: 'member', atLeast: 25 },
      ],
    });
    expect(councilOn('2016-01-01')!.dataFields).toEqual(['population']);
  });

  it('the weights sum to the treaty totals (87, 124, 321, 345, 352)', () => {
    const total = (d: string) => Object.values(councilOn(d)!.votes!).reduce((a, b) => a + b, 0);
    expect([
      total('2000-01-01'),
      total('2004-06-01'),
      total('2005-01-01'),
      total('2010-01-01'),
      total('2014-01-01'),
    ]).toEqual([87, 124, 321, 345, 352]);
  });

  it('QMV of EU-15: 62 of 87 votes passes, 61 fails (brute force on two coalitions)', () => {
    const era = councilOn('2000-01-01')!;
    const players = era.members.map((id) => ({ id, votes: era.votes![id]!, member: 1, ep: 0 }));
    const test = compileRule(councilRule(era, 'qmv', false), players as never);
    const yes = (ids: string[]) => test(era.members.map((m) => ids.includes(m)));
    // 10 + 10 + 10 + 10 + 8 + 5 + 5 = 58, then Denmark (3) or Austria (4).
    expect(yes(['FRA', 'DEU', 'ITA', 'GBR', 'ESP', 'BEL', 'NLD', 'DNK'])).toBe(false); // 61
    expect(yes(['FRA', 'DEU', 'ITA', 'GBR', 'ESP', 'BEL', 'NLD', 'AUT'])).toBe(true); // 62
  });
});

describe('long tables (CSV, TSV, XLSX)', () => {
  it('a four-column CSV (actor,position,salience,capability) is detected and forecast', () => {
    expect(detectFormat('f.csv', 'actor,position,salience,capability\n')).toBe('long');
    // …even when an actor is called "Actor" (KTAB's second line starts so).
    expect(detectFormat('f.csv', 'actor,position,salience\nActor,50,0.5\n')).toBe('long');
    expect(detectFormat('f.csv', 'x,y,2,1\nActor,Description,Power,P,S\n')).toBe('ktab');
    const [l] = loadFile(`${DIR}/four-columns.csv`, cwd);
    const s = l!.scenario;
    expect(s.actors.map((a) => a.id)).toEqual(['CHN', 'RUS', 'KAZ', 'IND']);
    expect(Array.from(s.capability)).toEqual([0.5, 0.3, 0.1, 0.1]);
    const [f] = forecastAll(s, { models: ['compromise'] });
    const w = [0.5 * 0.9, 0.3 * 0.7, 0.1 * 0.5, 0.1 * 0.8];
    expect(f!.compromise![0]).toBeCloseTo(
      (w[0]! * 80 + w[1]! * 60 + w[2]! * 30 + w[3]! * 20) / (w[0]! + w[1]! + w[2]! + w[3]!),
      12,
    );
  });

  it('a TSV with issues, headers in any case and spacing, per-issue scales and outcomes', () => {
    const [l] = loadFile(`${DIR}/long-two-issues.tsv`, cwd);
    const s = l!.scenario;
    const [budget, treaty] = s.issues;
    expect([budget!.lo[0], budget!.hi[0]]).toEqual([0, 10]);
    expect(budget!.statusQuo![0]).toBe(0);
    expect(budget!.observed!.position![0]).toBe(4);
    expect(budget!.salience[0]).toBe(0.8); // 0–100 saliences divided by 100
    expect(treaty!.has[2]).toBe(0);
    expect(l!.summary!.counts[0]!.reason).toMatch(/empty position/);
  });

  it('an XLSX workbook gives the same scenario as the CSV', () => {
    const aoa = [
      ['Actor', 'Position', 'Salience', 'Capability'],
      ['CHN', 80, 0.9, 0.5],
      ['RUS', 60, 0.7, 0.3],
      ['KAZ', 30, 0.5, 0.1],
      ['IND', 20, 0.8, 0.1],
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const f = tmp('four-columns.xlsx', bytes);
    const [x] = loadFile(f, cwd);
    const [c] = loadFile(`${DIR}/four-columns.csv`, cwd);
    expect(Array.from(x!.scenario.capability)).toEqual(Array.from(c!.scenario.capability));
    expect(Array.from(x!.scenario.issues[0]!.position)).toEqual(Array.from(c!.scenario.issues[0]!.position));
    // A bad cell in a workbook names its row.
    aoa[3] = ['KAZ', 130, 0.5, 0.1];
    const wb2 = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb2, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
    const g = tmp('bad.xlsx', XLSX.write(wb2, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(error(() => loadFile(g, cwd)).message).toMatch(
      /bad\.xlsx:4: column position: 130 is outside the scale \[0, 100\]/,
    );
  });

  it('bad input names the file, the line and the column, and shows the expected header', () => {
    const cases: Array<[string, RegExp]> = [
      [
        'actor,position,salience\nA,10,0.5\nB,20\n',
        /t\.csv:3: row has 2 cells; the header has 3 \(ragged row\)/,
      ],
      ['actor,position,salience,weight\nA,10,0.5,1\n', /t\.csv:1: column 4 "weight": unknown column/],
      [
        'actor,issue,position,salience\nA,x,10,0.5\nA,x,20,0.5\n',
        /t\.csv:3: column actor: A already has a row on issue "x" \(line 2\)/,
      ],
      [
        'actor,position,salience\nA,10,0.5\nB,120,0.5\n',
        /t\.csv:3: column position: 120 is outside the scale \[0, 100\]/,
      ],
      ['actor,position,salience\nA,ten,0.5\n', /t\.csv:2: column position: "ten" is not a number/],
      ['actor,position\nA,10\n', /t\.csv:1: the header has no column salience/],
    ];
    for (const [text, re] of cases) {
      const e = error(() => loadFile(tmp('t.csv', text), cwd, { format: 'long' }));
      expect(e.code).toBe('E_FILE_FORMAT');
      expect(e.message).toMatch(re);
      expect(e.hint).toBeTruthy();
    }
    const e = error(() => loadFile(tmp('t.csv', 'actor,position,salience,weight\nA,1,1,1\n'), cwd));
    expect(e.hint).toContain('actor,issue,position,salience');
  });
});
