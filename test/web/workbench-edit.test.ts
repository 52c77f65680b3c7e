// The workbench's edits on the scenario file (web/src/workbench/edit.ts): each edited case resolves
// as the CLI resolves it, and a link's case comes back exactly.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { forecastIssue, modelOutcome } from '../../src/bargaining/forecast.js';
import { loadDataset } from '../../src/data/load.js';
import { loadOrganizations } from '../../src/org/load.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import type { ScenarioFile } from '../../src/scenario/schema.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';
import {
  addActor,
  caseYaml,
  decodeCase,
  edited,
  encodeCase,
  presetOf,
  removeActor,
  setCapability,
  setChair,
  setRule,
  setSalience,
} from '../../web/src/workbench/edit.js';

const registry = loadOrganizations();
const dataset = loadDataset();
const lib = { registry, dataset };
const file: ScenarioFile = ScenarioFileSchema.parse(
  parse(readFileSync('scenarios/sco/06-development-bank-2010.yaml', 'utf8')),
);
const resolved = resolveScenario(file, lib);
const orgRule = registry.get('sco').rule;

describe('the workbench case', () => {
  it('comes back exactly from a link, and a damaged link says what is wrong', () => {
    const changed = edited(file, setSalience(0, 'KAZ', 1, 0, 0.15));
    const text = encodeCase(changed);
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(decodeCase(text)).toEqual(changed);
    expect(() => decodeCase(text.slice(0, 40))).toThrow(/link/);
    expect(() => decodeCase(encodeCase({ ...changed, issues: [] } as ScenarioFile))).toThrow(/issues/);
  });

  it("changes Kazakhstan's salience and the rule, and the forecasts follow", () => {
    const changed = edited(
      edited(file, setSalience(0, 'KAZ', 1, 0, 0.1)),
      setRule({ count: { moreThanShare: 0.5 } }),
    );
    expect(presetOf(changed.rule)).toBe('majority');
    expect((file.issues[0]!.positions.KAZ as { salience: number }).salience).not.toBe(0.1); // the original is untouched
    const r = resolveScenario(changed, lib);
    const kaz = r.actors.findIndex((a) => a.id === 'KAZ');
    expect(r.issues[0]!.salience[kaz]).toBe(0.1);
    expect(r.issues[0]!.rule.description).toMatch(/more than/);
    const before = forecastIssue(resolved, resolved.issues[0]!);
    const after = forecastIssue(r, r.issues[0]!);
    expect(modelOutcome(after, 'compromise')![0]).not.toBe(modelOutcome(before, 'compromise')![0]);
  });

  it('removes a member: the others keep their capability shares, renormalised', () => {
    const r = resolveScenario(edited(file, removeActor('RUS', resolved, orgRule)), lib);
    expect(r.actors.map((a) => a.id)).toEqual(resolved.actors.map((a) => a.id).filter((id) => id !== 'RUS'));
    const rus = resolved.actors.findIndex((a) => a.id === 'RUS');
    const rest = 1 - resolved.capability[rus]!;
    r.actors.forEach((a, i) => {
      const j = resolved.actors.findIndex((b) => b.id === a.id);
      expect(r.capability[i]).toBeCloseTo(resolved.capability[j]! / rest, 5);
    });
    expect(r.issues[0]!.rule.description).toBe(resolved.issues[0]!.rule.description);
    expect(r.chair).toBeGreaterThanOrEqual(0);
    expect(r.actors[r.chair]!.id).toBe(resolved.actors[resolved.chair]!.id);
  });

  it('adds an actor with 5% capability in the middle of the scale, and sets chair and capability', () => {
    let f = edited(file, addActor('TKM', 'Turkmenistan', 0.05, resolved, orgRule));
    f = edited(f, setChair('TKM'));
    f = edited(f, setCapability('CHN', 0.5));
    const r = resolveScenario(f, lib);
    const tkm = r.actors.findIndex((a) => a.id === 'TKM');
    expect(tkm).toBeGreaterThanOrEqual(0);
    expect(r.capability[tkm]).toBeCloseTo(0.05, 10);
    expect(r.capability[r.actors.findIndex((a) => a.id === 'CHN')]).toBeCloseTo(0.5, 10);
    expect(r.issues[0]!.position[tkm]).toBe(50);
    expect(r.actors[r.chair]!.id).toBe('TKM');
  });

  it('saves as a YAML scenario file that reads back to the same case', () => {
    const changed = edited(file, setSalience(0, 'KAZ', 1, 0, 0.1));
    const back = ScenarioFileSchema.parse(parse(caseYaml(changed, 'test')));
    expect(back).toEqual(changed);
  });
});
