import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { ConcordError } from '../../src/errors.js';
import { loadOrganizations } from '../../src/org/load.js';
import { loadFile, loadPath, parseScenarioText } from '../../src/scenario/load.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';

const reg = loadOrganizations();
const ds = loadDataset();

const BASE = `id: t
title: test
date: 2010-11-25
organization: sco
capability: gdp
issues:
  - id: bank
    statusQuo: 0
    proposer: CHN
    proposal: 100
    positions:
      CHN: { position: 100, salience: 0.8 }
      RUS: { position: 15, salience: 0.7 }
      KAZ: { position: 45, salience: 0.5 }
      KGZ: { position: 70, salience: 0.6 }
      TJK: { position: 70, salience: 0.6 }
      UZB: { position: 35, salience: 0.5 }
`;

function tmp(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'concord-scn-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: name };
}

function error(fn: () => unknown): ConcordError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConcordError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('resolving a scenario', () => {
  it('takes the members, the chair and the rule on the date, and GDP shares from the data', () => {
    const s = resolveScenario(parseScenarioText(BASE, 't.yaml'), { registry: reg, dataset: ds });
    expect(s.actors.map((a) => a.id).sort()).toEqual(['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(s.actors[s.chair]!.id).toBe('KAZ');
    expect(s.issues[0]!.rule.description).toBe('consensus (unanimity)');
    expect(s.issues[0]!.rule.veto.every((v) => v === 1)).toBe(true);
    expect(s.capabilityYear).toBe(2010);
    const sum = s.capability.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    const i = s.actors.findIndex((a) => a.id === 'CHN');
    const j = s.actors.findIndex((a) => a.id === 'RUS');
    expect(s.capability[i]! / s.capability[j]!).toBeCloseTo(
      ds.gdp.get('CHN', 2010)! / ds.gdp.get('RUS', 2010)!,
      9,
    );
  });

  it('treats a capability override as a share and shares the rest by the data', () => {
    const text = BASE.replace('issues:', 'actors:\n  RUS: { capability: 0.3 }\nissues:');
    const s = resolveScenario(parseScenarioText(text, 't.yaml'), { registry: reg, dataset: ds });
    const rus = s.actors.findIndex((a) => a.id === 'RUS');
    expect(s.capability[rus]).toBeCloseTo(0.3, 12);
    expect(s.capability.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('falls back to the latest data year and says so (CINC ends in 2016)', () => {
    const text = BASE.replace('capability: gdp', 'capability: cinc')
      .replace('2010-11-25', '2019-06-14')
      .replace(
        / {6}UZB.*\n/,
        '      UZB: { position: 35, salience: 0.5 }\n      IND: null\n      PAK: null\n',
      );
    const s = resolveScenario(parseScenarioText(text, 't.yaml'), { registry: reg, dataset: ds });
    expect(s.capabilityYear).toBe(2016);
    expect(s.capabilityNote).toMatch(/2016 used/);
    expect(s.issues[0]!.has[s.actors.findIndex((a) => a.id === 'IND')]).toBe(0);
  });
});

describe('capabilities from military expenditure (SIPRI from 1992)', () => {
  it("takes SIPRI's figures of the date's year, or the latest year with a figure for every actor", () => {
    const text = BASE.replace('capability: gdp', 'capability: milex').replace('2010-11-25', '2016-06-24');
    const s = resolveScenario(parseScenarioText(text, 't.yaml'), { registry: reg, dataset: ds });
    // SIPRI has no figure for Uzbekistan from 2004 to 2017, so the common year is 2003.
    expect(s.capabilityYear).toBe(2003);
    const i = s.actors.findIndex((a) => a.id === 'CHN');
    const j = s.actors.findIndex((a) => a.id === 'RUS');
    expect(s.capability[i]! / s.capability[j]!).toBeCloseTo(
      ds.milex.get('CHN', 2003)! / ds.milex.get('RUS', 2003)!,
      9,
    );
    expect(ds.milex.meta.segments!.at(-1)!.source).toBe('SIPRI Milex 2025');
  });
});

describe('bad input names the file, the line and the field', () => {
  it('a position outside the scale', () => {
    const e = error(() => {
      const { dir, file } = tmp('s.yaml', BASE.replace('position: 15', 'position: 150'));
      loadFile(file, dir);
    });
    expect(e.code).toBe('E_VALIDATION');
    expect(e.message).toMatch(
      /^s\.yaml:13: issues\[0\]\.positions\.RUS\.position: position 150 is outside the scale \[0, 100\]/,
    );
  });

  it('a salience outside [0, 1]', () => {
    const e = error(() => parseScenarioText(BASE.replace('salience: 0.7', 'salience: 1.4'), 's.yaml'));
    expect(e.code).toBe('E_VALIDATION');
    expect(e.message).toMatch(/^s\.yaml:13: issues\[0\]\.positions\.RUS\.salience: salience is at most 1/);
    expect(e.path).toBe('issues[0].positions.RUS.salience');
  });

  it('an unknown actor', () => {
    const { dir, file } = tmp(
      's.yaml',
      BASE.replace('      UZB:', '      IND: { position: 10, salience: 0.5 }\n      UZB:'),
    );
    const e = error(() => loadFile(file, dir));
    expect(e.message).toMatch(
      /^s\.yaml:17: issues\[0\]\.positions\.IND: "IND" is not an actor of this scenario/,
    );
    expect(e.hint).toMatch(/members of SCO on 2010-11-25/);
  });

  it('a member without an entry', () => {
    const { dir, file } = tmp('s.yaml', BASE.replace(/ {6}UZB.*\n/, ''));
    const e = error(() => loadFile(file, dir));
    expect(e.message).toMatch(/issues\[0\]\.positions\.UZB: UZB has no entry/);
    expect(e.hint).toMatch(/UZB: null/);
  });

  it('a missing status quo where the model needs one', () => {
    const tioli = BASE.replace('    statusQuo: 0\n', '').replace(
      '    proposal: 100\n',
      '    proposal: 100\n    amendable: false\n',
    );
    const { dir, file } = tmp('s.yaml', tioli);
    const e = error(() => loadFile(file, dir));
    expect(e.message).toMatch(/issues\[0\]\.statusQuo: a take-it-or-leave-it issue needs a status quo/);
    const opt = BASE.replace('    statusQuo: 0\n', '').replace(
      '    proposal: 100\n',
      '    proposal: 100\n    optOut: true\n',
    );
    const t2 = tmp('o.yaml', opt);
    expect(error(() => loadFile(t2.file, t2.dir)).message).toMatch(/an opt-out issue needs a status quo/);
  });

  it('the wrong number of dimensions, and YAML syntax errors with their line', () => {
    const e = error(() =>
      resolveScenario(
        ScenarioFileSchema.parse({
          id: 'x',
          actors: { A: {}, B: {} },
          issues: [
            {
              id: 'i',
              dimensions: [{ id: 'a' }, { id: 'b' }],
              positions: { A: { position: 3, salience: 1 }, B: null },
            },
          ],
        }),
      ),
    );
    expect(e.message).toMatch(
      /issues\[0\]\.positions\.A\.position: position has 1 number\(s\); the issue has 2 dimension\(s\)/,
    );
    const y = error(() => parseScenarioText('id: x\nissues:\n  - id: [unclosed\n', 'bad.yaml'));
    expect(y.code).toBe('E_FILE_FORMAT');
    expect(y.message).toMatch(/^bad\.yaml:\d+: not valid YAML/);
  });

  it('a date before the organization existed', () => {
    const { dir, file } = tmp('s.yaml', BASE.replace('2010-11-25', '1990-01-01'));
    const e = error(() => loadFile(file, dir));
    expect(e.code).toBe('E_BEFORE_FOUNDING');
    expect(e.message).toMatch(/^s\.yaml:3: date:/);
  });
});

describe('the SCO cases', () => {
  const cases = loadPath('scenarios/sco', process.cwd());

  it('code all 26 decisions, each position with a rationale and a source, each issue with an observed outcome', () => {
    expect(cases).toHaveLength(26);
    for (const { scenario: s, file } of cases) {
      expect(s.organization?.id, file).toBe('sco');
      for (const is of s.issues) {
        expect(is.observed, `${file} ${is.id}`).not.toBeNull();
        expect(is.observed!.position, `${file} ${is.id}`).not.toBeNull();
        expect(is.observed!.adopted, `${file} ${is.id}`).not.toBeNull();
        s.actors.forEach((a, i) => {
          if (!is.has[i]) return;
          expect(is.positionNotes[i]?.note, `${file} ${is.id} ${a.id}`).toBeTruthy();
          expect(is.positionNotes[i]?.source, `${file} ${is.id} ${a.id}`).toBeTruthy();
        });
      }
    }
  });
});
