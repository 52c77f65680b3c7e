import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

describe('concord org', () => {
  it('lists the eight members on 2021-04-29 with the stable JSON keys', async () => {
    const r = await run('org', 'sco', '--at', '2021-04-29', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.members.map((m: { iso3: string }) => m.iso3).sort()).toEqual([
      'CHN',
      'IND',
      'KAZ',
      'KGZ',
      'PAK',
      'RUS',
      'TJK',
      'UZB',
    ]);
    expect(j.members[0].since).toBe('2001-06-15');
    expect(j.chair).toBe('TJK');
    expect(j.facts.areaKm2).toBeGreaterThan(34e6);
    expect(j.facts.population.year).toBe(2021);
    for (const k of ['eurasiaAreaShare', 'worldPopulationShare', 'worldGdpShare'])
      expect(typeof j.facts[k]).toBe('number');
    expect(j.facts.gdpUsd.value).toBeGreaterThan(1e13);
    expect(j.facts.gdpUsd.year).toBe(2021);
    expect(j.facts.nuclearStates).toHaveLength(4);
  });

  it('lists ten members and seventeen partners on 2026-11-29', async () => {
    const j = JSON.parse((await run('org', 'sco', '--at', '2026-11-29', '--json')).out);
    expect(j.members).toHaveLength(10);
    expect(j.partners).toHaveLength(17);
    expect(j.partners.every((p: { status: string }) => p.status === 'partner')).toBe(true);
  });

  it('exits 2 with a code and a hint on bad input, without a stack trace', async () => {
    for (const [args, code] of [
      [['org', 'nato'], 'E_UNKNOWN_ORG'],
      [['org', 'sco', '--at', '2021-13-01'], 'E_BAD_DATE'],
      [['org', 'sco', '--at', '1980-01-01'], 'E_BEFORE_FOUNDING'],
      [['country', 'XYZ'], 'E_UNKNOWN_COUNTRY'],
      [['claims', '/nonexistent/claims.yaml'], 'E_FILE_UNREADABLE'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`[${code}]`);
      expect(r.err).toContain('hint:');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 on a usage error', async () => {
    expect((await run('org')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });
});

describe('concord claims', () => {
  it('prints the claim check as JSON with the contract keys', async () => {
    const j = JSON.parse((await run('claims', '--json')).out);
    expect(j.claims).toHaveLength(5);
    for (const c of j.claims)
      for (const k of ['id', 'claimed', 'computed', 'year', 'verdict']) expect(c).toHaveProperty(k);
  });

  it('explains each verdict in the --lang language; JSON keeps the English', async () => {
    const en = await run('claims');
    expect(en.out).toContain('claimed more than 3.000 billion; computed 3.282 billion (2021 data)');
    const ru = await run('claims', '--lang', 'ru');
    expect(ru.code).toBe(0);
    expect(ru.out).toContain('заявлено: более 3,000 млрд; расчёт: 3,282 млрд (данные за 2021 г.)');
    expect(ru.out).not.toMatch(/claimed|computed|as named/);
    const zh = await run('claims', '--lang', 'zh');
    expect(zh.out).toContain('文中称超过30亿；计算值为32.82亿（2021年数据）');
    const j = JSON.parse((await run('claims', '--json', '--lang', 'ru')).out);
    expect(j.claims.find((c: { id: string }) => c.id === 'population').explanation).toBe(
      'claimed more than 3.000 billion; computed 3.282 billion (2021 data)',
    );
  });

  it('reports an unreadable claims file as E_FILE_FORMAT with the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    const f = join(dir, 'c.yaml');
    writeFileSync(f, 'id: x\n  bad: [\n');
    const r = await run('claims', f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_FILE_FORMAT|E_VALIDATION/);
  });
});

describe('the installed binary', () => {
  it('runs as `concord` from bin/, with exit codes', () => {
    const ok = execFileSync('node', ['bin/concord.js', 'org', 'sco', '--at', '2021-04-29', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok).members).toHaveLength(8);
    const bad = spawnSync('node', ['bin/concord.js', 'org', 'sco', '--at', 'yesterday'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('E_BAD_DATE');
    const debug = spawnSync('node', ['bin/concord.js', 'org', 'sco', '--at', 'yesterday', '--debug'], {
      encoding: 'utf8',
    });
    expect(debug.stderr).toMatch(/\n\s+at /);
    // package.json's "bin" (CommonJS: started without the ES module loader) prints the same
    const bin = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: { concord: string } }).bin
      .concord;
    expect(bin).toBe('bin/concord.cjs');
    expect(
      execFileSync('node', [bin, 'org', 'sco', '--at', '2021-04-29', '--json'], { encoding: 'utf8' }),
    ).toBe(ok);
    const badBin = spawnSync('node', [bin, 'org', 'sco', '--at', 'yesterday'], { encoding: 'utf8' });
    expect([badBin.status, badBin.stderr]).toEqual([bad.status, bad.stderr]);
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' })).toBe(
      execFileSync('node', ['bin/concord.js', '--version'], { encoding: 'utf8' }),
    );
  });

  it('writes the report with `concord report`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-'));
    const out = join(dir, 'r.html');
    const stdout = execFileSync('node', ['bin/concord.js', 'report', '--out', out, '--at', '2021-04-29'], {
      encoding: 'utf8',
    });
    expect(stdout).toContain('world-population-share: does not hold');
    expect(readFileSync(out, 'utf8')).toContain('<svg id="map"');
  });
});
