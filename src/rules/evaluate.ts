/**
 * The meaning of a rule: which coalitions win. `compileRule` checks a rule against its players
 * (fields present, numeric, finite, non-negative; quotas attainable; named parties known) and
 * returns a predicate on coalitions given as membership arrays aligned with `players`.
 *
 * This is the reference semantics: the exact counting algorithms in src/power/ must agree with it
 * (they are tested against it by enumeration).
 */
import { ConcordError } from '../errors.js';
import type { Rule } from './schema.js';

export interface Player {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type Coalition = ReadonlyArray<boolean>;
export type WinningTest = (coalition: Coalition) => boolean;

/** Relative tolerance for share quotas on non-integer weights (floating-point sums). */
const EPS = 1e-12;

export function playerWeights(players: readonly Player[], field: string, path: string): number[] {
  return players.map((p, i) => {
    const v = p[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new ConcordError(
        'E_VALIDATION',
        `${path}: player ${p.id} has no usable "${field}" (got ${v === undefined ? 'nothing' : JSON.stringify(v)})`,
        {
          path: `players[${i}].${field}`,
          hint: `Give every player a finite, non-negative number in "${field}", or sum over another field.`,
        },
      );
    }
    return v;
  });
}

export function compileRule(rule: Rule, players: readonly Player[], path = 'rule'): WinningTest {
  const n = players.length;
  if (rule === 'consensus') return (c) => c.every(Boolean);
  if ('consensusMinus' in rule) {
    const ids = new Set(players.map((p) => p.id));
    rule.consensusMinus.forEach((id, i) => {
      if (!ids.has(id)) {
        throw new ConcordError('E_VALIDATION', `${path}.consensusMinus[${i}]: "${id}" is not a player`, {
          path: `${path}.consensusMinus[${i}]`,
          hint: `Name players of this game: ${[...ids].join(', ')}.`,
        });
      }
    });
    const out = new Set(rule.consensusMinus);
    const voting = players.map((p) => !out.has(p.id));
    return (c) => c.every((x, i) => x || !voting[i]);
  }
  if ('count' in rule) {
    const k = rule.count;
    if (k.atLeast !== undefined) {
      if (k.atLeast > n) quotaTooHigh(`${path}.count.atLeast`, k.atLeast, n);
      const q = k.atLeast;
      return (c) => countTrue(c) >= q;
    }
    if (k.atLeastShare !== undefined) {
      const q = k.atLeastShare * n * (1 - EPS);
      return (c) => countTrue(c) >= q;
    }
    if (k.moreThanShare !== undefined) {
      const q = k.moreThanShare * n * (1 + EPS);
      if (k.moreThanShare >= 1)
        quotaTooHigh(`${path}.count.moreThanShare`, k.moreThanShare, 'a share below 1');
      return (c) => countTrue(c) > q;
    }
    const against = k.atMostAgainst!;
    return (c) => n - countTrue(c) <= against;
  }
  if ('sum' in rule) {
    const w = playerWeights(players, rule.sum, path);
    const total = w.reduce((a, b) => a + b, 0);
    const sum = (c: Coalition) => c.reduce((s, x, i) => (x ? s + w[i]! : s), 0);
    if (rule.atLeast !== undefined) {
      if (rule.atLeast > total) quotaTooHigh(`${path}.atLeast`, rule.atLeast, total);
      const q = rule.atLeast - Math.abs(rule.atLeast) * EPS;
      return (c) => sum(c) >= q;
    }
    if (rule.atLeastShare !== undefined) {
      const q = rule.atLeastShare * total * (1 - EPS);
      return (c) => sum(c) >= q;
    }
    if (rule.moreThanShare! >= 1)
      quotaTooHigh(`${path}.moreThanShare`, rule.moreThanShare!, 'a share below 1');
    const q = rule.moreThanShare! * total * (1 + EPS);
    return (c) => sum(c) > q;
  }
  if ('all' in rule) {
    const parts = rule.all.map((r, i) => compileRule(r, players, `${path}.all[${i}]`));
    return (c) => parts.every((p) => p(c));
  }
  const parts = rule.any.map((r, i) => compileRule(r, players, `${path}.any[${i}]`));
  return (c) => parts.some((p) => p(c));
}

function countTrue(c: Coalition): number {
  let k = 0;
  for (const x of c) if (x) k++;
  return k;
}

function quotaTooHigh(path: string, quota: number, total: number | string): never {
  throw new ConcordError(
    'E_VALIDATION',
    `${path}: quota ${quota} is above the total ${total}: no coalition can win`,
    {
      path,
      hint: 'Lower the quota to at most the players’ total.',
    },
  );
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
  if ('all' in rule) return rule.all.map(describeRule).join(' and ');
  return rule.any.map(describeRule).join(' or ');
}

function fmtShare(x: number): string {
  const p = x * 100;
  return `${Number.isInteger(p) ? p : p.toFixed(2)}%`;
}
