/**
 * The meaning of a rule: which coalitions win. `compileRule` checks a rule against its players
 * (fields present, numeric, finite, non-negative; quotas attainable; named parties known; ids
 * unique) and returns a predicate on coalitions given as membership arrays aligned with `players`.
 * Comparisons are exact: see ./compile.ts for the scheme.
 *
 * This is the reference semantics: the exact counting algorithms in src/power/ must agree with it
 * (they are tested against it by enumeration).
 */
import { compile, winsExactly } from './compile.js';
import type { Rule, Share } from './schema.js';

export interface Player {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type Coalition = ReadonlyArray<boolean>;
export type WinningTest = (coalition: Coalition) => boolean;

/** The winning test of `rule` for `players`: exact (see ./compile.ts); throws E_VALIDATION with the path. */
export function compileRule(rule: Rule, players: readonly Player[], path = 'rule'): WinningTest {
  const c = compile(rule, players, path);
  return (coalition) => winsExactly(c, coalition);
}

/** Veto players: members of every winning coalition (equivalently, the grand coalition minus them loses). */
export function vetoPlayers(test: WinningTest, n: number): boolean[] {
  const all = new Array<boolean>(n).fill(true);
  return all.map((_, i) => {
    const c = all.slice();
    c[i] = false;
    return test(all) && !test(c);
  });
}

/** A short human description of a rule. */
export function describeRule(rule: Rule): string {
  if (rule === 'consensus') return 'consensus (unanimity)';
  if ('consensusMinus' in rule) return `consensus minus ${rule.consensusMinus.join(', ')}`;
  if ('among' in rule) {
    const of = `of ${rule.among.join(', ')}`;
    if (rule.atLeast !== undefined) return `at least ${rule.atLeast} ${of}`;
    if (rule.atLeastShare !== undefined) return `at least ${fmtShare(rule.atLeastShare)} ${of}`;
    return `more than ${fmtShare(rule.moreThanShare!)} ${of}`;
  }
  if ('count' in rule) {
    const k = rule.count;
    if (k.atLeast !== undefined) return `at least ${k.atLeast} members`;
    if (k.atLeastShare !== undefined) return `at least ${fmtShare(k.atLeastShare)} of members`;
    if (k.moreThanShare !== undefined) return `more than ${fmtShare(k.moreThanShare)} of members`;
    return `at most ${k.atMostAgainst} against`;
  }
  if ('sum' in rule) {
    if (rule.atLeast !== undefined) return `${rule.sum} ≥ ${rule.atLeast}`;
    if (rule.atLeastShare !== undefined) return `at least ${fmtShare(rule.atLeastShare)} of ${rule.sum}`;
    return `more than ${fmtShare(rule.moreThanShare!)} of ${rule.sum}`;
  }
  const wrap = (r: Rule, inner: 'all' | 'any') =>
    typeof r === 'object' && inner in r && (r as { all?: Rule[]; any?: Rule[] })[inner]!.length > 1
      ? `(${describeRule(r)})`
      : describeRule(r);
  if ('all' in rule) return rule.all.map((r) => wrap(r, 'any')).join(' and ');
  return rule.any.map((r) => wrap(r, 'all')).join(' or ');
}

function fmtShare(x: Share): string {
  if (typeof x === 'string') return x.replace(/\s+/g, '');
  const p = Number((x * 100).toPrecision(12));
  return `${p}%`;
}
