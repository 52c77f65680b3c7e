/**
 * The workbench's case as data: every edit is a function on a copy of the scenario file, so the
 * edited case can be resolved exactly as the CLI resolves it, undone, put in a link and saved as
 * YAML. Pure; no DOM (tested in test/web/edit.test.ts).
 *
 * The link carries the whole file, compressed (lz-string), not a difference from a shipped
 * scenario: a shipped scenario may be recoded later, and the link must still reproduce its case.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { stringify } from 'yaml';
import type { Rule } from '../../../src/rules/schema.js';
import { type ScenarioFile, ScenarioFileSchema } from '../../../src/scenario/schema.js';
import type { ResolvedScenario } from '../../../src/scenario/types.js';

/** Rules a teacher can switch between; `null` value: the rule as coded in the file. */
export const RULE_PRESETS: ReadonlyArray<{ id: string; label: string; rule: Rule }> = [
  { id: 'consensus', label: 'Consensus (unanimity)', rule: 'consensus' },
  { id: 'majority', label: 'Simple majority (more than half)', rule: { count: { moreThanShare: 0.5 } } },
  { id: 'two-thirds', label: 'Two-thirds of the members', rule: { count: { atLeastShare: '2/3' } } },
  {
    id: 'double-majority',
    label: 'Double majority (members and population)',
    rule: { all: [{ count: { moreThanShare: 0.5 } }, { sum: 'population', moreThanShare: 0.5 }] },
  },
];

