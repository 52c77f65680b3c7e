import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/cli/commands/balance.js';
import { displayWidth } from '../../src/util/format.js';
import { run } from '../helpers/cli.js';

describe('concord balance', () => {
  it('prints the series and the stage table for the SCO on GDP, 2001–2023', async () => {
    const r = await run('balance', 'sco', '--measure', 'gdp', '--from', '2001', '--to', '2023');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Balance of power in the Shanghai Cooperation Organisation \(SCO\): GDP/);
    expect(r.out).toContain('Members counted: the members on 31 December of each year');
    // One row per year in each of the two yearly tables.
    for (let y = 2001; y <= 2023; y++)
      expect(r.out.match(new RegExp(`^${y}  `, 'gm'))?.length, String(y)).toBe(2);
    expect(r.out).toMatch(/^stage\s+change\s+data\s+members\s+N\s+largest/m);
    expect(r.out).toMatch(/^2017-06-09\s+\+IND, PAK\s+2017\s+before\s+6\s+CHN \d+\.\d%/m);
    expect(r.out).toMatch(/^\s+after\s+8\s+CHN \d+\.\d%\s+IND \d+\.\d%/m);
    expect(r.out).toMatch(/^2024-07-04\s+\+BLR\s+2023\*/m);
    expect(r.out).toContain('* 2024-07-04: the GDP data end in 2023: measured on 2023 figures');
    expect(r.out).toContain('What changed');
    expect(r.out).toContain('The admission of India and Pakistan on 9 June 2017 brought');
    expect(r.out).toContain('CHN/RUS');
  });

  it('gives JSON with stable keys', async () => {
    const r = await run('balance', 'sco', '--measure', 'cinc', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.organization.id).toBe('sco');
    expect(j.measure).toMatchObject({ id: 'cinc', firstYear: 1946, lastYear: 2016 });
    expect(j.from).toBe(2001);
    expect(j.to).toBe(2016);
    expect(j.pair).toEqual(['CHN', 'RUS']);
    expect(j.membershipRule).toMatch(/31 December/);
    const y = j.years[0];
    for (const k of [
      'year',
      'members',
      'values',
      'missing',
      'total',
      'shares',
      'concentration',
      'pairRatio',
      'status',
    ])
      expect(y).toHaveProperty(k);
    for (const k of [
      'n',
      'hhi',
      'con',
      'effectiveNumber',
      'largest',
      'second',
      'hegemon',
      'topTwoRatio',
      'outsideTopTwo',
    ])
      expect(y.concentration).toHaveProperty(k);
    expect(j.stages).toHaveLength(4);
    for (const k of [
      'from',
      'stageYear',
      'kind',
      'joined',
      'left',
      'dataYear',
      'before',
      'after',
      'joinedShare',
      'sentence',
    ])
      expect(j.stages[1]).toHaveProperty(k);
    expect(j.stages[1].dataYear).toBe(2016);
    expect(j.hypothetical).toBeNull();
  });

  it('reports years beyond the data as missing', async () => {
    const r = await run('balance', 'sco', '--measure', 'cinc', '--from', '2014', '--to', '2018');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2017\s+–.*missing: the CINC data end in 2016/m);
    expect(r.out.replace(/\n\s+/g, ' ')).toContain(
      'note: CINC: the data end in 2016; 2017–2018 reported as missing, not extrapolated',
    );
  });

  it('marks members without figures in a year', async () => {
    const r = await run('balance', 'sco', '--measure', 'milex', '--from', '2007', '--to', '2009');
    expect(r.out).toMatch(/^2008 .* n\/a .*partial: no figure for UZB/m);
  });

  it('shows a hypothetical enlargement with --with (and --add)', async () => {
    for (const opt of ['--with', '--add']) {
      const r = await run('balance', 'sco', opt, 'TUR', '--to', '2023');
      expect(r.code, opt).toBe(0);
      expect(r.out).toContain('What if (members of 31 December 2023 +TUR)');
      expect(r.out).toContain('Adding Türkiye to the nine members of 31 December 2023 would bring');
    }
    const j = JSON.parse((await run('balance', 'sco', '--without', 'IND,PAK', '--json')).out);
    expect(j.hypothetical.remove).toEqual(['IND', 'PAK']);
  });

  it('follows another pair with --pair', async () => {
    const j = JSON.parse((await run('balance', 'sco', '--pair', 'IND,PAK', '--from', '2017', '--json')).out);
    expect(j.pair).toEqual(['IND', 'PAK']);
    expect(j.years[0].pairRatio).toBeGreaterThan(1);
  });

  it('exits 2 with a code, a message and a hint on bad input', async () => {
    for (const [args, code, message] of [
      [['balance', 'sco', '--measure', 'gpd'], 'E_USAGE', 'unknown measure "gpd"'],
      [['balance', 'sco', '--measure', 'cinc', '--from', '2017', '--to', '2023'], 'E_NO_DATA', '2017–2023'],
      [['balance', 'sco', '--from', '20x1'], 'E_USAGE', '--from: "20x1" is not a year'],
      [['balance', 'sco', '--from', '2020', '--to', '2010'], 'E_USAGE', '--from 2020 is after --to 2010'],
      [['balance', 'sco', '--from', '1990', '--to', '1995'], 'E_BEFORE_FOUNDING', 'founded on 2001-06-15'],
      [['balance', 'sco', '--pair', 'CHN'], 'E_USAGE', '--pair'],
      [['balance', 'sco', '--with', 'CHN'], 'E_USAGE', 'already a member'],
      [['balance', 'sco', '--with', 'XYZ'], 'E_UNKNOWN_COUNTRY', 'XYZ'],
      [['balance', 'nato'], 'E_UNKNOWN_ORG', 'nato'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(`[${code}]`);
      expect(r.err, args.join(' ')).toContain(message);
      expect(r.err).toContain('hint:');
      expect(r.out).toBe('');
    }
  });

  it('wraps long lines without breaking words', () => {
    const w = wrap('aaa bbb ccc ddd', 9, '  ');
    expect(w).toBe('aaa bbb\n  ccc ddd');
    expect(wrap('short', 100)).toBe('short');
  });

  it('wraps Chinese by columns, between characters, at the width of the English text', async () => {
    // Before: a Chinese paragraph has no space, so it stayed one line of 200 columns and more.
    const zh = await run(
      'balance',
      'sco',
      '--measure',
      'gdp',
      '--from',
      '2001',
      '--to',
      '2023',
      '--lang',
      'zh',
    );
    expect(zh.code).toBe(0);
    const lines = zh.out.split('\n');
    const legend = lines.findIndex((l) => l.startsWith('HHI = Σ'));
    expect(legend).toBeGreaterThan(0);
    // The legend and the stage sentences are wrapped in 100 columns, a wide character counting two.
    for (const l of lines.slice(legend, legend + 4)) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    expect(lines[legend + 1]).toMatch(/^ {2}\S/);
    const stage = lines.findIndex((l) => /^2017\/6\/9 +2017年/.test(l));
    expect(stage).toBeGreaterThan(0);
    expect(lines[stage]).toMatch(/^2017\/6\/9 {4}2017年6月9日/);
    expect(lines[stage + 1]).toMatch(/^ {12}\S/);
    for (const l of lines.slice(stage, stage + 3)) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
  });
});