export function presetOf(rule: Rule | undefined): string {
  if (rule === undefined) return '';
  const key = JSON.stringify(rule);
  return RULE_PRESETS.find((p) => JSON.stringify(p.rule) === key)?.id ?? 'custom';
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A new coding at the middle of the issue's scale, salience 0.5, noted as added here. */
function midPosition(is: ResolvedScenario['issues'][number]) {
  const mid = Array.from(is.lo, (lo, d) => round((lo + is.hi[d]!) / 2));
  return {
    position: is.dims === 1 ? mid[0]! : mid,
    salience: is.dims === 1 ? 0.5 : mid.map(() => 0.5),
    note: 'added in the workbench',
  };
}

/** Applies `edit` to a deep copy of the file. */
export function edited(file: ScenarioFile, edit: (draft: ScenarioFile) => void): ScenarioFile {
  const draft = structuredClone(file);
  edit(draft);
  return draft;
}

function setPoint(
  p: number | number[] | undefined,
  dims: number,
  d: number,
  v: number,
  fallback: ArrayLike<number>,
) {
  if (dims === 1) return round(v);
  const a = Array.isArray(p) ? [...p] : Array.from(fallback, round);
  a[d] = round(v);
  return a;
}

/**
 * An actor's entry on issue `k` as one coding, for editing: a list of several coders' codings is
 * replaced by their mean (what the models use), the coders named in its note.
 */
function oneCoding(f: ScenarioFile, k: number, actor: string) {
  const positions = f.issues[k]!.positions;
  const e = positions[actor];
  if (!e || !Array.isArray(e)) return e;
  const mean = (xs: Array<number | number[]>) => {
    if (xs.every((x) => typeof x === 'number'))
      return round((xs as number[]).reduce((a, b) => a + b, 0) / xs.length);
    const arrs = xs.map((x) => (Array.isArray(x) ? x : [x]));
    return arrs[0]!.map((_, d) => round(arrs.reduce((a, x) => a + x[d]!, 0) / arrs.length));
  };
  const one = {
    position: mean(e.map((c) => c.position)),
    salience: mean(e.map((c) => c.salience)),
    note: `edited in the workbench from the mean of the codings of ${e.map((c) => c.coder).join(', ')}`,
  };
  positions[actor] = one;
  return one;
}

/** An actor's position on issue `k`, dimension `d`. */
export function setPosition(k: number, actor: string, dims: number, d: number, v: number) {
  return (f: ScenarioFile) => {
    const e = oneCoding(f, k, actor);
    if (!e) return;
    e.position = setPoint(e.position, dims, d, v, Array.isArray(e.position) ? e.position : [e.position]);
  };
}

/** An actor's salience on issue `k`, dimension `d` (0–1). */
export function setSalience(k: number, actor: string, dims: number, d: number, v: number) {
  return (f: ScenarioFile) => {
    const e = oneCoding(f, k, actor);
    if (!e) return;
    const s = Math.min(1, Math.max(0, v));
    e.salience = setPoint(e.salience, dims, d, s, Array.isArray(e.salience) ? e.salience : [e.salience]);
  };
}

/** Whether an actor takes a position on issue `k` (null: it takes no part, never blocks). */
export function setTakesPart(k: number, actor: string, part: boolean, s: ResolvedScenario) {
  return (f: ScenarioFile) => {
    const issue = f.issues[k]!;
    if (!part) {
      issue.positions[actor] = null;
      return;
    }
    issue.positions[actor] = midPosition(s.issues[k]!);
  };
}

export function setStatusQuo(k: number, dims: number, d: number, v: number, current: ArrayLike<number>) {
  return (f: ScenarioFile) => {
    const issue = f.issues[k]!;
    issue.statusQuo = setPoint(issue.statusQuo, dims, d, v, current);
  };
}

export function setProposal(k: number, dims: number, d: number, v: number, current: ArrayLike<number>) {
  return (f: ScenarioFile) => {
    const issue = f.issues[k]!;
    issue.proposal = setPoint(issue.proposal, dims, d, v, current);
  };
}

export function setRule(rule: Rule | undefined) {
  return (f: ScenarioFile) => {
    if (rule === undefined) delete f.rule;
    else f.rule = rule;
    // An issue's own rule would hide the change: the workbench's rule applies to every issue.
    for (const issue of f.issues) delete issue.rule;
  };
}

export function setChair(id: string) {
  return (f: ScenarioFile) => {
    f.chair = id;
  };
}

/** A capability share (0–1) for one actor, or `null` to take it from the data again. */
export function setCapability(actor: string, share: number | null) {
  return (f: ScenarioFile) => {
    f.actors ??= {};
    const a = { ...(f.actors[actor] ?? {}) };
    if (share === null) delete a.capability;
    else a.capability = round(Math.max(0, share));
    f.actors[actor] = a;
  };
}

/** The actors written out in full (names and capability shares), no longer the organization's members. */
function materialize(f: ScenarioFile, s: ResolvedScenario, orgRule: Rule | undefined) {
  const actors: NonNullable<ScenarioFile['actors']> = {};
  s.actors.forEach((a, i) => {
    actors[a.id] = { ...(f.actors?.[a.id] ?? {}), name: a.name, capability: round(s.capability[i]!) };
  });
  f.actors = actors;
  if (f.organization !== undefined) {
    f.rule ??= orgRule ?? 'consensus';
    if (f.chair === undefined && s.chair >= 0) f.chair = s.actors[s.chair]!.id;
    delete f.organization;
  }
}

/**
 * Removes an actor. A member of the organization cannot leave the organization's list, so the
 * case is written out with explicit actors (their capability shares as resolved, renormalised), the
 * organization's rule and chair: the forecasts then see exactly the others.
 */
export function removeActor(actor: string, s: ResolvedScenario, orgRule: Rule | undefined) {
  return (f: ScenarioFile) => {
    materialize(f, s, orgRule);
    const removed = f.actors![actor]?.capability ?? 0;
    delete f.actors![actor];
    const rest = Object.values(f.actors!);
    const total = 1 - removed;
    if (total > 0) for (const a of rest) a.capability = round((a.capability ?? 0) / total);
    if (f.chair === actor) delete f.chair;
    f.issues.forEach((issue, k) => {
      delete issue.positions[actor];
      if (issue.proposer === actor) {
        const is = s.issues[k]!;
        if (issue.proposal === undefined && is.proposal)
          issue.proposal = is.dims === 1 ? round(is.proposal[0]!) : Array.from(is.proposal, round);
        delete issue.proposer;
      }
      if (issue.outcome?.participants)
        issue.outcome.participants = issue.outcome.participants.filter((p) => p !== actor);
    });
    if (f.outcome?.participants) f.outcome.participants = f.outcome.participants.filter((p) => p !== actor);
    if (f.rule && typeof f.rule === 'object' && 'consensusMinus' in f.rule) {
      const left = f.rule.consensusMinus.filter((p) => p !== actor);
      f.rule = left.length ? { consensusMinus: left } : 'consensus';
    }
  };
}

/** Adds an actor with a capability share, at the middle of every issue with salience 0.5. */
export function addActor(
  actor: string,
  name: string,
  share: number,
  s: ResolvedScenario,
  orgRule: Rule | undefined,
) {
  return (f: ScenarioFile) => {
    // Without an organization, the actors are those under `actors` once it exists.
    if (f.organization === undefined && !f.actors) materialize(f, s, orgRule);
    f.actors ??= {};
    f.actors[actor] = { name: name || actor, capability: round(share), note: 'added in the workbench' };
    f.issues.forEach((issue, k) => {
      issue.positions[actor] = midPosition(s.issues[k]!);
    });
  };
}

/** The case as the `case` parameter of a link. */
export function encodeCase(f: ScenarioFile): string {
  return compressToEncodedURIComponent(JSON.stringify(f));
}

/** A link's case, checked with the scenario schema; an error names what is wrong. */
export function decodeCase(text: string): ScenarioFile {
  const json = decompressFromEncodedURIComponent(text);
  if (!json) throw new Error('the link’s case could not be decompressed (was the link cut short?)');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('the link’s case is not valid JSON');
  }
  const r = ScenarioFileSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`the link’s case is not a valid scenario: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data;
}

/** The case as a scenario file (YAML), with a header saying where it came from. */
export function caseYaml(f: ScenarioFile, origin: string): string {
  return `# Edited in the Concord lab's issue workbench from ${origin}.\n# Run it with: concord forecast ${f.id}.yaml\n${stringify(f, { lineWidth: 0 })}`;
}

export const sameCase = (a: ScenarioFile | null, b: ScenarioFile | null) =>
  a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
